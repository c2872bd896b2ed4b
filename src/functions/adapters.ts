/**
 * The custom functions' implementations: normalise Excel arguments, call
 * the rules core, shape the result for a cell or a spill. No rule logic
 * lives here; every amount, verdict and text comes from src/core and the
 * agreement data. Functions throw StimError (→ #VALUE!) or
 * NotAvailableError (→ #N/A); functions.ts turns those into Excel errors.
 */
import { allocate, Method, parseShare, splitAmount } from "../core/allocate";
import { AssumptionInForce, compile, Compiled } from "../core/compile";
import { StimError } from "../core/errors";
import { Decimal } from "../core/decimal";
import { complementShare, parseKronor } from "../core/exact";
import { countyCoverage, CoverageInput } from "../core/gates";
import { Agreement, Citation, Coverage, Rule } from "../core/model";
import { formatKr, formatVerdict } from "../core/format";
import { renderEvents } from "../core/render";
import { combine, evaluateRule, RuleResult } from "../core/rules";
import { monthsLower as coreMonthsLower } from "../core/thresholds";
import { AGREEMENTS, getAgreement, getPot } from "../agreements";
import { normaliseCode, population as referencePopulation } from "../reference";
import {
  Cell,
  describe,
  ExcelError,
  flat,
  isBlank,
  isBlankOrZero,
  matrix,
  MAX_KRONOR,
  NotAvailableError,
  position,
  readBoolean,
  readExact,
  readNumber,
  readText,
  reshape,
  sameShape,
  scalar,
  shape,
  toExcelError,
  usesXMarks,
} from "./excel";
import { citationText, criteriaRows, readInputs, requireComplete, slotsOf } from "./inputs";
import { fn, param } from "./names";

// ---------------------------------------------------------------------------
// Lookups shared by several functions.

const AGREEMENT_IDS = AGREEMENTS.map((a) => a.id).join(", ");

/** An agreement by id, case-insensitively. Blank → #VALUE!, unknown → #N/A. */
export function agreementArg(v: unknown): Agreement {
  const c = scalar(v, param("agreement"));
  if (isBlankOrZero(c)) throw new StimError(`${param("agreement")} saknas: ange en överenskommelse (${AGREEMENT_IDS}).`, "agreement");
  if (typeof c !== "string") throw new StimError(`${param("agreement")}: ${describe(c)} är ingen överenskommelse; ange en av ${AGREEMENT_IDS}.`, "agreement");
  try {
    return getAgreement(c);
  } catch (e) {
    if (e instanceof StimError) throw new NotAvailableError(`${param("agreement")}: ${e.message}`, "agreement");
    throw e;
  }
}

function idArg(v: unknown, name: string): string {
  const c = scalar(v, name);
  const t = readText(c, name);
  if (t === null || t === "0") throw new StimError(`${name} saknas: ange ett id (se ${fn("CRITERIA")}, ${fn("SOURCE")}).`, name);
  return t;
}

/** The agreement as the functions read it: every assumption at its default. */
export function compiled(a: Agreement): Compiled {
  return compile(a);
}

function listIds(items: readonly { id: string }[]): string {
  const ids = items.map((x) => x.id);
  return ids.length > 12 ? `${ids.slice(0, 12).join(", ")} m.fl.` : ids.join(", ");
}

type RuleKind = "requirement" | "goal" | "any";

function ruleArg(a: Agreement, v: unknown, name: string, kind: RuleKind): Rule {
  const id = idArg(v, name);
  const c = compiled(a).agreement;
  const pool: Rule[] = kind === "requirement" ? [...c.requirements] : kind === "goal" ? c.goals : [...c.requirements, ...c.goals];
  const found = pool.find((r) => r.id.toUpperCase() === id.toUpperCase());
  if (found) return found;
  const what = kind === "requirement" ? "grundkrav" : kind === "goal" ? "prestationsmål" : "grundkrav eller mål";
  if (pool.length === 0) throw new NotAvailableError(`${name}: ${a.id} har inga ${what}.`, name);
  throw new NotAvailableError(`${name}: okänt ${what} "${id}" i ${a.id}; finns: ${listIds(pool)}.`, name);
}

// ---------------------------------------------------------------------------
// FUND_SHARE

