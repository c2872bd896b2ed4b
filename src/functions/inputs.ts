/**
 * The input layout for GRUNDKRAV_MET, GOAL_MET and EXPLAIN, and what
 * CRITERIA shows: how a range of cells maps onto the answers the core's
 * criteria expect. This is a layout convention, not a rule: cells become the
 * core's normalised answers (`parseAnswer`, `shareAnswer`) and every verdict
 * is the core's `evaluateRule`, the same entry `evaluate` uses.
 *
 * The convention ("one CRITERIA row = one input row"):
 * - The rule's own criteria come first, in the order the agreement lists
 *   them, then the criteria of the rules it requires (e.g. A1 requires
 *   A-FORUTSATTNING), each block in its own order.
 * - boolean criterion: 1 row, 1 cell (SANT/FALSKT, 1/0, "ja"/"nej", "x"/tom;
 *   "ej aktuellt" where the point applies only to some).
 * - target-count criterion (B1's registered patients): 1 row, 1 cell with the
 *   count (the core computes the target figure from the population), or,
 *   with an entered target figure, 2 cells: antal | målsiffra.
 * - share criterion: 1 row, either 1 cell (0,9 or "90 %"; a cell formatted
 *   as percent sends 0,9) or 2 cells: antal | totalt (whole counts).
 * - months-lower criterion: one row per month (6), 2 cells per row:
 *   föregående år | innevarande år.
 * - indicator-improvement criterion: one row per indicator (4), 2 cells per
 *   row: utgångsvärde | resultat, each a share (0,45 or "45 %").
 * STIM.CRITERIA spills exactly these rows, so the inputs can be typed in the
 * columns beside it. When every criterion takes one cell, the answers may
 * also be one row across (one cell per criterion): the usual layout of a
 * sheet with one row per kommun.
 */
import { Answer, AnswerValue, parseAnswer, shareAnswer } from "../core/facts";
import { Decimal, exactValue, parseScaled, scaledText } from "../core/decimal";
import { formatCitation, formatComparison, formatRate, formatThreshold } from "../core/format";
import { fromScaled } from "../core/fraction";
import { parseShare } from "../core/allocate";
import { StimError } from "../core/errors";
import { Citation, Criterion, Rule } from "../core/model";
import { Cell, describe, isBlank, isBlankOrZero, Matrix, NotAvailableError, readBoolean, readExact, shape, usesXMarks } from "./excel";
import { fn } from "./names";

/** One criterion's place in the inputs. */
export interface Slot {
  rule: Rule;
  criterion: Criterion;
  /** The id shown in CRITERIA: "innehall", or "A-FORUTSATTNING/rapportering" for a required rule. */
  id: string;
  /** Rows the criterion takes in block layout. */
  rows: number;
  /** Cells per row it may use (a share uses 1 or 2). */
  cols: 1 | 2;
}

export function slotsOf(rules: readonly Rule[]): Slot[] {
  const main = rules[0];
  const slots: Slot[] = [];
  for (const rule of rules) {
    for (const c of rule.criteria) {
      const id = rule === main ? c.id : `${rule.id}/${c.id}`;
      switch (c.kind) {
        case "boolean":
          slots.push({ rule, criterion: c, id, rows: 1, cols: 1 });
          break;
        case "share":
          slots.push({ rule, criterion: c, id, rows: 1, cols: 2 });
          break;
        case "target-count":
          slots.push({ rule, criterion: c, id, rows: 1, cols: c.target === "input" ? 2 : 1 });
          break;
        case "months-lower":
          slots.push({ rule, criterion: c, id, rows: c.months, cols: 2 });
          break;
        case "indicator-improvement":
          slots.push({ rule, criterion: c, id, rows: c.indicators.length, cols: 2 });
          break;
      }
    }
  }
  return slots;
}

/** "Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.2: Prestationsmål A 1" */
export function citationText(c: Citation): string {
  return formatCitation(c, "full", { label: true });
}

/**
 * CRITERIA's rows: [id, label, what to enter (type/unit and the requirement),
 * citation], one row per input row. The criteria come from the compiled
 * agreement, so operators, month rules and units are those in force.
 */
