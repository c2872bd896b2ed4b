/**
 * Reading an allocation sheet back into facts: from a 2-D grid of cell
 * values (as office.js and an xlsx library deliver it) to the core's facts
 * format, plus findings with sheet and cell address for everything that
 * could not be read as intended. Nothing is guessed silently: a header read
 * despite a typo, a column found elsewhere, a code stored as a number are
 * read and reported; what cannot be understood is an error.
 */
import { CountyFacts, EntityFacts, Facts, FACTS_FORMAT, FACTS_VERSION } from "../core/facts";
import { AGREEMENTS } from "../agreements";
import { getLan } from "../reference";
import { a1, isEmpty, SheetGrid } from "./cells";
import { RowLevel, sheetColumns, FormulaColumn, IdentityColumn } from "./columns";
import { Finding } from "./findings";
import { CALC_PREFIX, SCOPE_LABEL, TOTAL_LABELS } from "./texts";
import { HeaderReading, ReadOptions, ReadResult, ReadRow, SheetReadError } from "./read/types";
import { findHeaderRow, matchHeaders, reportMoved } from "./read/headers";
import { agreementFromGrid, hasScopeLine, scopeFromGrid } from "./read/table";
import { describeRecipient, expectedRecipients, guessLevel, readIdentity } from "./read/identity";
import { readInputs } from "./read/answers";
import { gotlandConsistency } from "./read/consistency";

export type { HeaderReading, ReadOptions, ReadResult, ReadRow };
export { SheetReadError, describeRecipient, expectedRecipients };
export { shiftDecimal } from "./read/answers";

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

  const mapping = options.mapping ?? new Map<number, string | null>();
  const headerRow = findHeaderRow(values, cols, options, sheet);

  // The calculation block below the totals (calc.ts) is the add-in's, not the county's: nothing from its header row on is read.
  let calc: { row: number; col: number } | undefined;
  for (let r = headerRow + 1; r < values.length && !calc; r++) {
    const c = (values[r] ?? []).findIndex((v) => typeof v === "string" && v.startsWith(CALC_PREFIX));
    if (c >= 0) calc = { row: r + 1, col: c };
  }
  if (calc) values = values.slice(0, calc.row - 1);

  const { columns, headers, findings } = matchHeaders(values[headerRow] ?? [], headerRow, cols, mapping, sheet);
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

export type { FormulaColumn, IdentityColumn };
