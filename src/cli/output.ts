/** Text and JSON output shared by the commands. */

/** JSON with BigInt as numbers where exact (all amounts are far below 2^53), else as strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v) => {
      if (typeof v === "bigint") {
        if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) return v.toString();
        return Number(v);
      }
      return v;
    },
    2,
  );
}

/** A plain-text table: columns padded, the listed ones right-aligned. */
export function table(rows: string[][], alignRight: number[] = []): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) => r.map((cell, c) => (alignRight.includes(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ").trimEnd())
    .join("\n");
}

/** Splits a comma-separated list option ("1,2,3"). */
export function splitList(text: string): string[] {
  return text.split(",").map((s) => s.trim());
}

/**
 * Shows control characters visibly, for text that came from a user's file or
 * file name (a header, a cell, a path). A newline or an escape sequence in a
 * cell could otherwise forge a line of output ("inga avvikelser") or drive
 * the terminal: `\n`, `\r`, `\t` and `\x1B` style escapes are printed instead.
 * Also U+2028/U+2029 (line breaks to some viewers) and the C1 controls.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    const n = c.charCodeAt(0);
    return n > 0xff ? `\\u${n.toString(16).toUpperCase().padStart(4, "0")}` : `\\x${n.toString(16).toUpperCase().padStart(2, "0")}`;
  });
}
