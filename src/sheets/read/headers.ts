/** Matching the header row: known headers exactly or by a small typo, columns out of their layout order, the message when nothing matches. */
import { a1, editDistance, normaliseHeader } from "../cells";
import { Column, SheetColumns, allColumns } from "../columns";
import { Finding } from "../findings";
import { colLetters, isEmpty } from "../cells";
import { HeaderReading, ReadOptions, SheetReadError } from "./types";

export const MAX_HEADER_SCAN = 40;

interface HeaderKey {
  column: Column;
  key: string;
}

export const keysCache = new WeakMap<SheetColumns, { exact: Map<string, Column>; all: HeaderKey[] }>();
export function headerKeys(cols: SheetColumns): { exact: Map<string, Column>; all: HeaderKey[] } {
  let k = keysCache.get(cols);
  if (!k) {
    const exact = new Map<string, Column>();
    const all: HeaderKey[] = [];
    for (const c of allColumns(cols)) {
      for (const text of [c.header, c.id, ...c.aliases]) {
        const key = normaliseHeader(text);
        if (!key) continue;
        if (!exact.has(key)) exact.set(key, c);
        all.push({ column: c, key });
      }
    }
    keysCache.set(cols, (k = { exact, all }));
  }
  return k;
}

/** The column a header names: exactly (normalised), or by a small typo (reported). */
export function matchHeader(cols: SheetColumns, text: string): { column: Column; guessed: boolean } | undefined {
  const norm = normaliseHeader(text);
  if (!norm) return undefined;
  const { exact, all } = headerKeys(cols);
  const hit = exact.get(norm);
  if (hit) return { column: hit, guessed: false };
  // A rule-and-criterion id anywhere in the header ("GK1.innehall") identifies the column.
  const max = norm.length <= 12 ? 1 : norm.length <= 40 ? 2 : 3;
  let best: Column | undefined;
  let bestD = max + 1;
  let tie = false;
  for (const { column, key } of all) {
    const d = editDistance(norm, key, max);
    if (d < bestD) {
      best = column;
      bestD = d;
      tie = false;
    } else if (d === bestD && best !== column) tie = true;
  }
  return best && !tie ? { column: best, guessed: true } : undefined;
}

/**
 * The message for a sheet whose header row cannot be found: the headers in
 * the row that looks most like one (the most text cells), which of them were
 * not understood, and the headers expected.
 */
export function headersNotUnderstood(values: unknown[][], scan: number, cols: SheetColumns): string {
  let best = -1;
  let bestTexts = 0;
  for (let r = 0; r < scan; r++) {
    const n = (values[r] ?? []).filter((v) => typeof v === "string" && v.trim() !== "").length;
    if (n > bestTexts) {
      best = r;
      bestTexts = n;
    }
  }
  const expected = [...cols.identity.map((c) => c.header), ...cols.inputs.slice(0, 3).map((c) => c.header)];
  const tail = `Väntade rubriker: ${expected.map((h) => `"${h}"`).join(", ")} … (${cols.identity.length + cols.inputs.length} kolumner; hämta en ny mall med stim template ${cols.agreement.id}).`;
  if (best < 0 || bestTexts < 2) return `Ingen fördelningstabell hittades: ingen av de första ${scan} raderna har rubrikerna Kod, Namn och kriteriekolumnerna för ${cols.agreement.id}. ${tail}`;
  const texts = (values[best] ?? []).filter((v): v is string => typeof v === "string" && v.trim() !== "");
  const unknown = texts.filter((t) => !matchHeader(cols, t));
  return `Ingen fördelningstabell hittades: rubrikerna känns inte igen: rad ${best + 1} har ${texts.length} rubriker, varav ${unknown.length} inte förstås (${unknown.slice(0, 8).map((t) => `"${t}"`).join(", ")}${unknown.length > 8 ? " …" : ""}); en kolumn "Kod" med kommun- och länskoderna behövs. ${tail}`;
}

/** Sorts header-row cells ("AB7" after "Z7") by column. */
export function cellOrder(cell: string): number {
  const letters = /^[A-Z]+/.exec(cell)?.[0] ?? "";
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** Columns out of their layout order (the fewest that explain the order found). */
export function reportMoved(cols: SheetColumns, columns: Map<string, number>, headerRow: number, sheet: string, findings: Finding[]): void {
  const order = allColumns(cols).map((c) => c.id).filter((id) => columns.has(id));
  const pos = order.map((id) => columns.get(id)!);
  // Longest increasing subsequence of positions: those columns stand in order.
  const n = pos.length;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (pos[j] < pos[i] && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
    }
  }
  let end = 0;
  for (let i = 1; i < n; i++) if (len[i] > len[end]) end = i;
  const inOrder = new Set<number>();
  for (let i = end; i >= 0; i = prev[i]) inOrder.add(i);
  const byId = new Map(allColumns(cols).map((c) => [c.id, c]));
  order.forEach((id, i) => {
    if (inOrder.has(i)) return;
    findings.push({
      severity: "notering",
      kind: "column-moved",
      sheet,
      cell: a1(headerRow, pos[i]),
      message: `Kolumnen "${byId.get(id)!.header}" står på en annan plats än i mallen; den lästes efter sin rubrik.`,
    });
  });
}

