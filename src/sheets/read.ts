/**
 * Reading an allocation sheet back into facts: from a 2-D grid of cell
 * values (as office.js and an xlsx library deliver it) to the core's facts
 * format, plus findings with sheet and cell address for everything that
 * could not be read as intended. Nothing is guessed silently: a header read
 * despite a typo, a column found elsewhere, a code stored as a number are
 * read and reported; what cannot be understood is an error.
 */
import { AnswerValue, CountyFacts, EntityFacts, Facts, FACTS_FORMAT, FACTS_VERSION } from "../core/facts";
import { Agreement } from "../core/model";
import { AGREEMENTS } from "../agreements";
import { getKommun, getLan, GOTLAND_KOMMUN, GOTLAND_LAN, LAN } from "../reference";
import { a1, colLetters, editDistance, errorOf, isEmpty, normaliseHeader, shown, SheetGrid } from "./cells";
import { Column, IdentityColumn, InputColumn, LEVEL_TEXT, RowLevel, SheetColumns, sheetColumns, allColumns, FormulaColumn } from "./columns";
import { Finding } from "./findings";
import { AGREEMENT_LABEL, CALC_PREFIX, FICTIONAL_LABEL, SCOPE_LABEL, SCOPE_NATIONAL, TOTAL_LABELS } from "./texts";

export interface ReadRow {
  /** 0-based row index on the sheet. */
  row: number;
  level: RowLevel;
  code: string;
  lan: string;
}

export interface ReadResult {
  agreement: Agreement;
  facts: Facts;
  findings: Finding[];
  headerRow: number;
  /** Column id → 0-based column index on the sheet. */
  columns: Map<string, number>;
  rows: ReadRow[];
  /** The declared scope: undefined = whole country, else a länskod. */
  scope?: string;
  /** Rows of the totals block: label → 0-based row index. */
  totals: Map<string, number>;
  /** Whether the title block says FIKTIVT. */
  fictional: boolean;
  /** How every non-empty cell of the header row was read (for a face that shows, and lets the user adjust, the mapping). */
  headers: HeaderReading[];
  /** 0-based anchor of the calculation block below the totals (calc.ts), when the sheet has one. */
  calcRow?: number;
  calcCol?: number;
}

/** How one header cell was read. */
export interface HeaderReading {
  /** 0-based column index on the sheet. */
  col: number;
  /** A1 address of the header cell. */
  cell: string;
  /** The header text in the sheet ("" for an empty header cell the user mapped). */
  text: string;
  /** The column it was read as (a column id of `sheetColumns`), or undefined when it is not read. */
  column?: string;
  /**
   * exact: the header names the column (case, diacritics and punctuation aside);
   * guessed: read despite a small typo; user: the caller's mapping said so;
   * unknown: not recognised, not read; ignored: the caller's mapping said not
   * to read it; duplicate: a second column of the same meaning, not read.
   */
  how: "exact" | "guessed" | "user" | "unknown" | "ignored" | "duplicate";
}

export interface ReadOptions {
  /** The agreement, when the caller knows it (else read from the sheet). */
  agreement?: Agreement;
  /**
   * Table mode: the grid is exactly the table (header row first, data rows
   * after, nothing else), as a custom function receives it.
   */
  table?: boolean;
  /**
   * The header row (0-based) when the caller knows it better than the
   * search for the row with the most known headers.
   */
  headerRow?: number;
  /**
   * The caller's reading of columns, overriding the headers: 0-based column
   * index → column id (see `sheetColumns`) to read that column as, or null
   * not to read it. Columns not named here are read by their headers.
   */
  mapping?: ReadonlyMap<number, string | null>;
  /**
   * The county (länskod) the sheet is for, when the caller knows it
   * (`stim validate --county`): overrides the title block's scope line.
   */
  county?: string;
}

/** An error that stops reading a sheet at all. */
export class SheetReadError extends Error {
  constructor(readonly findings: Finding[]) {
    super(findings.map((f) => f.message).join("; "));
    this.name = "SheetReadError";
  }
}

const MAX_HEADER_SCAN = 40;