const METHOD_ALIASES: Record<string, Method> = {
  "largest-remainder": "largest-remainder",
  "largest remainder": "largest-remainder",
  "största rest": "largest-remainder",
  "största-rest": "largest-remainder",
  "storsta rest": "largest-remainder",
  "storsta-rest": "largest-remainder",
  hamilton: "largest-remainder",
  round: "round",
  avrunda: "round",
  exact: "exact",
  exakt: "exact",
};

function methodArg(v: unknown): Method {
  const c = scalar(v, param("method"));
  if (isBlankOrZero(c)) return "largest-remainder";
  const t = typeof c === "string" ? c.trim().toLowerCase().replace(/\s+/g, " ") : undefined;
  const m = t === undefined ? undefined : METHOD_ALIASES[t];
  if (!m) {
    throw new StimError(`${param("method")}: ${describe(c)} är ingen metod; välj "largest-remainder" (standard), "round" eller "exact".`, "method");
  }
  return m;
}

/** Whole kronor for an amount argument, within what Excel holds exactly. */
function kronorArg(v: unknown, name: string): bigint {
  const c = scalar(v, name);
  if (isBlank(c)) throw new StimError(`${name} saknas: ange ett belopp i hela kronor.`, name);
  if (typeof c === "boolean") throw new StimError(`${name}: ${describe(c)} är inget belopp; ange hela kronor.`, name);
  if (typeof c === "number" && !Number.isFinite(c)) throw new StimError(`${name}: ${describe(c)} är inget belopp.`, name);
  const kr = parseKronor(typeof c === "string" ? c.replace(",", ".") : c, name);
  if (kr > BigInt(MAX_KRONOR)) {
    throw new StimError(`${name} är för stort: högst ${formatKr(MAX_KRONOR)} kan räknas exakt i Excel.`, name);
  }
  return kr;
}

/** A key cell: blank → 0; a number ≥ 0 or numeric text (read exactly by the core). */
function keyCell(c: Cell, where: string): number | string {
  if (isBlank(c)) return 0;
  if (typeof c === "number") {
    if (Number.isNaN(c)) throw new StimError(`${where}: NaN är inte ett tal.`, where);
    if (!Number.isFinite(c)) throw new StimError(`${where}: ${describe(c)} är inte ett ändligt tal.`, where);
    if (c < 0) throw new StimError(`${where}: ${describe(c)} är negativt; nycklar måste vara ≥ 0.`, where);
    if (c >= 1e100) throw new StimError(`${where}: talet ${String(c)} är för stort.`, where);
    return c;
  }
  if (typeof c === "string") {
    const n = readNumber(c, where); // throws "texten \"abc\" är inte ett tal"
    if (n !== null && n < 0) throw new StimError(`${where}: ${describe(c)} är negativt; nycklar måste vara ≥ 0.`, where);
    return c.trim().replace(",", "."); // thousands separators are the core's to judge
  }
  throw new StimError(`${where}: ${describe(c)} är inte ett tal.`, where);
}

/** A recipient code for tie-breaks: 180 and "0180" both → "0180"; other text as typed. */
function idCell(c: Cell, where: string): string | null {
  if (isBlankOrZero(c)) return null;
  if (typeof c === "boolean") throw new StimError(`${where}: ${describe(c)} är ingen kod.`, where);
  const code = normaliseCode(typeof c === "string" ? c.trim() : c);
  if (code) return code.code;
  const t = readText(c, where);
  return t;
}

function provided(v: unknown): boolean {
  return v !== null && v !== undefined;
}