/**
 * The header row: the row (among the first rows) that names the most known
 * columns, with Kod among them; or the caller's. Throws SheetReadError with
 * the headers not understood and the ones expected when there is none.
 */
export function findHeaderRow(values: unknown[][], cols: SheetColumns, options: ReadOptions, sheet: string): number {
  const agreement = cols.agreement;
  let headerRow = -1;
  let bestCount = 0;
  const scan = options.table ? 1 : Math.min(values.length, MAX_HEADER_SCAN);
  const mapping = options.mapping ?? new Map<number, string | null>();
  const byId = new Map(allColumns(cols).map((c) => [c.id, c]));
  for (const [c, id] of mapping) {
    if (!Number.isInteger(c) || c < 0 || (id !== null && !byId.has(id))) {
      throw new SheetReadError([
        { severity: "fel", kind: "unknown-column", sheet, message: `Kolumnvalet ${id ?? "(läses inte)"} för kolumn ${Number.isInteger(c) && c >= 0 ? colLetters(c) : String(c)} finns inte i ${agreement.id}; välj en kolumn ur listan.` },
      ]);
    }
  }
  if (options.headerRow !== undefined) {
    if (!Number.isInteger(options.headerRow) || options.headerRow < 0 || options.headerRow >= Math.max(values.length, 1)) {
      throw new SheetReadError([
        { severity: "fel", kind: "no-table", sheet, message: `Rubrikraden ${options.headerRow + 1} ligger utanför bladet (rad 1–${Math.max(values.length, 1)}).` },
      ]);
    }
    headerRow = options.headerRow;
    bestCount = Number.POSITIVE_INFINITY;
  }
  for (let r = 0; r < (options.headerRow === undefined ? scan : 0); r++) {
    let count = 0;
    let hasCode = false;
    for (const v of values[r] ?? []) {
      if (typeof v !== "string") continue;
      // Exact (normalised) names find the header row; typos are read only within it.
      const m = headerKeys(cols).exact.get(normaliseHeader(v));
      if (m) {
        count++;
        if (m.id === "kod") hasCode = true;
      }
    }
    if (hasCode && count > bestCount) {
      bestCount = count;
      headerRow = r;
    }
  }
  if (headerRow < 0 || bestCount < 2) {
    const plain = `Ingen fördelningstabell hittades: ingen av de första ${scan} raderna har rubrikerna Kod, Namn och kriteriekolumnerna för ${agreement.id}.`;
    throw new SheetReadError([{ severity: "fel", kind: "no-table", sheet, message: options.table ? plain : headersNotUnderstood(values, scan, cols) }]);
  }
  return headerRow;
}

/** Each header cell read as a column (by the caller's mapping, exactly, or by a small typo), with the findings of reading them. */
export function matchHeaders(header: unknown[], headerRow: number, cols: SheetColumns, mapping: ReadonlyMap<number, string | null>, sheet: string): { columns: Map<string, number>; headers: HeaderReading[]; findings: Finding[] } {
  const byId = new Map(allColumns(cols).map((c) => [c.id, c]));
  const findings: Finding[] = [];
  const columns = new Map<string, number>();
  const headers: HeaderReading[] = [];
  const width = Math.max(header.length, ...[...mapping.keys()].map((c) => c + 1));
  // The caller's choices first, so a header that names a column the caller put elsewhere counts as the duplicate.
  const order = [...Array(width).keys()].sort((x, y) => Number(!mapping.has(x)) - Number(!mapping.has(y)) || x - y);
  for (const c of order) {
    const v = header[c];
    const text = isEmpty(v) ? "" : String(v);
    const cell = a1(headerRow, c);
    const chosen = mapping.get(c);
    if (mapping.has(c) && chosen === null) {
      if (text) headers.push({ col: c, cell, text, how: "ignored" });
      continue;
    }
    if (!mapping.has(c) && !text) continue;
    const m = chosen ? { column: byId.get(chosen)!, guessed: false } : matchHeader(cols, text);
    if (!m) {
      headers.push({ col: c, cell, text, how: "unknown" });
      findings.push({ severity: "notering", kind: "unknown-column", sheet, cell, message: `Kolumnen "${text}" känns inte igen och läses inte.` });
      continue;
    }
    if (columns.has(m.column.id)) {
      headers.push({ col: c, cell, text, column: m.column.id, how: "duplicate" });
      findings.push({
        severity: "fel",
        kind: "duplicate-column",
        sheet,
        cell,
        message: `Kolumnen "${m.column.header}" finns två gånger (även i ${a1(headerRow, columns.get(m.column.id)!)}); ta bort den ena${chosen || [...mapping.values()].includes(m.column.id) ? " eller välj en annan tolkning" : ""}.`,
      });
      continue;
    }
    columns.set(m.column.id, c);
    headers.push({ col: c, cell, text, column: m.column.id, how: chosen ? "user" : m.guessed ? "guessed" : "exact" });
    if (m.guessed) {
      findings.push({ severity: "notering", kind: "header-guessed", sheet, cell, message: `Rubriken "${text}" lästes som "${m.column.header}".` });
    }
  }
  headers.sort((x, y) => x.col - y.col);
  return { columns, headers, findings };
}