interface HeaderKey {
  column: Column;
  key: string;
}

const keysCache = new WeakMap<SheetColumns, { exact: Map<string, Column>; all: HeaderKey[] }>();
function headerKeys(cols: SheetColumns): { exact: Map<string, Column>; all: HeaderKey[] } {
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
function matchHeader(cols: SheetColumns, text: string): { column: Column; guessed: boolean } | undefined {
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

function agreementFromGrid(values: unknown[][], formulas: SheetGrid["formulas"]): Agreement | undefined {
  for (let r = 0; r < Math.min(values.length, MAX_HEADER_SCAN); r++) {
    for (const v of values[r] ?? []) {
      if (typeof v !== "string") continue;
      const t = v.toLowerCase();
      const a = AGREEMENTS.find((x) => t === x.id || t.includes(`${AGREEMENT_LABEL.toLowerCase()} ${x.id}`) || t.includes(`(${x.id})`));
      if (a) return a;
    }
  }
  for (const row of formulas ?? []) {
    for (const f of row ?? []) {
      if (!f) continue;
      const m = /"([a-z]+-\d{4})"/i.exec(f);
      const a = m ? AGREEMENTS.find((x) => x.id === m[1].toLowerCase()) : undefined;
      if (a) return a;
    }
  }
  return undefined;
}

function scopeFromGrid(values: unknown[][], headerRow: number): { scope?: string; fictional: boolean } {
  let scope: string | undefined;
  let fictional = false;
  for (let r = 0; r < headerRow; r++) {
    for (const v of values[r] ?? []) {
      if (typeof v !== "string") continue;
      if (v.includes(FICTIONAL_LABEL)) fictional = true;
      if (v.startsWith(SCOPE_LABEL) && !v.includes(SCOPE_NATIONAL)) {
        const m = /\((\d{2})\)/.exec(v);
        if (m) scope = m[1];
      }
    }
  }
  return { scope, fictional };
}

/** Reads an allocation sheet. Throws SheetReadError when no table can be found at all. */
export function readAllocationSheet(grid: SheetGrid, options: ReadOptions = {}): ReadResult {
  const sheet = grid.name;
  let values = grid.values;
  const agreement = options.agreement ?? agreementFromGrid(values, grid.formulas);
  if (!agreement) {
    throw new SheetReadError([
      { severity: "fel", kind: "unknown-agreement", sheet, message: `Bladet anger ingen känd överenskommelse (${AGREEMENTS.map((a) => a.id).join(", ")}); ange den med --agreement.` },
    ]);
  }
  const cols = sheetColumns(agreement);

  // The header row: the row (among the first rows) that names the most known columns, with Kod among them.
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

  // The calculation block below the totals (calc.ts) is the add-in's, not the county's: nothing from its header row on is read.
  let calc: { row: number; col: number } | undefined;
  for (let r = headerRow + 1; r < values.length && !calc; r++) {
    const c = (values[r] ?? []).findIndex((v) => typeof v === "string" && v.startsWith(CALC_PREFIX));
    if (c >= 0) calc = { row: r + 1, col: c };
  }
  if (calc) values = values.slice(0, calc.row - 1);

  const findings: Finding[] = [];
  const columns = new Map<string, number>();
  const headers: HeaderReading[] = [];
  const header = values[headerRow] ?? [];
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
  findings.sort((x, y) => (x.cell && y.cell ? cellOrder(x.cell) - cellOrder(y.cell) : 0));
  if (!columns.has("kod")) {
    throw new SheetReadError([
      { severity: "fel", kind: "no-table", sheet, cell: a1(headerRow, 0), message: `Rubrikraden (rad ${headerRow + 1}) har ingen kolumn som läses som "Kod"; välj vilken kolumn som har kommun- och länskoderna.` },
    ]);
  }
  if (cols.inputs.length > 0 && !cols.inputs.some((c) => columns.has(c.id))) {
    throw new SheetReadError([
      {
        severity: "fel",
        kind: "no-table",
        sheet,
        cell: a1(headerRow, 0),
        message: `Tabellen har ingen av svarskolumnerna för ${agreement.id} (t.ex. "${cols.inputs[0].header}"); gäller bladet en annan överenskommelse?`,
      },
    ]);
  }
  if (!options.table) reportMoved(cols, columns, headerRow, sheet, findings);
  for (const c of [...cols.identity, ...cols.inputs]) {
    if (c.kind === "identity" && c.id !== "kod" && c.id !== "folkmangd") continue; // name, level and county can be derived
    if (!columns.has(c.id)) {
      findings.push({
        severity: "fel",
        kind: "missing-column",
        sheet,
        cell: a1(headerRow, 0),
        message: `Kolumnen "${c.header}" saknas${c.kind === "input" ? "; dess svar räknas som saknade" : ""}.`,
        rule: c.kind === "input" ? c.rule : undefined,
        source: c.kind === "input" ? c.source : undefined,
      });
    }
  }

  const declared = options.table ? { scope: undefined, fictional: false } : scopeFromGrid(values, headerRow);
  const fictional = declared.fictional;
  let scope = options.county ?? declared.scope;
  if (options.county !== undefined && !getLan(options.county)) {
    throw new SheetReadError([{ severity: "fel", kind: "no-table", sheet, message: `Länskoden ${options.county} finns inte (01–25).` }]);
  }
  const rows: ReadRow[] = [];
  const totals = new Map<string, number>();
  const counties: Record<string, CountyFacts> = {};
  const seen = new Map<string, number>();
  /** Recipients an unreadable row names (reported there, not again as missing). */
  const suggested = new Set<string>();
  const entities: { row: number; level: RowLevel; code: string; lan: string; ef: EntityFacts }[] = [];
  const codeCol = columns.get("kod")!;

  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every(isEmpty)) continue;
    const first = row.find((v) => !isEmpty(v));
    if (typeof first === "string" && TOTAL_LABELS.includes(first.trim())) {
      totals.set(first.trim(), r);
      continue;
    }
    if (totals.size > 0) continue; // below the totals block
    const id = readIdentity(row, r, columns, sheet, findings, cols.countyRows, suggested);
    if (!id) {
      // The row is not read into the facts, but its other cells are checked now: every mistake in one pass.
      const level = guessLevel(row, columns, cols.countyRows);
      const own: Finding[] = [];
      readInputs(row, r, level, "", columns, cols, sheet, own);
      findings.push(...own.filter((f) => f.kind !== "population-changed"));
      continue;
    }
    const key = `${id.level}:${id.code}`;
    const prev = seen.get(key);
    if (prev !== undefined) {
      findings.push({
        severity: "fel",
        kind: "duplicate-row",
        sheet,
        cell: a1(r, codeCol),
        message: `${describeRecipient(id.level, id.code)} finns två gånger (även på rad ${prev + 1}); ta bort den ena raden.`,
      });
      continue;
    }
    seen.set(key, r);
    rows.push({ row: r, ...id });
    const ef = readInputs(row, r, id.level, id.code, columns, cols, sheet, findings);
    entities.push({ row: r, level: id.level, code: id.code, lan: id.lan, ef });
  }

  // Region Gotland answers shared rules once: its two rows must agree.
  gotlandConsistency(entities, columns, cols, sheet, findings);

  for (const e of entities) {
    const cf = (counties[e.lan] ??= {});
    const empty = !e.ef.answers && !e.ef.keys;
    if (e.level === "kommun") {
      cf.kommuner ??= {};
      cf.kommuner[e.code] = e.ef;
    } else if (e.level === "landsting") {
      if (!empty) cf.landsting = e.ef;
    } else if (!empty) cf.county = e.ef;
  }

  // No scope line and every recipient in one län: a county's own sheet, not the whole country with the rest missing.
  if (!options.table && scope === undefined && !hasScopeLine(values, headerRow)) {
    const lans = new Set(entities.map((e) => e.lan));
    if (lans.size === 1) {
      scope = [...lans][0];
      findings.push({
        severity: "notering",
        kind: "scope-from-rows",
        sheet,
        cell: a1(headerRow, codeCol),
        message: `Raden "${SCOPE_LABEL} …" saknas; alla mottagare hör till ${getLan(scope)?.name ?? scope} (${scope}), så bladet läses som länets ark.`,
      });
    }
  }

  // Missing recipients, against the declared scope.
  if (!options.table) {
    const expected = expectedRecipients(cols, scope, Object.keys(counties));
    for (const x of expected) {
      if (!seen.has(`${x.level}:${x.code}`) && !suggested.has(`${x.level}:${x.code}`)) {
        findings.push({
          severity: "fel",
          kind: "missing-row",
          sheet,
          cell: a1(headerRow, codeCol),
          message: `${describeRecipient(x.level, x.code)} saknas i tabellen (${scope ? `länet ${scope}` : "hela riket"} ska ha en rad per mottagare).`,
        });
      }
    }
  }

  const facts: Facts = {
    format: FACTS_FORMAT,
    version: FACTS_VERSION,
    agreement: agreement.id,
    ...(fictional ? { fictional: true } : {}),
    counties,
  };
  return { agreement, facts, findings, headerRow, columns, rows, scope, totals, fictional, headers, ...(calc ? { calcRow: calc.row, calcCol: calc.col } : {}) };
}