export function fundShare(potArg: unknown, keysArg: unknown, eligibleArg?: unknown, idsArg?: unknown, methodArgValue?: unknown): (number | string)[][] {
  const pot = kronorArg(potArg, param("pot"));
  const km = matrix(keysArg, param("keys"));
  const { rows, cols } = shape(km);
  const keyCells = flat(km);
  // A plain key needs no checks here (the core reads it exactly); a place name is built only for the others.
  const keys = keyCells.map((c, i) =>
    typeof c === "number" && c >= 0 && c < 1e100 ? c : keyCell(c, `${param("keys")} ${position(rows, cols, Math.floor(i / cols), i % cols)}`),
  );
  let eligible: boolean[] | undefined;
  if (provided(eligibleArg)) {
    const em = matrix(eligibleArg, param("eligible"));
    sameShape(km, param("keys"), em, param("eligible"));
    eligible = flat(em).map((c, i) =>
      typeof c === "boolean" ? c : (readBoolean(c, `${param("eligible")} ${position(rows, cols, Math.floor(i / cols), i % cols)}`) ?? false),
    );
  }
  let ids: string[] | undefined;
  if (provided(idsArg)) {
    const im = matrix(idsArg, param("ids"));
    sameShape(km, param("keys"), im, param("ids"));
    ids = flat(im).map((c, i) => {
      const where = `${param("ids")} ${position(rows, cols, Math.floor(i / cols), i % cols)}`;
      const id = idCell(c, where);
      if (id !== null) return id;
      const k = keys[i];
      if (k !== 0 && !(typeof k === "string" && Number(k) === 0) && (eligible?.[i] ?? true)) {
        throw new StimError(`${where} är tom men raden har nyckeln ${describe(keyCells[i])}; ange mottagarens kod.`, "ids");
      }
      return `\uffff${String(i).padStart(8, "0")}`; // blank rows without a key never take a krona
    });
  }
  const method = methodArg(methodArgValue);
  const a = allocate(pot, keys, { eligible, ids, method });
  const values: number[] =
    method === "exact" && a.exact ? a.exact.map((x) => Number(x.text)) : a.amounts.map((x) => Number(x));
  return reshape(values, km);
}

// ---------------------------------------------------------------------------
// SPLIT

/** The default kommun share of a 70/30 split (aldre-2014, 002 §5.3). */
export const DEFAULT_FIRST_SHARE = "0.7";

export function split(amountArg: unknown, firstShareArg?: unknown): number[][] {
  const amount = kronorArg(amountArg, param("amount"));
  const c = provided(firstShareArg) ? scalar(firstShareArg, param("first_share")) : null;
  let first = DEFAULT_FIRST_SHARE;
  if (!isBlank(c)) {
    if (typeof c === "boolean") throw new StimError(`${param("first_share")}: ${describe(c)} är ingen andel; ange 0,7 eller "70 %".`, "first_share");
    if (typeof c === "number" && !Number.isFinite(c)) throw new StimError(`${param("first_share")}: ${describe(c)} är ingen andel.`, "first_share");
    first = parseShare(c, param("first_share"));
  }
  const second = complementShare(first);
  const [k, l] = splitAmount(amount, [first, second]);
  return [[Number(k), Number(l)]];
}

// ---------------------------------------------------------------------------
// POT, POPULATION

export function pot(agreementArgValue: unknown, potIdArg: unknown): number {
  const a = agreementArg(agreementArgValue);
  const id = idArg(potIdArg, param("pot_id"));
  try {
    return getPot(a, id).amount;
  } catch (e) {
    if (e instanceof StimError) throw new NotAvailableError(`${param("pot_id")}: ${e.message}`, "pot_id");
    throw e;
  }
}

function populationOf(c: Cell, where: string): number {
  if (typeof c === "boolean") throw new StimError(`${where}: ${describe(c)} är ingen kod.`, where);
  if (typeof c === "number" && (!Number.isInteger(c) || c < 0 || c > 9999)) {
    throw new StimError(`${where}: ${describe(c)} är ingen kod; ange en kommunkod (t.ex. 0180 eller 180) eller länskod (t.ex. 01).`, where);
  }
  if (typeof c === "string" && !/^\d{1,4}$/.test(c.trim())) {
    throw new StimError(`${where}: ${describe(c)} är ingen kod; ange en kommunkod (t.ex. "0180" eller 180) eller länskod (t.ex. "01").`, where);
  }
  const p = referencePopulation(typeof c === "string" ? c.trim() : c);
  if (p === undefined) {
    throw new NotAvailableError(`${where}: ingen kommun eller inget län har koden ${typeof c === "string" ? `"${c.trim()}"` : String(c)}.`, where);
  }
  return p;
}

/**
 * Population per code. A single code gives its number (or the error);
 * a range gives a range of the same shape, "" for blank cells and an error
 * in the cell of a bad code.
 */
export function population(codeArg: unknown): (number | string | ExcelError)[][] | ExcelError {
  const m = matrix(codeArg, param("code"));
  const { rows, cols } = shape(m);
  if (rows === 1 && cols === 1) {
    const c = m[0][0];
    if (isBlankOrZero(c)) throw new StimError(`${param("code")} saknas: ange en kommunkod (t.ex. 0180) eller länskod (t.ex. 01).`, "code");
    return [[populationOf(c, param("code"))]];
  }
  return m.map((row, r) =>
    row.map((c, k) => {
      if (isBlankOrZero(c)) return "";
      try {
        return populationOf(c, `${param("code")} ${position(rows, cols, r, k)}`);
      } catch (e) {
        return toExcelError(e);
      }
    }),
  );
}

