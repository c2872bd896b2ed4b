/**
 * The input layout for GRUNDKRAV_MET, GOAL_MET and EXPLAIN, and what
 * CRITERIA shows: how a range of cells maps onto the answers the core's
 * criteria expect. This is a layout convention, not a rule: every verdict is
 * the core's (`evaluateRule`, `checkAnswer`, `parseShare`).
 *
 * The convention ("one CRITERIA row = one input row"):
 * - The rule's own criteria come first, in the order the agreement lists
 *   them, then the criteria of the rules it requires (e.g. A1 requires
 *   A-FORUTSATTNING), each block in its own order.
 * - boolean criterion: 1 row, 1 cell (SANT/FALSKT, 1/0, "ja"/"nej", "x"/tom).
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
import { AnswerValue, checkAnswer } from "../core/facts";
import { D, formatRate } from "../core/exact";
import { parseShare } from "../core/allocate";
import { comparisonText } from "../core/thresholds";
import { StimError } from "../core/errors";
import { Agreement, Citation, Criterion, Rule } from "../core/model";
import { goalWithRequired } from "../core/criteria";
import { Cell, describe, isBlank, isBlankOrZero, Matrix, NotAvailableError, readBoolean, readNumber, shape, usesXMarks } from "./excel";
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

/** The rule and the rules it requires (the core decides which). */
export function withRequired(agreement: Agreement, rule: Rule): Rule[] {
  return goalWithRequired(agreement, rule);
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

/** "004_a38fd00e97c5cefc.txt §3.4.2: Prestationsmål A 1" */
export function citationText(c: Citation): string {
  // A numbered section ("3.4.2") gets §; a heading is quoted as it stands in the document.
  const section = /^\d+(\.\d+)*$/.test(c.section) ? `§${c.section}` : `"${c.section}"`;
  return `${c.doc} ${section}: ${c.label}`;
}

/** Whether an assumption on the criterion (or its rule) is set to `option`. */
function chosen(slot: Slot, values: Record<string, string>, option: string): boolean {
  const ids = [...(slot.criterion.assumptions ?? [])];
  return ids.some((id) => values[id] === option);
}

/**
 * CRITERIA's rows: [id, label, what to enter (type/unit and the requirement),
 * citation], one row per input row.
 */
export function criteriaRows(slots: readonly Slot[], values: Record<string, string>): string[][] {
  const rows: string[][] = [];
  for (const s of slots) {
    const c = s.criterion;
    const cite = citationText(c.source);
    switch (c.kind) {
      case "boolean":
        rows.push([s.id, c.label, 'ja/nej: SANT/FALSKT, 1/0, "ja"/"nej" eller "x"/tom', cite]);
        break;
      case "share": {
        const op = chosen(s, values, "more-than") ? ">" : c.op;
        rows.push([
          s.id,
          c.label,
          `andel i en cell (0,9 eller "90 %") eller antal | totalt i två celler; krav ${comparisonText(op)} ${formatRate(c.threshold)}`,
          cite,
        ]);
        break;
      }
      case "months-lower": {
        const rule = chosen(s, values, "exactly") ? "exakt" : "minst";
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
        const unit = chosen(s, values, "relative") ? "% av utgångsvärdet" : "procentenheter";
        const op = chosen(s, values, "more-than") ? ">" : "≥";
        const each = chosen(s, values, "each-indicator");
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
  answers: Map<string, Record<string, AnswerValue | null>>;
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
  const answers = new Map<string, Record<string, AnswerValue | null>>();
  const missing: string[] = [];
  const put = (s: Slot, v: AnswerValue | null) => {
    let rec = answers.get(s.rule.id);
    if (!rec) answers.set(s.rule.id, (rec = {}));
    rec[s.criterion.id] = v;
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
    if (c.kind === "boolean" || c.kind === "share") {
      const where = `${name} rad ${row + 1} (${c.label})`;
      if (c.kind === "boolean" && cols > 1 && !isBlank(at(row, 1))) {
        throw new StimError(`${where}, kolumn 2: ett ja/nej-svar tar en cell (fick ${describe(at(row, 1))}).`, name);
      }
      const v = readSingle(s, at(row, 0), c.kind === "share" ? at(row, 1) : null, where, xMarks);
      if (v === null) missing.push(c.label);
      put(s, v);
    } else {
      if (cols < 2) {
        const what = c.kind === "months-lower" ? "föregående år | innevarande år" : "utgångsvärde | resultat";
        throw new StimError(`${name} behöver två kolumner för ${c.label} (${what}).`, name);
      }
      const first: number[] = [];
      const second: number[] = [];
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
        check(c, v, `${name} rad ${row + 1}–${row + s.rows} (${c.label})`);
        put(s, v);
      }
    }
    row += s.rows;
  }
  return { answers, missing };
}

/** A boolean or share answer from one cell (or part | total for a share). */
function readSingle(s: Slot, v: Cell, second: Cell, where: string, xMarks: boolean): AnswerValue | null {
  const c = s.criterion;
  if (c.kind === "boolean") {
    const b = readBoolean(v, where);
    return b === null ? (xMarks ? false : null) : b;
  }
  if (c.kind !== "share") throw new StimError(`${where}: kriteriet tar flera rader.`, where);
  // part | total: a second cell that is blank or 0 means the first is the share itself.
  if (!isBlankOrZero(second)) {
    if (isBlank(v)) return null;
    const part = readNumber(v, `${where}, antal`);
    const total = readNumber(second, `${where}, totalt`);
    if (part === null || total === null) return null;
    if (!Number.isSafeInteger(part) || part < 0 || !Number.isSafeInteger(total) || total < 0) {
      throw new StimError(`${where}: antal och totalt ska vara heltal ≥ 0 (fick ${describe(part)} och ${describe(total)}).`, where);
    }
    if (part > total) {
      throw new StimError(`${where}: antal (${describe(part)}) är större än totalt (${describe(total)}); en andel över 100 % anges som 100 %.`, where);
    }
    const ans = { part, total };
    check(c, ans, where);
    return ans;
  }
  if (isBlank(v)) return null;
  if (typeof v === "boolean") throw new StimError(`${where}: ${describe(v)} är ingen andel; ange 0,9 eller "90 %".`, where);
  const fraction = parseShare(v, where);
  const ans = `${new D(fraction).times(100).toFixed()} %`;
  check(c, ans, where);
  return ans;
}

function monthValue(v: Cell, where: string): number {
  if (typeof v === "boolean") throw new StimError(`${where}: ${describe(v)} är inte ett tal.`, where);
  const n = readNumber(v, where);
  if (n === null) throw new StimError(`${where}: värde saknas.`, where);
  if (n < 0) throw new StimError(`${where}: ${describe(n)} är negativt; månadsvärden är tal ≥ 0.`, where);
  return n;
}

/** An indicator value given as a share (0,45 or "45 %"), returned in percent (45) as the core expects. */
function indicatorValue(v: Cell, where: string): number {
  if (typeof v === "boolean") throw new StimError(`${where}: ${describe(v)} är ingen andel; ange 0,45 eller "45 %".`, where);
  const fraction = parseShare(v, where);
  return Number(new D(fraction).times(100).toFixed());
}

/** The core's own validation of an answer, as a safety net. */
function check(c: Criterion, v: AnswerValue, where: string): void {
  const problem = checkAnswer(c, v);
  if (problem) throw new StimError(`${where}: ${problem}.`, where);
}

/** Throws #N/A "uppgift saknas: …" when answers are missing. */
export function requireComplete(missing: readonly string[]): void {
  if (missing.length === 0) return;
  const shown = missing.slice(0, 3).join("; ");
  throw new NotAvailableError(`uppgift saknas: ${shown}${missing.length > 3 ? ` (och ${missing.length - 3} till)` : ""}.`);
}