/** The level a row whose code cannot be read most likely has: its Nivå cell, else the code's length. */
function guessLevel(row: unknown[], columns: Map<string, number>, countyRows: boolean): RowLevel {
  const lc = columns.get("niva");
  const t = lc === undefined ? "" : normaliseHeader(String(row[lc] ?? ""));
  if (t === "kommun" || t === "landsting" || t === "lan") return t;
  if (t === "region") return "landsting";
  const raw = row[columns.get("kod")!];
  const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
  return text.length >= 3 || !countyRows ? (text.length >= 3 ? "kommun" : "landsting") : "lan";
}

/**
 * The message for a sheet whose header row cannot be found: the headers in
 * the row that looks most like one (the most text cells), which of them were
 * not understood, and the headers expected.
 */
function headersNotUnderstood(values: unknown[][], scan: number, cols: SheetColumns): string {
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

function hasScopeLine(values: unknown[][], headerRow: number): boolean {
  for (let r = 0; r < headerRow; r++) for (const v of values[r] ?? []) if (typeof v === "string" && v.startsWith(SCOPE_LABEL)) return true;
  return false;
}

/** Sorts header-row cells ("AB7" after "Z7") by column. */
function cellOrder(cell: string): number {
  const letters = /^[A-Z]+/.exec(cell)?.[0] ?? "";
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function describeRecipient(level: RowLevel, code: string): string {
  if (level === "kommun") return `Kommun ${code} (${getKommun(code)?.name ?? "okänd"})`;
  const lan = getLan(code);
  if (level === "landsting") return `Landstinget i län ${code} (${lan?.name ?? "okänt"})`;
  return `Län ${code} (${lan?.name ?? "okänt"})`;
}

/** The rows a sheet of this scope must have. */
export function expectedRecipients(cols: SheetColumns, scope: string | undefined, present: string[]): { level: RowLevel; code: string }[] {
  const lans = scope ? [scope] : LAN.map((l) => l.code);
  void present;
  const out: { level: RowLevel; code: string }[] = [];
  for (const l of lans) {
    const lan = getLan(l);
    if (!lan) continue;
    if (cols.countyRows) out.push({ level: "lan", code: l });
    for (const k of lan.kommuner) out.push({ level: "kommun", code: k });
    out.push({ level: "landsting", code: l });
  }
  return out;
}

/** Columns out of their layout order (the fewest that explain the order found). */
function reportMoved(cols: SheetColumns, columns: Map<string, number>, headerRow: number, sheet: string, findings: Finding[]): void {
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

function readIdentity(
  row: unknown[],
  r: number,
  columns: Map<string, number>,
  sheet: string,
  findings: Finding[],
  countyRows: boolean,
  suggested: Set<string>,
): { level: RowLevel; code: string; lan: string } | undefined {
  const cc = columns.get("kod")!;
  const raw = row[cc];
  const at = a1(r, cc);
  if (isEmpty(raw)) {
    findings.push({ severity: "fel", kind: "unknown-code", sheet, cell: at, message: "Raden har ingen kod; ange kommunkod (fyra siffror) eller länskod (två siffror)." });
    return undefined;
  }
  const text = typeof raw === "number" && Number.isInteger(raw) && raw >= 0 ? String(raw) : typeof raw === "string" ? raw.trim() : "";
  if (!/^\d{1,4}$/.test(text)) {
    findings.push({ severity: "fel", kind: "unknown-code", sheet, cell: at, message: `${shown(raw)} är ingen kommunkod eller länskod.` });
    return undefined;
  }
  const levelCol = columns.get("niva");
  const levelRaw = levelCol === undefined ? "" : row[levelCol];
  let level: RowLevel | undefined;
  if (!isEmpty(levelRaw)) {
    const t = normaliseHeader(String(levelRaw));
    level = t === "kommun" ? "kommun" : t === "landsting" || t === "region" ? "landsting" : t === "lan" ? "lan" : undefined;
    if (!level) {
      findings.push({ severity: "fel", kind: "wrong-level", sheet, cell: a1(r, levelCol!), message: `Nivån ${shown(levelRaw)} känns inte igen (kommun, landsting eller län).` });
      // The code still says whose row it is: not reported again as missing.
      if (text.length >= 3) suggested.add(`kommun:${text.padStart(4, "0")}`);
      else if (!countyRows) suggested.add(`landsting:${text.padStart(2, "0")}`);
      return undefined;
    }
  }
  // Three or four digits are a kommunkod (180 is 0180); one or two a länskod.
  const isKommunCode = text.length >= 3;
  if (!level) {
    if (isKommunCode) level = "kommun";
    else if (!countyRows) level = "landsting";
    else {
      findings.push({ severity: "fel", kind: "wrong-level", sheet, cell: at, message: "Nivå saknas: ange landsting eller län för en rad med länskod." });
      return undefined;
    }
  }
  const lanCol = columns.get("lan");
  const lanRaw = lanCol === undefined ? undefined : row[lanCol];
  const lanText = typeof lanRaw === "number" && Number.isInteger(lanRaw) ? String(lanRaw).padStart(2, "0") : typeof lanRaw === "string" ? lanRaw.trim().padStart(2, "0") : "";
  if (level === "kommun") {
    if (!isKommunCode) {
      findings.push({ severity: "fel", kind: "unknown-code", sheet, cell: at, message: `Koden ${shown(raw)} är ingen kommunkod (fyra siffror, t.ex. 0180).` });
      return undefined;
    }
    const code = text.padStart(4, "0");
    const k = getKommun(code);
    if (!k) {
      findings.push({ severity: "fel", kind: "unknown-code", sheet, cell: at, message: `Okänd kommunkod ${shown(raw)}${suggestByName(row, columns, suggested)}.` });
      return undefined;
    }
    if (lanCol !== undefined && !isEmpty(lanRaw) && lanText !== k.lan) {
      findings.push({
        severity: "fel",
        kind: "wrong-county",
        sheet,
        cell: a1(r, lanCol),
        message: `Kommun ${code} (${k.name}) hör till län ${k.lan}, inte ${shown(lanRaw)}.`,
      });
    }
    return { level, code, lan: k.lan };
  }
  if (isKommunCode) {
    findings.push({ severity: "fel", kind: "unknown-code", sheet, cell: at, message: `Koden ${shown(raw)} är en kommunkod men raden har nivån ${LEVEL_TEXT[level]}.` });
    return undefined;
  }
  const code = text.padStart(2, "0");
  if (!getLan(code)) {
    findings.push({ severity: "fel", kind: "unknown-code", sheet, cell: at, message: `Okänd länskod ${shown(raw)}.` });
    return undefined;
  }
  if (lanCol !== undefined && !isEmpty(lanRaw) && lanText !== code) {
    findings.push({ severity: "fel", kind: "wrong-county", sheet, cell: a1(r, lanCol), message: `Raden för länskod ${code} har länet ${shown(lanRaw)}; de ska vara samma.` });
  }
  return { level, code, lan: code };
}

/** " (raden heter Stockholm: menade du 0180?)" when the name identifies a kommun. */
function suggestByName(row: unknown[], columns: Map<string, number>, suggested?: Set<string>): string {
  const nc = columns.get("namn");
  const name = nc === undefined ? undefined : row[nc];
  if (typeof name !== "string") return "";
  const t = normaliseHeader(name);
  for (const l of LAN) {
    for (const kc of l.kommuner) {
      if (normaliseHeader(getKommun(kc)!.name) === t) {
        suggested?.add(`kommun:${kc}`);
        return ` (raden heter ${name.trim()}: menade du ${kc}? Rätta koden; raden läses inte förrän dess)`;
      }
    }
  }
  return "";
}

function readInputs(
  row: unknown[],
  r: number,
  level: RowLevel,
  code: string,
  columns: Map<string, number>,
  cols: SheetColumns,
  sheet: string,
  findings: Finding[],
): EntityFacts {
  const answers: Record<string, Record<string, AnswerValue>> = {};
  const series = new Map<string, { col: InputColumn; values: (number | undefined)[]; field: string; rule: string; criterion: string }>();
  const keys: Record<string, number> = {};
  for (const col of cols.inputs) {
    const c = columns.get(col.id);
    if (c === undefined) continue;
    const v = row[c];
    if (isEmpty(v)) continue;
    const at = a1(r, c);
    if (!col.levels.includes(level)) {
      findings.push({
        severity: "fel",
        kind: "answer-at-wrong-level",
        sheet,
        cell: at,
        message: `${shown(v)} står i en kolumn som ${LEVEL_TEXT[level]} inte besvarar (${col.header}); lämna cellen tom.`,
        rule: col.rule,
        source: col.source,
      });
      continue;
    }
    const parsed = parseCell(col, v, at, sheet, findings);
    if (parsed === undefined) continue;
    const t = col.target;
    if (t.type === "answer") {
      (answers[t.rule] ??= {})[t.criterion] = parsed as AnswerValue;
    } else if (t.type === "key") {
      keys[t.key] = parsed as number;
    } else {
      const k = `${t.rule}.${t.criterion}.${t.field}`;
      let s = series.get(k);
      if (!s) series.set(k, (s = { col, values: new Array(t.length).fill(undefined), field: t.field, rule: t.rule, criterion: t.criterion }));
      s.values[t.index] = parsed as number;
    }
  }
  // Series: complete pairs become one answer; a partly filled criterion is an error.
  const byCriterion = new Map<string, typeof series extends Map<string, infer V> ? V[] : never>();
  for (const s of series.values()) {
    const k = `${s.rule}.${s.criterion}`;
    byCriterion.set(k, [...(byCriterion.get(k) ?? []), s]);
  }
  for (const [, parts] of byCriterion) {
    const t = parts[0].col.target as Extract<InputColumn["target"], { type: "series" }>;
    const fields = t.field === "previous" || t.field === "current" ? (["previous", "current"] as const) : (["baseline", "result"] as const);
    const got = fields.map((f) => parts.find((p) => p.field === f)?.values ?? new Array(t.length).fill(undefined));
    const filled = got.flat().filter((x) => x !== undefined).length;
    if (filled !== 2 * t.length) {
      const c = columns.get(parts[0].col.id)!;
      findings.push({
        severity: "fel",
        kind: "inconsistent-answers",
        sheet,
        cell: a1(r, c),
        message: `${t.rule} ${t.criterion}: ${filled} av ${2 * t.length} värden är ifyllda; fyll i alla eller inget.`,
        rule: t.rule,
        source: parts[0].col.source,
      });
      continue;
    }
    const value = { [fields[0]]: got[0] as number[], [fields[1]]: got[1] as number[] } as AnswerValue;
    (answers[t.rule] ??= {})[t.criterion] = value;
  }
  void code;
  const ef: EntityFacts = {};
  if (Object.keys(answers).length) ef.answers = answers;
  const popCol = columns.get("folkmangd");
  if (popCol !== undefined && level !== "lan") {
    const v = row[popCol];
    const at = a1(r, popCol);
    const embedded = level === "kommun" ? getKommun(code)?.population : getLan(code)?.population;
    if (isEmpty(v)) {
      // The embedded figure applies.
    } else if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) {
      findings.push({ severity: "fel", kind: "not-a-number", sheet, cell: at, message: `Folkmängden ${shown(v)} är inget heltal ≥ 0.` });
    } else if (v !== embedded) {
      keys.population = v;
      findings.push({
        severity: "avvikelse",
        kind: "population-changed",
        sheet,
        cell: at,
        message: `Folkmängden är ändrad: ${v} i stället för SCB:s ${embedded} (31 december 2013); beloppen räknas med det ifyllda talet.`,
        expected: embedded,
        found: v,
        difference: embedded === undefined ? undefined : v - embedded,
      });
    }
  }
  if (Object.keys(keys).length) ef.keys = keys;
  return ef;
}

const TRUE_WORDS = new Set(["ja", "j", "x", "sant", "true", "yes", "1"]);
const FALSE_WORDS = new Set(["nej", "n", "falskt", "false", "no", "0"]);

/** A cell read by its column's type; undefined (with a finding) when it cannot be read. */
function parseCell(col: InputColumn, v: unknown, at: string, sheet: string, findings: Finding[]): AnswerValue | number | undefined {
  const fail = (kind: Finding["kind"], message: string) => {
    findings.push({ severity: "fel", kind, sheet, cell: at, message, rule: col.rule, source: col.source });
    return undefined;
  };
  const err = errorOf(v);
  if (err) return fail("not-a-number", `Cellen innehåller felet ${err}; rätta den.`);
  switch (col.valueType) {
    case "boolean":
    case "boolean-na": {
      if (typeof v === "boolean") return v;
      const t = String(v).trim().toLowerCase();
      if (TRUE_WORDS.has(t)) return true;
      if (FALSE_WORDS.has(t)) return false;
      if (col.valueType === "boolean-na" && /^ej\s+aktuellt$/.test(t)) return "ej aktuellt";
      return fail("not-a-boolean", `${shown(v)} är inget ja/nej-svar; skriv ${col.valueType === "boolean-na" ? "Ja, Nej eller Ej aktuellt" : "Ja eller Nej"}.`);
    }
    case "share":
    case "share-over": {
      const n = numberOf(v, true);
      if (n === undefined) return fail("not-a-number", `${shown(v)} är ingen andel; skriv t.ex. 92 % (eller 0,92).`);
      if (n.value < 0) return fail("out-of-range", `Andelen ${shown(v)} är negativ.`);
      const limit = col.valueType === "share-over" ? 100 : 1;
      if (n.value > limit) {
        const pct = n.percent ? n.text : `${String(n.value * 100).replace(".", ",")} %`;
        return fail(
          "out-of-range",
          `Andelen ${pct} ligger utanför 0–${limit * 100} %${!n.percent && n.value <= 100 ? `; menade du ${String(n.value).replace(".", ",")} %? Skriv den som procent (${String(n.value).replace(".", ",")} %) eller som 0,${String(n.value).replace(".", "").padStart(2, "0")}` : ""}.`,
        );
      }
      if (col.target.type === "series") return Number(shiftDecimal(n.decimal, 2)); // indicators are percent values 0–100
      return Number(n.decimal);
    }
    case "count": {
      const n = numberOf(v, false);
      if (n === undefined) return fail("not-a-number", `${shown(v)} är inget tal.`);
      if (n.value < 0) return fail("out-of-range", `${shown(v)} är negativt; ange ett tal ≥ 0.`);
      if (col.target.type === "answer" && !Number.isSafeInteger(n.value)) return fail("not-a-number", `${shown(v)} är inget heltal; ange ett antal.`);
      return n.value;
    }
    case "number": {
      if (typeof v === "string" && v.includes(";")) {
        // A capped key per city district: "2; 1; 2".
        const parts = v.split(";").map((x) => numberOf(x, false));
        if (parts.some((p) => p === undefined || p.value < 0)) return fail("not-a-number", `${shown(v)} är ingen lista med tal ≥ 0 (åtskilda med semikolon).`);
        return parts.map((p) => p!.value) as unknown as number;
      }
      const n = numberOf(v, false);
      if (n === undefined) return fail("not-a-number", `${shown(v)} är inget tal.`);
      if (n.value < 0) return fail("out-of-range", `${shown(v)} är negativt; nycklar är tal ≥ 0.`);
      return n.value;
    }
  }
}

/** A number from a number cell or numeric text ("1 234", "12,5", "92 %"), as exact decimal text. */
function numberOf(v: unknown, allowPercent: boolean): { value: number; decimal: string; percent: boolean; text: string } | undefined {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return undefined;
    return { value: v, decimal: plainDecimal(v), percent: false, text: String(v) };
  }
  if (typeof v !== "string") return undefined;
  let t = v.trim().replace(/[\s\u00a0\u202f]/g, "");
  let percent = false;
  if (allowPercent && t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1);
  }
  t = t.replace(",", ".");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return undefined;
  const decimal = percent ? shiftDecimal(t, -2) : t;
  return { value: Number(decimal), decimal, percent, text: v.trim() };
}