// ---------------------------------------------------------------------------
// GRUNDKRAV_MET, GOAL_MET, CRITERIA, EXPLAIN

export interface Evaluated {
  rules: readonly Rule[];
  results: RuleResult[];
  met: boolean | null;
  missing: string[];
}

/** The population a rule's target figure is computed from: the recipient's (a län's for a landsting). */
function recipientPopulation(rule: Rule, recipientArg: unknown): bigint | undefined {
  if (!provided(recipientArg) || isBlankOrZero(scalar(recipientArg, param("recipient")))) return undefined;
  const c = scalar(recipientArg, param("recipient"));
  const code = normaliseCode(typeof c === "string" ? c.trim() : c);
  if (!code) throw new NotAvailableError(`${param("recipient")}: ${describe(c)} är ingen kommunkod eller länskod.`, "recipient");
  if (rule.level === "landsting" && code.kind !== "lan") {
    throw new StimError(`${param("recipient")}: ${rule.id} besvaras av landstinget; ange länskoden (t.ex. 01), inte en kommunkod.`, "recipient");
  }
  return BigInt(referencePopulation(code.code)!);
}

/**
 * Reads the inputs of a rule (and the rules it requires) and evaluates each
 * through the core's `evaluateRule`, the entry `evaluate` uses too.
 */
function evaluateInputs(a: Agreement, rule: Rule, inputsArg: unknown, name: string, recipientArg?: unknown): Evaluated {
  const rules = compiled(a).withRequired(rule.id);
  const slots = slotsOf(rules);
  const m = matrix(inputsArg, name);
  const { answers, missing } = readInputs(slots, m, name, rule.id);
  const needsPopulation = rules.some((r) => r.criteria.some((c) => c.kind === "target-count" && c.target !== "input"));
  const population = recipientPopulation(rule, recipientArg);
  if (needsPopulation && population === undefined) {
    throw new StimError(`${param("recipient")} saknas: ${rule.id} räknar målsiffran ur länets folkmängd; ange länskoden (t.ex. 01) som sista argument.`, "recipient");
  }
  const results = rules.map((r) => evaluateRule(r, answers.get(r.id), { population }));
  return { rules, results, met: combine(results.map((r) => r.met)), missing };
}

function verdictOf(e: Evaluated): boolean {
  if (e.met === null) requireComplete(e.missing.length ? e.missing : ["en eller flera uppgifter"]);
  return e.met === true;
}

export function grundkravMet(agreementArgValue: unknown, requirementArg: unknown, answersArg: unknown): boolean {
  const a = agreementArg(agreementArgValue);
  const rule = ruleArg(a, requirementArg, param("requirement_id"), "requirement");
  return verdictOf(evaluateInputs(a, rule, answersArg, param("answers")));
}

export function goalMet(agreementArgValue: unknown, goalArg: unknown, inputsArg: unknown, recipientArg?: unknown): boolean {
  const a = agreementArg(agreementArgValue);
  const rule = ruleArg(a, goalArg, param("goal_id"), "goal");
  return verdictOf(evaluateInputs(a, rule, inputsArg, param("inputs"), recipientArg));
}

export function criteria(agreementArgValue: unknown, idArgValue: unknown): string[][] {
  const a = agreementArg(agreementArgValue);
  const rule = ruleArg(a, idArgValue, param("id"), "any");
  return criteriaRows(slotsOf(compiled(a).withRequired(rule.id)));
}

/** The explanation of a rule's verdict, rendered from the core's trace by the core's renderer. */
export function explainText(a: Agreement, rule: Rule, e: Evaluated): string {
  const parts: string[] = [];
  if (e.rules.length > 1) {
    const others = e.rules.slice(1).map((r) => r.id);
    parts.push(`${rule.id} med förutsättningar (${others.join(", ")}): ${formatVerdict(e.met)}.`);
  }
  for (const r of e.results) parts.push(...renderEvents(r.events));
  const ids = ruleAssumptions(e);
  if (ids.size > 0) {
    const inForce = compiled(a).assumptions.filter((x) => ids.has(x.id));
    parts.push(`Antaganden: ${inForce.map((x) => `${x.title}: ${x.valueLabel}${x.isDefault ? " (standardval)" : ""} [${x.id}]`).join("; ")}.`);
  }
  return clip(parts.join(" "));
}