export function criteriaRows(slots: readonly Slot[]): string[][] {
  const rows: string[][] = [];
  for (const s of slots) {
    const c = s.criterion;
    const cite = citationText(c.source);
    switch (c.kind) {
      case "boolean":
        rows.push([
          s.id,
          c.label,
          `ja/nej: SANT/FALSKT, 1/0, "ja"/"nej" eller "x"/tom${c.notApplicable ? `; "ej aktuellt" räknas som ${c.notApplicable === "met" ? "uppfyllt" : "inte uppfyllt"}` : ""}`,
          cite,
        ]);
        break;
      case "share": {
        rows.push([
          s.id,
          c.label,
          `andel i en cell (0,9 eller "90 %") eller antal | totalt i två celler; krav ${formatThreshold(c.op, c.threshold)}`,
          cite,
        ]);
        break;
      }
      case "target-count": {
        const what =
          c.target === "input"
            ? "antal | målsiffra i två celler"
            : `antal (heltal) i en cell; målsiffran räknas som ${formatRate(c.rate)} av länets invånare 31 december 2013`;
        rows.push([s.id, c.label, `${what}; krav ${formatThreshold(c.op, c.threshold)} av målsiffran`, cite]);
        break;
      }
      case "months-lower": {
        const rule = c.match === "exactly" ? "exakt" : "minst";
        for (let m = 0; m < c.months; m++) {
          rows.push([
            `${s.id}[${m + 1}]`,
            `${c.label}, månad ${m + 1} av ${c.months}`,
            `tal ≥ 0 i två celler: föregående år | innevarande år; krav: lägre i ${rule} ${c.required} av ${c.months} månader (lika räknas inte)`,
            cite,
          ]);
        }
        break;
      }
      case "indicator-improvement": {
        const unit = c.unit === "relative" ? "% av utgångsvärdet" : "procentenheter";
        const op = formatComparison(c.op ?? ">=");
        const each = c.basis === "each";
        let req = `${each ? "varje indikators" : "genomsnittlig"} förbättring ${op} ${c.minImprovement} ${unit}`;
        if (c.attainmentAlternative) req += ` eller genomsnittligt resultat ≥ ${c.attainmentAlternative} %`;
        c.indicators.forEach((ind, i) => {
          rows.push([
            `${s.id}[${i + 1}]`,
            `${c.label}: ${ind}`,
            `andel i två celler: utgångsvärde | resultat (0,45 eller "45 %"); krav: ${req}`,
            cite,
          ]);
        });
        break;
      }
    }
  }
  return rows;
}

/** Answers per rule id, ready for `evaluateRule`, and what is missing. */
export interface ReadInputs {
  answers: Map<string, Map<string, Answer | null>>;
  /** Labels (with detail) of answers that are blank: the verdict is #N/A. */
  missing: string[];
}

/**
 * Reads a range of inputs for the slots (see the convention above). Wrong
 * shapes and wrong values throw StimError (#VALUE!) with the cell and the
 * criterion named; blank answers are reported in `missing`.
 */
