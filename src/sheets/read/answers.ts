/** Reading answers: every input cell by its column's type, series complete or not at all, the population. */
import { AnswerValue, EntityFacts } from "../../core/facts";
import { exactValue } from "../../core/decimal";
import { getKommun, getLan } from "../../reference";
import { a1, cellNumber, errorOf, isEmpty, shown } from "../cells";
import { InputColumn, LEVEL_TEXT, RowLevel, SheetColumns } from "../columns";
import { Finding } from "../findings";

export function readInputs(
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
      if (typeof parsed === "number" && t.perDistrict?.codes.includes(code) && parsed > t.perDistrict.max) {
        // The cap holds per city district: one number for the whole city cannot be capped (issue 18).
        findings.push({
          severity: "fel",
          kind: "out-of-range",
          sheet,
          cell: at,
          message: `Taket är ${t.perDistrict.max} per stadsdel, så ${shown(parsed)} för hela kommunen går inte att pröva mot taket; skriv ett tal per stadsdel åtskilda med semikolon, t.ex. "2; 1; 2".`,
          source: col.source,
        });
        continue;
      }
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
    const n = isEmpty(v) ? undefined : numberOf(v, false); // "41 449" typed as text reads as the number
    const pop = n && n.integer && !n.negative && typeof n.value === "number" && Number.isSafeInteger(n.value) ? n.value : undefined;
    if (isEmpty(v)) {
      // The embedded figure applies.
    } else if (pop === undefined) {
      findings.push({ severity: "fel", kind: "not-a-number", sheet, cell: at, message: `Folkmängden ${shown(v)} är inget heltal ≥ 0.` });
    } else if (pop !== embedded) {
      const v = pop;
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

export const TRUE_WORDS = new Set(["ja", "j", "x", "sant", "true", "yes", "1"]);
export const FALSE_WORDS = new Set(["nej", "n", "falskt", "false", "no", "0"]);

/** A cell read by its column's type; undefined (with a finding) when it cannot be read. */
export function parseCell(col: InputColumn, v: unknown, at: string, sheet: string, findings: Finding[]): AnswerValue | number | undefined {
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
      if (n.negative) return fail("out-of-range", `Andelen ${shown(v)} är negativ.`);
      const limit = col.valueType === "share-over" ? 100 : 1;
      if (n.above(limit)) {
        const pct = n.percent ? n.text : `${shiftDecimal(n.decimal, 2).replace(".", ",")} %`;
        const plain = n.decimal.replace(".", ",");
        return fail(
          "out-of-range",
          `Andelen ${pct} ligger utanför 0–${limit * 100} %${!n.percent && !n.above(100) ? `; menade du ${plain} %? Skriv den som procent (${plain} %) eller som 0,${n.decimal.replace(".", "").padStart(2, "0")}` : ""}.`,
        );
      }
      if (col.target.type === "series") return exactValue(shiftDecimal(n.decimal, 2)); // indicators are percent values 0–100
      return n.value;
    }
    case "count": {
      const n = numberOf(v, false);
      if (n === undefined) return fail("not-a-number", `${shown(v)} är inget tal.`);
      if (n.negative) return fail("out-of-range", `${shown(v)} är negativt; ange ett tal ≥ 0.`);
      if (col.target.type === "answer" && !n.integer) return fail("not-a-number", `${shown(v)} är inget heltal; ange ett antal.`);
      return n.value;
    }
    case "number": {
      if (typeof v === "string" && v.includes(";")) {
        // A capped key per city district: "2; 1; 2".
        const parts = v.split(";").map((x) => numberOf(x, false));
        if (parts.some((p) => p === undefined || p.negative)) return fail("not-a-number", `${shown(v)} är ingen lista med tal ≥ 0 (åtskilda med semikolon).`);
        return parts.map((p) => p!.value) as unknown as number;
      }
      const n = numberOf(v, false);
      if (n === undefined) return fail("not-a-number", `${shown(v)} är inget tal.`);
      if (n.negative) return fail("out-of-range", `${shown(v)} är negativt; nycklar är tal ≥ 0.`);
      return n.value;
    }
  }
}

/** A number from a number cell or numeric text ("1 234", "12,5", "92 %"), exact (the one parser: ../cells). */
export const numberOf = cellNumber;

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
