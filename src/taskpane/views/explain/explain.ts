/**
 * "Förklara": what the selected cell or row shows, explained from the
 * core's typed trace. The row is read by the sheet layer (the allocation
 * sheet's reader, or the table a STIM formula points at), evaluated by the
 * core (`evaluate`, with the counties outside a county sheet at the sheet
 * layer's baseline, exactly as the sheet's formulas compute), and every
 * sentence comes from the core's one renderer (`renderEvent`), every
 * citation from `formatCitation`. This module only groups the events: by
 * basic requirements and by pot, each rule with its criteria, failing ones
 * first. It holds no rule and no layout.
 */
import type { AssumptionInForce, Evaluation, RecipientStatus } from "../../../core/evaluate";
import type { Agreement } from "../../../core/model";
import type { TraceEvent, Verdict } from "../../../core/trace";
import type { ReadResult } from "../../../sheets/read";
import type { SheetGrid } from "../../../sheets/cells";
import type { WorkbookAdapter } from "../../../office/workbook";
import { columnIndexToLetters, columnLettersToIndex } from "../../../sheets/a1";
import {
  AGREEMENTS,
  COUNTY_SHEET_NOTE,
  SV_FUNCTIONS,
  SheetReadError,
  compile,
  describeRecipient,
  evaluate,
  evaluateRuleCall,
  formatCitation,
  parseStimCall,
  readAllocationSheet,
  referenceArgument,
  renderEvent,
  rowArgument,
  textArgument,
  withBaseline,
} from "../../../runtime";

/** One event, rendered. */
export interface Line {
  kind: TraceEvent["kind"];
  /** The core renderer's sentence. */
  text: string;
  verdict: Verdict;
  /** The citation in its full human form. */
  citation?: string;
  /** Ids of the assumptions that shaped this step. */
  assumptions: string[];
}

/** A rule with its criteria (failing ones first). */
export interface RuleBlock {
  type: "rule";
  rule: string;
  line: Line;
  criteria: Line[];
}

export type Item = RuleBlock | ({ type: "line" } & Line);

/** The basic requirements, or one pot. */
export interface Section {
  id: string;
  title: string;
  verdict: Verdict;
  /** For a pot: the recipient's status and amount in it. */
  status?: RecipientStatus;
  amount?: bigint;
  /** A section with no verdict of its own (a pot as a whole): no badge, not "uppgift saknas". */
  neutral?: boolean;
  items: Item[];
}

export interface Explanation {
  kind: "recipient" | "county" | "rule" | "pot";
  /** Where it was read, e.g. "Fördelning!F12". */
  where: string;
  /** Whose or what: "Kommun 1280 (Malmö)", "A1 Prestationsmål A 1 …". */
  heading: string;
  agreement: { id: string; title: string };
  verdict: Verdict;
  /** The recipient's total (inside the agreement's total), or the pot's amount. */
  total?: bigint;
  fictional: boolean;
  /** What to keep in mind when reading the explanation (county sheets, input errors). */
  notes: string[];
  sections: Section[];
  assumptions: AssumptionInForce[];
}

export interface NothingToExplain {
  kind: "none";
  where: string;
  message: string;
}

export type ExplainResult = Explanation | NothingToExplain;

export const REQUIREMENTS_SECTION = "grundkrav";

const rank = (v: Verdict): number => (v === false ? 0 : v === null ? 1 : 2);

/** A stable sort, failing first, then missing data, then met. */
function failingFirst<T>(items: readonly T[], verdict: (x: T) => Verdict): T[] {
  return items.map((x, i) => [x, i] as const).sort((a, b) => rank(verdict(a[0])) - rank(verdict(b[0])) || a[1] - b[1]).map(([x]) => x);
}

/**
 * The core renders "grundkraven … är uppfyllt" (the verdict's singular
 * form after a plural subject); the pane says "uppfyllda" until the core's
 * renderer agrees in number (reported for src/core/render.ts).
 */