export function readInputs(slots: readonly Slot[], m: Matrix, name: string, ruleId: string): ReadInputs {
  const { rows, cols } = shape(m);
  const needRows = slots.reduce((n, s) => n + s.rows, 0);
  const xMarks = usesXMarks(m);
  const answers = new Map<string, Map<string, Answer | null>>();
  const missing: string[] = [];
  const put = (s: Slot, v: Answer | null) => {
    let rec = answers.get(s.rule.id);
    if (!rec) answers.set(s.rule.id, (rec = new Map()));
    rec.set(s.criterion.id, v);
  };

  // One row across, one cell per criterion.
  if (rows === 1 && cols > 1 && needRows > 1 && slots.every((s) => s.rows === 1)) {
    if (cols < slots.length) {
      throw new StimError(
        `${name} har ${cols} kolumner men ${ruleId} har ${slots.length} kriterier: ange ett värde per kriterium (se ${fn("CRITERIA")}).`,
        name,
      );
    }
    for (let c = slots.length; c < cols; c++) {
      if (!isBlank(m[0][c])) throw new StimError(`${name} kolumn ${c + 1}: ${ruleId} har bara ${slots.length} kriterier (fick ${describe(m[0][c])}).`, name);
    }
    slots.forEach((s, i) => {
      const where = `${name} kolumn ${i + 1} (${s.criterion.label})`;
      const v = readSingle(s, m[0][i], null, where, xMarks);
      if (v === null) missing.push(s.criterion.label);
      put(s, v);
    });
    return { answers, missing };
  }

  // Blocks of rows.
  if (rows < needRows) {
    throw new StimError(
      `${name} har ${rows} ${rows === 1 ? "rad" : "rader"} men ${ruleId} behöver ${needRows}: en rad per rad i ${fn("CRITERIA")}.`,
      name,
    );
  }
  for (let r = needRows; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!isBlank(m[r][c])) {
        throw new StimError(`${name} rad ${r + 1}: ${ruleId} behöver bara ${needRows} rader (fick ${describe(m[r][c])}).`, name);
      }
    }
  }
  const maxCols = slots.some((s) => s.cols === 2) ? 2 : 1;
  for (let r = 0; r < needRows; r++) {
    for (let c = maxCols; c < cols; c++) {
      if (!isBlank(m[r][c])) {
        throw new StimError(`${name} rad ${r + 1}, kolumn ${c + 1}: ${ruleId} använder högst ${maxCols} ${maxCols === 1 ? "kolumn" : "kolumner"} (fick ${describe(m[r][c])}).`, name);
      }
    }
  }
  let row = 0;
  for (const s of slots) {
    const c = s.criterion;
    const at = (r: number, col: number): Cell => (col < cols ? m[r][col] : null);
    if (c.kind === "boolean" || c.kind === "share" || c.kind === "target-count") {
      const where = `${name} rad ${row + 1} (${c.label})`;
      if (s.cols === 1 && cols > 1 && !isBlank(at(row, 1))) {
        throw new StimError(`${where}, kolumn 2: svaret tar en cell (fick ${describe(at(row, 1))}).`, name);
      }
      const v = readSingle(s, at(row, 0), s.cols === 2 ? at(row, 1) : null, where, xMarks);
      if (v === null) missing.push(c.label);
      put(s, v);
    } else {
      if (cols < 2) {
        const what = c.kind === "months-lower" ? "föregående år | innevarande år" : "utgångsvärde | resultat";
        throw new StimError(`${name} behöver två kolumner för ${c.label} (${what}).`, name);
      }
      const first: (number | Decimal)[] = [];
      const second: (number | Decimal)[] = [];
      const gaps: string[] = [];
      let filled = 0;
      for (let i = 0; i < s.rows; i++) {
        const r = row + i;
        for (const col of [0, 1]) {
          const v = at(r, col);
          const where = `${name} rad ${r + 1}, kolumn ${col + 1} (${c.label})`;
          const sub = c.kind === "months-lower" ? `månad ${i + 1}, ${col === 0 ? "föregående år" : "innevarande år"}` : `${c.indicators[i]}, ${col === 0 ? "utgångsvärde" : "resultat"}`;
          if (isBlank(v)) {
            gaps.push(sub);
            continue;
          }
          filled++;
          const x = c.kind === "months-lower" ? monthValue(v, where) : indicatorValue(v, where);
          (col === 0 ? first : second)[i] = x;
        }
      }
      if (gaps.length > 0) {
        missing.push(filled === 0 ? c.label : `${c.label} (${gaps.slice(0, 3).join("; ")}${gaps.length > 3 ? ` m.fl., ${gaps.length} celler` : ""})`);
        put(s, null);
      } else {
        const v: AnswerValue = c.kind === "months-lower" ? { previous: first, current: second } : { baseline: first, result: second };
        put(s, answer(c, v, `${name} rad ${row + 1}–${row + s.rows} (${c.label})`));
      }
    }
    row += s.rows;
  }
  return { answers, missing };
}