/** A JS number as plain decimal text without exponent (0.925 → "0.925", 1e-7 → "0.0000001"). */
function plainDecimal(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [m, e] = s.split(/e/i);
  return shiftDecimal(m, Number(e));
}

/** Moves the decimal point of a decimal text by `places` (positive = right). */
export function shiftDecimal(text: string, places: number): string {
  const neg = text.startsWith("-");
  const t = neg || text.startsWith("+") ? text.slice(1) : text;
  const [int, frac = ""] = t.split(".");
  let digits = int + frac;
  let point = int.length + places;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, "0");
  let out = `${digits.slice(0, point) || "0"}${point < digits.length ? "." + digits.slice(point) : ""}`;
  out = out.replace(/^0+(?=\d)/, "");
  if (out.includes(".")) out = out.replace(/0+$/, "").replace(/\.$/, "");
  return (neg ? "-" : "") + out;
}

function gotlandConsistency(
  entities: { row: number; level: RowLevel; code: string; ef: EntityFacts }[],
  columns: Map<string, number>,
  cols: SheetColumns,
  sheet: string,
  findings: Finding[],
): void {
  const kommun = entities.find((e) => e.level === "kommun" && e.code === GOTLAND_KOMMUN);
  const landsting = entities.find((e) => e.level === "landsting" && e.code === GOTLAND_LAN);
  if (!kommun || !landsting) return;
  const shared = cols.inputs.filter((c) => c.target.type !== "key" && c.levels.includes("kommun") && c.levels.includes("landsting"));
  const ruleIds = new Set(shared.map((c) => c.rule!));
  for (const ruleId of ruleIds) {
    const a = kommun.ef.answers?.[ruleId] ?? {};
    const b = landsting.ef.answers?.[ruleId] ?? {};
    for (const cid of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const va = a[cid];
      const vb = b[cid];
      if (va === undefined) {
        ((kommun.ef.answers ??= {})[ruleId] ??= {})[cid] = vb;
        continue;
      }
      if (vb === undefined) {
        ((landsting.ef.answers ??= {})[ruleId] ??= {})[cid] = va;
        continue;
      }
      if (JSON.stringify(va) !== JSON.stringify(vb)) {
        const col = shared.find((c) => c.rule === ruleId && c.id.startsWith(`${ruleId}.${cid}`))!;
        findings.push({
          severity: "fel",
          kind: "inconsistent-answers",
          sheet,
          cell: a1(landsting.row, columns.get(col.id)!),
          message: `Region Gotland är både kommun och landsting och svarar en gång på ${ruleId}; raden för landstinget säger ${JSON.stringify(vb)} men raden för kommunen ${JSON.stringify(va)}.`,
          rule: ruleId,
          source: col.source,
        });
      }
    }
  }
}

export type { FormulaColumn, IdentityColumn };