export function agreeInNumber(text: string): string {
  return text.replace(/(grundkraven(?: [^.:;]*?)? är (?:inte )?)uppfyllt(?=[\s.,;:)]|$)/g, "$1uppfyllda");
}

export function lineOf(e: TraceEvent): Line {
  return { kind: e.kind, text: agreeInNumber(renderEvent(e)), verdict: e.applied, citation: e.source ? formatCitation(e.source) : undefined, assumptions: [...(e.assumptions ?? [])] };
}

interface SectionInfo {
  title: string;
  verdict: Verdict;
  status?: RecipientStatus;
  amount?: bigint;
  neutral?: boolean;
}

/**
 * Groups a trace: events before the first pot event are the basic
 * requirements; each pot's events (its gate, its goal's rules, the share)
 * form a section. A criterion joins the rule event before it.
 */
export function sectionsOf(events: readonly TraceEvent[], info: (id: string) => SectionInfo, focus?: string): Section[] {
  const sections = new Map<string, Section>();
  const open = (id: string) => {
    let s = sections.get(id);
    if (!s) sections.set(id, (s = { id, ...info(id), items: [] }));
    return s;
  };
  let current = open(REQUIREMENTS_SECTION);
  let lastRule: RuleBlock | undefined;
  for (const e of events) {
    if ("pot" in e && typeof e.pot === "string") {
      if (current.id !== e.pot) lastRule = undefined;
      current = open(e.pot);
    }
    if (e.kind === "rule") {
      lastRule = { type: "rule", rule: e.rule, line: lineOf(e), criteria: [] };
      current.items.push(lastRule);
    } else if (e.kind === "criterion" && lastRule && lastRule.rule === e.rule) {
      lastRule.criteria.push(lineOf(e));
    } else {
      current.items.push({ type: "line", ...lineOf(e) });
    }
  }
  for (const s of sections.values()) {
    for (const item of s.items) if (item.type === "rule") item.criteria = failingFirst(item.criteria, (c) => c.verdict);
    // Rules failing first, in the places rules hold (the gate before them and the share after them stay put).
    const slots = s.items.map((x, i) => (x.type === "rule" ? i : -1)).filter((i) => i >= 0);
    const rules = failingFirst(slots.map((i) => s.items[i] as RuleBlock), (r) => r.line.verdict);
    slots.forEach((slot, k) => (s.items[slot] = rules[k]));
  }
  const all = [...sections.values()].filter((s) => s.items.length > 0);
  const requirements = all.filter((s) => s.id === REQUIREMENTS_SECTION);
  const pots = failingFirst(all.filter((s) => s.id !== REQUIREMENTS_SECTION), (s) => s.verdict);
  const ordered = [...requirements, ...pots];
  const f = ordered.findIndex((s) => s.id === focus);
  return f > 0 ? [ordered[f], ...ordered.slice(0, f), ...ordered.slice(f + 1)] : ordered;
}

/** The assumptions named anywhere in the sections, as the evaluation has them in force. */
function assumptionsIn(sections: readonly Section[], inForce: readonly AssumptionInForce[], extra: readonly string[] = []): AssumptionInForce[] {
  const ids = new Set(extra);
  for (const s of sections) {
    for (const item of s.items) {
      const lines = item.type === "rule" ? [item.line, ...item.criteria] : [item];
      for (const l of lines) for (const id of l.assumptions) ids.add(id);
    }
  }
  return inForce.filter((a) => ids.has(a.id));
}

const statusVerdict = (s: RecipientStatus): Verdict => (s === "eligible" ? true : s === "not-eligible" ? false : null);

function potInfo(agreement: Agreement) {
  const pots = compile(agreement).pots;
  return (id: string) => {
    const p = pots.get(id);
    return p ? `${p.id}: ${p.title}` : id;
  };
}

function readNotes(read: ReadResult): string[] {
  const notes: string[] = [];
  if (read.scope) notes.push(COUNTY_SHEET_NOTE);
  const errors = read.findings.filter((f) => f.severity === "fel").length;
  if (errors > 0) {
    notes.push(`Bladet har ${errors} fel i indata: förklaringen gäller det som gick att läsa. Granska bladet med vyn Granska länsark och rätta felen.`);
  }
  return notes;
}