/** A boolean, share or count answer from one cell (or two: part | total, count | target). */
function readSingle(s: Slot, v: Cell, second: Cell, where: string, xMarks: boolean): Answer | null {
  const c = s.criterion;
  if (c.kind === "boolean") {
    if (c.notApplicable && typeof v === "string" && /^\s*ej\s+aktuellt\s*$/i.test(v)) return { kind: "not-applicable" };
    const b = readBoolean(v, where);
    return b === null ? (xMarks ? { kind: "boolean", value: false } : null) : { kind: "boolean", value: b };
  }
  if (c.kind === "target-count") {
    if (isBlank(v)) return null;
    const n = readExact(v, `${where}, antal`);
    if (n === null || !isWhole(n)) throw new StimError(`${where}: antalet ska vara ett heltal ≥ 0 (fick ${describe(v)}).`, where);
    if (c.target !== "input") return answer(c, n, where);
    const t = readExact(second, `${where}, målsiffra`);
    if (t === null) return null;
    return answer(c, { part: n, total: t }, where);
  }
  if (c.kind !== "share") throw new StimError(`${where}: kriteriet tar flera rader.`, where);
  // part | total: a second cell that is blank or 0 means the first is the share itself.
  if (!isBlankOrZero(second)) {
    if (isBlank(v)) return null;
    const part = readExact(v, `${where}, antal`);
    const total = readExact(second, `${where}, totalt`);
    if (part === null || total === null) return null;
    if (!isWhole(part) || !isWhole(total)) {
      throw new StimError(`${where}: antal och totalt ska vara heltal ≥ 0 (fick ${describe(part)} och ${describe(total)}).`, where);
    }
    if (new Decimal(part).gt(total) && !c.mayExceedWhole) {
      throw new StimError(`${where}: antal (${describe(part)}) är större än totalt (${describe(total)}); en andel över 100 % anges som 100 %.`, where);
    }
    return answer(c, { part, total }, where);
  }
  if (isBlank(v)) return null;
  if (typeof v === "boolean") throw new StimError(`${where}: ${describe(v)} är ingen andel; ange 0,9 eller "90 %".`, where);
  const fraction = parseScaled(parseShare(v, where))!;
  const a = shareAnswer(c, fromScaled(fraction.value), describe(v));
  if (typeof a === "string") throw new StimError(`${where}: ${a}.`, where);
  return a;
}

/** A whole number ≥ 0, exact (a Decimal above 2^53 as written). */
function isWhole(x: number | Decimal): boolean {
  return typeof x === "number" ? Number.isSafeInteger(x) && x >= 0 : x.isInteger() && !x.isNegative();
}

function monthValue(v: Cell, where: string): number | Decimal {
  if (typeof v === "boolean") throw new StimError(`${where}: ${describe(v)} är inte ett tal.`, where);
  const n = readExact(v, where);
  if (n === null) throw new StimError(`${where}: värde saknas.`, where);
  if (new Decimal(n).isNegative() && !new Decimal(n).isZero()) throw new StimError(`${where}: ${describe(n)} är negativt; månadsvärden är tal ≥ 0.`, where);
  return n;
}

/** An indicator value given as a share (0,45 or "45 %"), returned in percent (45) as the core expects. */
function indicatorValue(v: Cell, where: string): number | Decimal {
  if (typeof v === "boolean") throw new StimError(`${where}: ${describe(v)} är ingen andel; ange 0,45 eller "45 %".`, where);
  const fraction = parseShare(v, where);
  const p = parseScaled(fraction)!.value; // a share 0–1 as decimal text → percent, exactly
  return exactValue(scaledText(p.scale >= 2 ? { mantissa: p.mantissa, scale: p.scale - 2 } : { mantissa: p.mantissa * 10n ** BigInt(2 - p.scale), scale: 0 }));
}

/** The core's reading of an answer: normalised, or a Swedish message naming the cells. */
function answer(c: Criterion, v: unknown, where: string): Answer {
  const a = parseAnswer(c, v);
  if (typeof a === "string") throw new StimError(`${where}: ${a}.`, where);
  return a;
}

/** Throws #N/A "uppgift saknas: …" when answers are missing. */
export function requireComplete(missing: readonly string[]): void {
  if (missing.length === 0) return;
  const shown = missing.slice(0, 3).join("; ");
  throw new NotAvailableError(`uppgift saknas: ${shown}${missing.length > 3 ? ` (och ${missing.length - 3} till)` : ""}.`);
}