/**
 * What STIM.EXPLAIN, STIM.GOAL_MET and STIM.GRUNDKRAV_MET decide for these
 * arguments, with each rule's typed trace: the task pane's "Förklara" shows
 * a selected formula's verdict from exactly the computation the cell ran.
 */
export function evaluateRuleCall(
  agreementArgValue: unknown,
  idArgValue: unknown,
  inputsArg: unknown,
  recipientArg?: unknown,
): Evaluated & { agreement: Agreement; rule: Rule; assumptions: AssumptionInForce[] } {
  const a = agreementArg(agreementArgValue);
  const rule = ruleArg(a, idArgValue, "id", "any");
  const e = evaluateInputs(a, rule, inputsArg, "inputs", recipientArg);
  return { ...e, agreement: a, rule, assumptions: compiled(a).assumptions.filter((x) => ruleAssumptions(e).has(x.id)) };
}

/** The assumptions the rules and their criteria name. */
function ruleAssumptions(e: Evaluated): Set<string> {
  const ids = new Set<string>();
  for (const r of e.rules) {
    for (const id of r.assumptions ?? []) ids.add(id);
    for (const c of r.criteria) for (const id of c.assumptions ?? []) ids.add(id);
  }
  return ids;
}

export function explain(agreementArgValue: unknown, idArgValue: unknown, inputsArg: unknown, recipientArg?: unknown): string {
  const a = agreementArg(agreementArgValue);
  const rule = ruleArg(a, idArgValue, param("id"), "any");
  return explainText(a, rule, evaluateInputs(a, rule, inputsArg, param("inputs"), recipientArg));
}

/** Excel holds at most 32 767 characters in a cell. */
function clip(text: string): string {
  return text.length > 32000 ? `${text.slice(0, 31990)} … (kortad)` : text;
}

// ---------------------------------------------------------------------------
// GRUNDKRAV_COUNTY

/** The county coverage rule of an agreement (the first that declares one when none is named). */
function coverageRule(agreementArgValue: unknown): Coverage {
  const pool = provided(agreementArgValue) && !isBlankOrZero(scalar(agreementArgValue, param("agreement"))) ? [agreementArg(agreementArgValue)] : AGREEMENTS;
  for (const a of pool) {
    const req = compiled(a).requirements.find((r) => r.coverage);
    if (req?.coverage) return req.coverage;
  }
  throw new NotAvailableError(`${param("agreement")}: ${pool.map((a) => a.id).join(", ")} har ingen länsregel för grundkraven.`, "agreement");
}

export function grundkravCounty(metArg: unknown, populationsArg: unknown, agreementArgValue?: unknown): boolean {
  const cov = coverageRule(agreementArgValue);
  const mm = matrix(metArg, param("met"));
  const pm = matrix(populationsArg, param("populations"));
  sameShape(mm, param("met"), pm, param("populations"));
  const { rows, cols } = shape(mm);
  const xMarks = usesXMarks(mm);
  const kommuner: CoverageInput[] = [];
  const unknownRows: string[] = [];
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < cols; k++) {
      const pos = position(rows, cols, r, k);
      const mc = mm[r][k];
      const pc = pm[r][k];
      if (isBlank(mc) && isBlankOrZero(pc)) continue; // an empty row
      if (isBlank(pc)) throw new StimError(`${param("populations")} ${pos} saknas (${param("met")} är ${describe(mc)}); ange kommunens folkmängd.`, "populations");
      if (typeof pc === "boolean") throw new StimError(`${param("populations")} ${pos}: ${describe(pc)} är ingen folkmängd.`, "populations");
      const x = readExact(pc, `${param("populations")} ${pos}`); // exact: "41449,0000000000000001" is no whole number
      const p = typeof x === "number" || x === null ? x : NaN;
      if (p === null || !Number.isSafeInteger(p) || p < 0) {
        throw new StimError(`${param("populations")} ${pos}: ${describe(pc)} är ingen folkmängd; ange ett heltal ≥ 0.`, "populations");
      }
      const b = readBoolean(mc, `${param("met")} ${pos}`);
      const met = b === null ? (xMarks ? false : null) : b;
      if (met === null) unknownRows.push(pos);
      kommuner.push({ population: BigInt(p), met });
    }
  }
  if (kommuner.length === 0) throw new NotAvailableError(`${param("met")} och ${param("populations")} är tomma: ange en rad per kommun i länet.`);
  const res = countyCoverage(kommuner, cov);
  if (res.total === 0n) throw new StimError(`${param("populations")} summerar till 0; ange kommunernas folkmängd.`, "populations");
  if (res.met !== null) return res.met;
  const shown = unknownRows.slice(0, 5).join(", ");
  throw new NotAvailableError(
    `uppgift saknas: ${param("met")} för ${unknownRows.length} ${unknownRows.length === 1 ? "kommun" : "kommuner"} (${shown}${unknownRows.length > 5 ? " m.fl." : ""}); utan dem når täckningen inte gränsen, med dem gör den det.`,
    "met",
  );
}