/** The explanation of one row of an allocation table. */
export function explainRow(read: ReadResult, evaluation: Evaluation, sheetRow: number, where: string, focusPot?: string): ExplainResult {
  const row = read.rows.find((r) => r.row === sheetRow);
  if (!row) return { kind: "none", where, message: "Raden är ingen mottagare i tabellen. Markera en cell på en rad med en kommun, ett landsting eller ett län." };
  const agreement = read.agreement;
  const potTitle = potInfo(agreement);
  const base = { where, agreement: { id: agreement.id, title: agreement.title }, fictional: read.fictional, notes: readNotes(read) };
  if (row.level === "lan") {
    const county = evaluation.counties[row.code];
    const sections = sectionsOf(county?.events ?? [], (id) => ({ title: id === REQUIREMENTS_SECTION ? "Grundkrav" : potTitle(id), verdict: id === REQUIREMENTS_SECTION ? (county?.gate ?? null) : null }), focusPot);
    return { ...base, kind: "county", heading: describeRecipient("lan", row.code), verdict: county?.gate ?? null, sections, assumptions: assumptionsIn(sections, evaluation.assumptions) };
  }
  const r = evaluation.recipients.find((x) => x.level === row.level && x.code === row.code);
  if (!r) return { kind: "none", where, message: `${describeRecipient(row.level, row.code)} finns inte i beräkningen.` };
  const info = (id: string): SectionInfo => {
    if (id === REQUIREMENTS_SECTION) return { title: "Grundkrav", verdict: r.gate };
    const p = r.pots.find((x) => x.pot === id);
    return { title: potTitle(id), verdict: p ? statusVerdict(p.status) : null, status: p?.status, amount: p?.amount };
  };
  const sections = sectionsOf(r.events, info, focusPot);
  return { ...base, kind: "recipient", heading: describeRecipient(row.level, row.code), verdict: r.gate, total: r.total, sections, assumptions: assumptionsIn(sections, evaluation.assumptions) };
}

/** The explanation of a pot as a whole (a cell of the totals block). */
export function explainPot(read: ReadResult, evaluation: Evaluation, pot: string, where: string): ExplainResult {
  const p = evaluation.pots.find((x) => x.id === pot);
  if (!p) return { kind: "none", where, message: `Potten ${pot} finns inte i beräkningen.` };
  const title = potInfo(read.agreement)(pot);
  const sections = sectionsOf(p.events, () => ({ title, verdict: null, neutral: true }));
  return {
    kind: "pot",
    where,
    heading: title,
    agreement: { id: read.agreement.id, title: read.agreement.title },
    verdict: null,
    total: p.amount,
    fictional: read.fictional,
    notes: readNotes(read),
    sections,
    assumptions: assumptionsIn(sections, evaluation.assumptions),
  };
}

/** Evaluates what a sheet's table reads as, the way its formulas do (sheet layer's baseline for counties outside it). */
export function evaluateRead(read: ReadResult): Evaluation {
  return evaluate(read.agreement, withBaseline(read.agreement, read.facts), { explain: true });
}

/** "F12", "A12:AC12", "12:12" or "$B$3" → the top-left cell (0-based); whole columns start at row 1. */
export function topLeft(address: string): { row: number; col: number } {
  const first = address.split(":")[0].replace(/\$/g, "");
  const m = /^([A-Za-z]*)(\d*)$/.exec(first);
  return { row: m && m[2] ? Number(m[2]) - 1 : 0, col: m && m[1] ? columnLettersToIndex(m[1]) : 0 };
}

/** The function id for a name as a formula holds it: the id itself, or a Swedish name (STIM.FÖRDELNING). */
export function functionId(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (upper in SV_FUNCTIONS) return upper;
  return Object.keys(SV_FUNCTIONS).find((id) => SV_FUNCTIONS[id].name.toUpperCase() === upper);
}

