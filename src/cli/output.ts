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