// ---------------------------------------------------------------------------
// MONTHS_LOWER

export function monthsLower(previousArg: unknown, currentArg: unknown): number {
  const pm = matrix(previousArg, param("previous"));
  const cm = matrix(currentArg, param("current"));
  sameShape(pm, param("previous"), cm, param("current"));
  const { rows, cols } = shape(pm);
  const prev: (number | Decimal)[] = [];
  const cur: (number | Decimal)[] = [];
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < cols; k++) {
      const pos = position(rows, cols, r, k);
      const p = pm[r][k];
      const c = cm[r][k];
      if (isBlank(p) && isBlank(c)) continue;
      if (isBlank(p)) throw new NotAvailableError(`uppgift saknas: ${param("previous")} ${pos} (${param("current")} är ${describe(c)}).`, "previous");
      if (isBlank(c)) throw new NotAvailableError(`uppgift saknas: ${param("current")} ${pos} (${param("previous")} är ${describe(p)}).`, "current");
      if (typeof p === "boolean") throw new StimError(`${param("previous")} ${pos}: ${describe(p)} är inte ett tal.`, "previous");
      if (typeof c === "boolean") throw new StimError(`${param("current")} ${pos}: ${describe(c)} är inte ett tal.`, "current");
      // Exact: text with many digits is compared as written, not as the nearest double.
      prev.push(readExact(p, `${param("previous")} ${pos}`)!);
      cur.push(readExact(c, `${param("current")} ${pos}`)!);
    }
  }
  if (prev.length === 0) throw new NotAvailableError(`uppgift saknas: ${param("previous")} och ${param("current")} är tomma.`);
  return coreMonthsLower(prev, cur);
}

// ---------------------------------------------------------------------------
// SOURCE, ASSUMPTIONS

export function source(agreementArgValue: unknown, idArgValue: unknown): string {
  const a = agreementArg(agreementArgValue);
  const raw = idArg(idArgValue, param("id"));
  const id = raw.toUpperCase();
  const found = findCitation(a, id);
  if (!found) {
    throw new NotAvailableError(
      `${param("id")}: "${raw}" är ingen pott, inget grundkrav, mål eller antagande i ${a.id}; potter: ${listIds(a.pots)}.`,
      "id",
    );
  }
  return citationText(found);
}

function findCitation(a: Agreement, id: string): Citation | undefined {
  const eq = (x: string) => x.toUpperCase() === id;
  const pot = a.pots.find((p) => eq(p.id));
  if (pot) return pot.source;
  const rules: Rule[] = [...a.requirements, ...a.goals];
  const rule = rules.find((r) => eq(r.id));
  if (rule) return rule.source;
  const assumption = a.assumptions.find((x) => eq(x.id) || eq(x.id.slice(x.id.indexOf("/") + 1)));
  if (assumption) return assumption.source;
  const slash = id.indexOf("/");
  if (slash > 0) {
    const r = rules.find((x) => eq(x.id) || x.id.toUpperCase() === id.slice(0, slash));
    const c = r?.criteria.find((x) => x.id.toUpperCase() === id.slice(slash + 1));
    if (c) return c.source;
  }
  return undefined;
}

export function assumptions(agreementArgValue: unknown): string[][] {
  const a = agreementArg(agreementArgValue);
  if (a.assumptions.length === 0) throw new NotAvailableError(`${a.id} har inga antaganden.`);
  return a.assumptions.map((x) => {
    const label = x.options.find((o) => o.id === x.default)?.label ?? x.default;
    return [x.id, `${x.title}: ${x.reason}`, `${label} [${x.default}]`, citationText(x.source)];
  });
}