const TABLE_FUNCTIONS = new Set(["ALLOCATION", "ALLOCATION_STATUS", "UNALLOCATED"]);
const RULE_FUNCTIONS = new Set(["GOAL_MET", "GRUNDKRAV_MET", "EXPLAIN"]);

/** An argument's value: a text or number literal, or the cells a reference points at (a single cell as its value). */
async function argumentValue(workbook: WorkbookAdapter, sheet: string, arg: string | undefined, range = false): Promise<unknown> {
  if (arg === undefined || arg === "") return null;
  const text = textArgument(arg);
  if (text !== undefined) return text;
  if (/^-?\d+(\.\d+)?$/.test(arg)) return Number(arg);
  const ref = referenceArgument(arg);
  if (!ref) throw new UnreadableArgument(arg);
  const values = await workbook.readRange(ref.sheet ?? sheet, ref.address);
  return range ? values : values[0]?.[0];
}

class UnreadableArgument extends Error {
  constructor(readonly arg: string) {
    super(arg);
  }
}

const EXPLAINED = ["ALLOCATION", "ALLOCATION_STATUS", "GOAL_MET", "GRUNDKRAV_MET", "EXPLAIN"];
const list = (names: string[]) => `${names.slice(0, -1).join(", ")} och ${names[names.length - 1]}`;
/** What Förklara can explain, with the functions' names in Swedish and English Excel. */
const SUPPORTED = `Förklara fungerar för cellerna i ett fördelningsark (byggt med Bygg fördelningsark) och för formler med ${list(
  EXPLAINED.map((id) => `STIM.${SV_FUNCTIONS[id].name}`),
)} (i engelska Excel ${list(EXPLAINED)}).`;

/** The explanation of a cell with a STIM formula outside an allocation sheet. */
async function explainFormula(workbook: WorkbookAdapter, sheet: string, cell: { row: number; col: number }, formula: string, where: string): Promise<ExplainResult> {
  const call = parseStimCall(formula);
  if (!call) return { kind: "none", where, message: `Cellen har ingen STIM-formel att förklara. ${SUPPORTED}` };
  const id = functionId(call.name);
  try {
    if (id && TABLE_FUNCTIONS.has(id)) {
      const agreementId = await argumentValue(workbook, sheet, call.args[0]);
      const agreement = AGREEMENTS.find((a) => a.id === String(agreementId).trim().toLowerCase());
      if (!agreement) return { kind: "none", where, message: `Formelns överenskommelse ${JSON.stringify(agreementId)} känns inte igen; rätta formelns första argument.` };
      const ref = referenceArgument(call.args[1] ?? "");
      if (!ref) throw new UnreadableArgument(call.args[1] ?? "");
      const tableSheet = ref.sheet ?? sheet;
      const values = await workbook.readRange(tableSheet, ref.address);
      const read = readAllocationSheet({ name: tableSheet, values }, { agreement, table: true });
      const evaluation = evaluateRead(read);
      const pot = id === "ALLOCATION_STATUS" ? textArgument(call.args[3] ?? "") : id === "ALLOCATION" ? textArgument(call.args[3] ?? "") : textArgument(call.args[2] ?? "");
      if (id === "UNALLOCATED") return pot ? explainPot(read, evaluation, pot, where) : { kind: "none", where, message: "Formelns pott kan inte läsas; ange den som text, t.ex. \"A1\"." };
      const n = rowArgument(call.args[2] ?? "", cell.row + 1);
      if (n === undefined) throw new UnreadableArgument(call.args[2] ?? "");
      return explainRow(read, evaluation, n, where, pot);
    }
    if (id && RULE_FUNCTIONS.has(id)) {
      const [agreementArg, idArg, inputs, recipient] = [
        await argumentValue(workbook, sheet, call.args[0]),
        await argumentValue(workbook, sheet, call.args[1]),
        await argumentValue(workbook, sheet, call.args[2], true),
        await argumentValue(workbook, sheet, call.args[3]),
      ];
      const e = evaluateRuleCall(agreementArg, idArg, inputs, recipient ?? undefined);
      const items: Item[] = e.results.map((r) => {
        const [head, ...criteria] = r.events;
        return { type: "rule", rule: r.rule.id, line: lineOf(head), criteria: failingFirst(criteria.map(lineOf), (c) => c.verdict) };
      });
      const section: Section = { id: e.rule.id, title: `${e.rule.id}: ${e.rule.title}`, verdict: e.met, items: failingFirst(items, (x) => (x.type === "rule" ? x.line.verdict : x.verdict)) };
      return {
        kind: "rule",
        where,
        heading: `${e.rule.id}: ${e.rule.title}`,
        agreement: { id: e.agreement.id, title: e.agreement.title },
        verdict: e.met,
        fictional: false,
        notes: e.missing.length ? [`Uppgift saknas: ${e.missing.join(", ")}.`] : [],
        sections: [section],
        assumptions: assumptionsIn([section], e.assumptions, e.assumptions.map((a) => a.id)),
      };
    }
  } catch (err) {
    if (err instanceof UnreadableArgument) {
      return { kind: "none", where, message: `Argumentet ${err.arg} kan inte läsas här: Förklara läser text, tal och cellreferenser (t.ex. B2:C6 eller Blad1!A7:AC318). Skriv argumentet så, eller markera cellen i fördelningsarket.` };
    }
    throw err;
  }
  return { kind: "none", where, message: `STIM.${call.name} ger ett värde ur överenskommelsens data och avgör inget krav för en mottagare. ${SUPPORTED}` };
}

/** The column id a sheet column was read as. */
function columnIdAt(read: ReadResult, col: number): string | undefined {
  for (const [id, c] of read.columns) if (c === col) return id;
  return undefined;
}

/** Explains what the user has selected: a row of an allocation sheet, or a cell with a STIM formula. */
export async function explainSelection(workbook: WorkbookAdapter): Promise<ExplainResult> {
  const sel = await workbook.getSelectedRange();
  const cell = topLeft(sel.address);
  const where = `${sel.sheet}!${columnIndexToLetters(cell.col)}${cell.row + 1}`;
  const used = await workbook.readUsedRange(sel.sheet);
  const grid: SheetGrid = { name: used.sheet, values: used.values, formulas: used.formulas as SheetGrid["formulas"] };
  let read: ReadResult | undefined;
  try {
    read = readAllocationSheet(grid);
  } catch (e) {
    if (!(e instanceof SheetReadError)) throw e;
  }
  if (read) {
    const columnId = columnIdAt(read, cell.col);
    const pot = columnId && /^(belopp|status)\./.test(columnId) ? columnId.slice(columnId.indexOf(".") + 1) : undefined;
    if (read.rows.some((r) => r.row === cell.row)) return explainRow(read, evaluateRead(read), cell.row, where, pot);
    if (pot && [...read.totals.values()].includes(cell.row)) return explainPot(read, evaluateRead(read), pot, where);
  }
  const formula = sel.formulas?.[0]?.[0] ?? used.formulas[cell.row]?.[cell.col];
  if (typeof formula === "string" && /STIM\./i.test(formula.replace(/_xldudf_STIM_/gi, "STIM."))) return explainFormula(workbook, sel.sheet, cell, formula, where);
  if (read) return { kind: "none", where, message: "Markera en cell på en rad med en kommun, ett landsting eller ett län, eller en summa under en beloppskolumn." };
  return { kind: "none", where, message: `Cellen är inte en del av ett fördelningsark och har ingen STIM-formel. ${SUPPORTED}` };
}

/** For tests and the bench: the explanation of one recipient on a grid (no workbook). */
export function explainGridRow(grid: SheetGrid, sheetRow: number, agreement?: Agreement): ExplainResult {
  const read = readAllocationSheet(grid, { agreement });
  return explainRow(read, evaluateRead(read), sheetRow, `${grid.name}!A${sheetRow + 1}`);
}
