/**
 * The facts of a scenario: what one agreement's evaluation needs to know about
 * each county, landsting and kommun. Versioned JSON (see docs/facts-format.md).
 *
 * {
 *   "format": "stimulans-facts", "version": 1, "agreement": "prio-2014",
 *   "title": "…", "description": "…", "fictional": true,
 *   "assumptions": { "prio-2014/county-below-80": "none-in-county" },
 *   "counties": {
 *     "01": {
 *       "county":    { "answers": { "<ruleId>": { "<criterionId>": … } }, "keys": { … } },
 *       "landsting": { "answers": { … }, "keys": { … } },
 *       "kommuner":  { "0114": { "answers": { … }, "keys": { "pop65": 6543 } } }
 *     }
 *   }
 * }
 *
 * Answer values by criterion kind:
 * - boolean: true / false (and "ej aktuellt" where the point applies only to some)
 * - share: a fraction 0–1, a text "92 %" / "92,5 %", or { "part": n, "total": m }
 * - target-count: a whole count (or { "part": n }); with an entered target
 *   figure { "part": n, "total": target }
 * - months-lower: { "previous": [6 numbers], "current": [6 numbers] }
 * - indicator-improvement: { "baseline": [..], "result": [..] } in percent 0–100
 * A missing answer is `missing-data`, never "not met".
 * Numbers are JSON numbers as the facts reader (./json) keeps them: a
 * JavaScript number where a double holds the literal exactly, else a
 * decimal.js Decimal with every digit (./decimal); both are read exactly.
 *
 * Parse, don't just validate: `parseFacts` returns the facts normalised —
 * shares as exact fractions, counts as bigint, codes as given by the
 * reference data, Gotland's shared answers merged — so nothing downstream
 * parses again. Every problem is collected with its path.
 */
import { compile, Compiled, criterionApplies, Level } from "./compile";
import { StimError } from "./errors";
import { Decimal, isDecimal, parseScaled, pow10, reduceScaled, Scaled, scanDecimal } from "./decimal";
import { describe } from "./format";
import { Fraction, fromScaled, frac, cmp } from "./fraction";
import { JsonTextError, parseJsonText } from "./json";
import { Agreement, Criterion, Rule } from "./model";
import { getKommun, getLan, LAN } from "../reference";

export const FACTS_FORMAT = "stimulans-facts";
export const FACTS_VERSION = 1;

/**
 * A number in raw facts: a JavaScript number when a double holds the value
 * exactly, else a decimal.js Decimal with every digit as written (a JSON
 * literal such as 0.79999999999999999, a count above 2^53, cell text with
 * many digits). See ./decimal.
 */
export type FactNumber = number | Decimal;

/** The raw answer values a facts file may hold (see the header). */
export type AnswerValue =
  | boolean
  | FactNumber
  | string
  | { part: FactNumber; total?: FactNumber }
  | { previous: FactNumber[]; current: FactNumber[] }
  | { baseline: FactNumber[]; result: FactNumber[] };

export interface EntityFacts {
  answers?: Record<string, Record<string, AnswerValue | null>>;
  keys?: Record<string, FactNumber | FactNumber[] | null>;
}

export interface CountyFacts {
  county?: EntityFacts;
  landsting?: EntityFacts;
  kommuner?: Record<string, EntityFacts>;
}

export interface Facts {
  format: typeof FACTS_FORMAT;
  version: number;
  agreement: string;
  title?: string;
  description?: string;
  fictional?: boolean;
  assumptions?: Record<string, string>;
  counties: Record<string, CountyFacts>;
}

/** A normalised answer, exact. */
export type Answer =
  | { kind: "boolean"; value: boolean }
  | { kind: "not-applicable" }
  | { kind: "share"; value: Fraction; counts?: { part: bigint; total: bigint } }
  | { kind: "count"; count: bigint; target?: Fraction }
  | { kind: "months"; previous: Fraction[]; current: Fraction[] }
  | { kind: "indicators"; baseline: Fraction[]; result: Fraction[] };

/** A key value: one number, or one per city district for capped keys. */
export type KeyValue = Scaled | Scaled[];

export interface ParsedEntity {
  /** Rule id → criterion id → answer (null: explicitly blank). */
  answers: Map<string, Map<string, Answer | null>>;
  keys: Map<string, KeyValue | null>;
}

export interface ParsedCounty {
  county?: ParsedEntity;
  landsting?: ParsedEntity;
  kommuner: Map<string, ParsedEntity>;
}

export interface ParsedFacts {
  agreement: string;
  title?: string;
  description?: string;
  fictional: boolean;
  assumptions: Record<string, string>;
  counties: Map<string, ParsedCounty>;
}

export interface FactsIssue {
  path: string;
  message: string;
}

export class FactsError extends StimError {
  readonly issues: FactsIssue[];
  constructor(issues: FactsIssue[]) {
    const head = issues
      .slice(0, 5)
      .map((i) => `${i.path}: ${i.message}`)
      .join("; ");
    super(`Fel i indata (${issues.length} fel): ${head}${issues.length > 5 ? `; … och ${issues.length - 5} till` : ""}`, issues[0]?.path);
    this.issues = issues;
  }
}

/** A plain JSON object (not a list, not an exact number). */
function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !isDecimal(v);
}

const TOP_FIELDS = ["format", "version", "agreement", "title", "description", "fictional", "assumptions", "counties"];

/** The rules an entity at `level` answers (default assumptions). */
export function rulesAnsweredBy(agreement: Agreement, level: Level): readonly Rule[] {
  return compile(agreement).answeredBy[level];
}

/** The input keys (besides population) an entity level may give. */
export function inputKeysFor(agreement: Agreement, level: Level): ReadonlySet<string> {
  return compile(agreement).inputKeys[level];
}

export function levelName(level: Level): string {
  return level === "county" ? "län" : level;
}

const NOT_APPLICABLE = /^\s*ej\s+aktuellt\s*$/i;

const SMALL_SCALED: Scaled[] = [];
for (let i = 0; i <= 1024; i++) SMALL_SCALED.push(Object.freeze({ mantissa: BigInt(i), scale: 0 }));

/** A number in raw facts: a finite JavaScript number or a Decimal (never text). */
function isNumber(v: unknown): v is FactNumber {
  return (typeof v === "number" && Number.isFinite(v)) || isDecimal(v);
}

/** An exact non-negative decimal from a number or Decimal (the one parser, ./decimal), or undefined. */
function decimal(v: unknown): Scaled | undefined {
  if (typeof v === "number" && Number.isSafeInteger(v)) return v >= 0 ? (v <= 1024 ? SMALL_SCALED[v] : { mantissa: BigInt(v), scale: 0 }) : undefined;
  if (!isNumber(v)) return undefined;
  const p = parseScaled(v);
  return p && !p.negative ? p.value : undefined;
}

/** A whole number ≥ 0 (a JSON number, exact; above 2^53 as written), or undefined. */
function count(v: unknown): bigint | undefined {
  if (typeof v === "number" && Number.isSafeInteger(v)) return v >= 0 ? BigInt(v) : undefined;
  if (!isNumber(v)) return undefined;
  const p = parseScaled(v);
  if (!p || p.negative) return undefined;
  const s = p.value;
  if (s.scale === 0) return s.mantissa;
  const f = reduceScaled(s);
  return f.scale === 0 ? f.mantissa : undefined;
}

const ONE: Fraction = { n: 1n, d: 1n };
const HUNDRED: Fraction = { n: 100n, d: 1n };

/**
 * Reads one answer for a criterion exactly. Returns the normalised answer,
 * or a Swedish message saying what was expected.
 */
const TRUE: Answer = Object.freeze({ kind: "boolean", value: true });
const FALSE: Answer = Object.freeze({ kind: "boolean", value: false });

export function parseAnswer(c: Criterion, v: unknown): Answer | string {
  switch (c.kind) {
    case "boolean":
      if (typeof v === "boolean") return v ? TRUE : FALSE;
      if (c.notApplicable && typeof v === "string" && NOT_APPLICABLE.test(v)) return { kind: "not-applicable" };
      return `väntade true eller false${c.notApplicable ? ' eller "ej aktuellt"' : ""}, fick ${describe(v)}`;
    case "share": {
      if (isObject(v)) {
        for (const k in v) if (k !== "part" && k !== "total") return `okänt fält "${k}" (väntade { part, total })`;
        const part = count(v.part);
        const total = count(v.total);
        if (part === undefined || total === undefined) return `väntade { part, total } med heltal ≥ 0, fick part ${describe(v.part)} och total ${describe(v.total)}`;
        if (total === 0n) return "total måste vara större än 0";
        if (part > total && !c.mayExceedWhole) return `part (${describe(v.part)}) är större än total (${describe(v.total)})`;
        return { kind: "share", value: frac(part, total), counts: { part, total } };
      }
      if (typeof v === "number" || isDecimal(v)) {
        const s = decimal(v);
        if (!s) return `väntade en andel 0–1, fick ${describe(v)}`;
        return shareAnswer(c, fromScaled(s), describe(v));
      }
      if (typeof v === "string") {
        // Text is a percent ("92 %", "89,99999999999999999 %"), read by the one parser.
        const s = scanDecimal(v, { comma: true, percent: "required" });
        if (typeof s === "string" || s.negative) return `väntade en andel som "90 %", fick ${describe(v)}`;
        return shareAnswer(c, frac(BigInt(s.digits || "0"), pow10(s.scale)), v.trim());
      }
      return `väntade en andel (0–1, "90 %" eller { part, total }), fick ${describe(v)}`;
    }
    case "target-count": {
      const entered = c.target === "input";
      if (isObject(v)) {
        for (const k in v) {
          if (k !== "part" && (k !== "total" || !entered)) {
            return k === "total"
              ? "målsiffran räknas ut ur länets folkmängd; ange bara antalet ({ part }), eller välj antagandet om egen målsiffra"
              : `okänt fält "${k}"`;
          }
        }
        const part = count(v.part);
        if (part === undefined) return `väntade ett antal (heltal ≥ 0), fick ${describe(v.part)}`;
        if (!entered) return { kind: "count", count: part };
        const t = decimal(v.total);
        if (!t || t.mantissa === 0n) return `väntade målsiffran som ett tal > 0 i total, fick ${describe(v.total)}`;
        return { kind: "count", count: part, target: fromScaled(t) };
      }
      if (entered) return `väntade { part: antal, total: målsiffra }, fick ${describe(v)}`;
      const n = count(v);
      return n === undefined ? `väntade ett antal (heltal ≥ 0), fick ${describe(v)}` : { kind: "count", count: n };
    }
    case "months-lower": {
      if (!isObject(v) || !Array.isArray(v.previous) || !Array.isArray(v.current)) {
        return `väntade { previous: [${c.months} tal], current: [${c.months} tal] }`;
      }
      for (const k in v) if (k !== "previous" && k !== "current") return `okänt fält "${k}" (väntade previous och current)`;
      if (v.previous.length !== c.months || v.current.length !== c.months) {
        return `väntade ${c.months} månader i previous och current, fick ${v.previous.length} och ${v.current.length}`;
      }
      const previous = monthValues(v.previous);
      if (typeof previous === "string") return previous;
      const current = monthValues(v.current);
      if (typeof current === "string") return current;
      return { kind: "months", previous, current };
    }
    case "indicator-improvement": {
      const n = c.indicators.length;
      if (!isObject(v) || !Array.isArray(v.baseline) || !Array.isArray(v.result)) {
        return `väntade { baseline: [${n} procenttal], result: [${n} procenttal] }`;
      }
      for (const k in v) if (k !== "baseline" && k !== "result") return `okänt fält "${k}" (väntade baseline och result)`;
      if (v.baseline.length !== n || v.result.length !== n) {
        return `väntade ${n} indikatorer i baseline och result, fick ${v.baseline.length} och ${v.result.length}`;
      }
      const baseline = percentValues(v.baseline);
      if (typeof baseline === "string") return baseline;
      const result = percentValues(v.result);
      if (typeof result === "string") return result;
      return { kind: "indicators", baseline, result };
    }
  }
}

/** Month values (numbers ≥ 0) as exact fractions, or the message for the first bad one. */
function monthValues(list: unknown[]): Fraction[] | string {
  const out: Fraction[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    const s = decimal(x);
    if (!s) return `månadsvärden måste vara tal ≥ 0, fick ${describe(x)}`;
    out[i] = fromScaled(s);
  }
  return out;
}

/** Indicator values (percent 0–100) as exact fractions, or the message for the first bad one. */
function percentValues(list: unknown[]): Fraction[] | string {
  const out: Fraction[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    const s = decimal(x);
    const f = s ? fromScaled(s) : undefined;
    if (!f || cmp(f, HUNDRED) > 0) return `indikatorvärden är procent 0–100, fick ${describe(x)}`;
    out[i] = f;
  }
  return out;
}

/** A share answer from an exact fraction, refused above 100 % unless the criterion allows it. */
export function shareAnswer(c: Criterion, value: Fraction, shown: string): Answer | string {
  if (c.kind !== "share") return `${c.label} är ingen andel`;
  if (value.n < 0n) return `andelen ${shown} är negativ`;
  if (cmp(value, ONE) > 0 && !c.mayExceedWhole) return `andelen ${shown} är större än 100 %: ange 0–1 (t.ex. 0,9) eller som text "90 %"`;
  return { kind: "share", value };
}

/** Validates an answer against its criterion; returns an issue message or undefined. */
export function checkAnswer(c: Criterion, v: unknown): string | undefined {
  const a = parseAnswer(c, v);
  return typeof a === "string" ? a : undefined;
}

/**
 * Parses facts for an agreement: the assumptions they choose (overridden by
 * `overrides`), then every county, landsting and kommun against the agreement
 * compiled under those choices. Throws a FactsError listing every problem
 * with its path.
 */
export function parseFacts(
  input: unknown,
  agreement: Agreement,
  overrides: Readonly<Record<string, string>> = {},
): { facts: ParsedFacts; compiled: Compiled } {
  const issues: FactsIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (!isObject(input)) throw new FactsError([{ path: "(rot)", message: "indata måste vara ett JSON-objekt" }]);
  for (const k of Object.keys(input)) if (!TOP_FIELDS.includes(k)) add(k, `okänt fält (tillåtna: ${TOP_FIELDS.join(", ")})`);
  if (input.format !== FACTS_FORMAT) add("format", `väntade "${FACTS_FORMAT}", fick ${describe(input.format)}`);
  if (input.version !== FACTS_VERSION) add("version", `väntade ${FACTS_VERSION}, fick ${describe(input.version)}`);
  if (input.agreement !== agreement.id) add("agreement", `väntade "${agreement.id}", fick ${describe(input.agreement)}`);
  for (const k of ["title", "description"] as const) {
    if (input[k] !== undefined && typeof input[k] !== "string") add(k, `måste vara text, fick ${describe(input[k])}`);
  }
  if (input.fictional !== undefined && typeof input.fictional !== "boolean") {
    add("fictional", `måste vara true eller false, fick ${describe(input.fictional)}`);
  }
  const choices: Record<string, string> = {};
  if (input.assumptions !== undefined) {
    if (!isObject(input.assumptions)) add("assumptions", "måste vara ett objekt { id: alternativ }");
    else
      for (const [id, opt] of Object.entries(input.assumptions)) {
        const a = agreement.assumptions.find((x) => x.id === id);
        if (!a) add(`assumptions.${id}`, `okänt antagande för ${agreement.id}`);
        else if (typeof opt !== "string" || !a.options.some((o) => o.id === opt))
          add(`assumptions.${id}`, `okänt alternativ ${describe(opt)}; välj ett av ${a.options.map((o) => o.id).join(", ")}`);
        else choices[id] = opt;
      }
  }
  if (!isObject(input.counties)) {
    add("counties", "måste vara ett objekt med länskoder som nycklar");
    throw new FactsError(issues);
  }
  const compiled = compile(agreement, { ...choices, ...overrides });
  const counties = new Map<string, ParsedCounty>();
  const seenKommun = new Map<string, string>();
  for (const [lanCode, cf] of Object.entries(input.counties)) {
    const base = `counties.${lanCode}`;
    const lan = getLan(lanCode);
    if (!lan) {
      add(base, `okänd länskod "${lanCode}" (använd två siffror, t.ex. "01")`);
      continue;
    }
    if (!isObject(cf)) {
      add(base, "måste vara ett objekt { county, landsting, kommuner }");
      continue;
    }
    for (const k of Object.keys(cf)) {
      if (!["county", "landsting", "kommuner"].includes(k)) add(`${base}.${k}`, "okänt fält (tillåtna: county, landsting, kommuner)");
    }
    const pc: ParsedCounty = { kommuner: new Map() };
    if (cf.county !== undefined) pc.county = parseEntity(compiled, "county", lanCode, cf.county, `${base}.county`, add);
    if (cf.landsting !== undefined) pc.landsting = parseEntity(compiled, "landsting", lanCode, cf.landsting, `${base}.landsting`, add);
    if (cf.kommuner !== undefined) {
      if (!isObject(cf.kommuner)) add(`${base}.kommuner`, "måste vara ett objekt med kommunkoder som nycklar");
      else
        for (const kCode in cf.kommuner) {
          const kf = cf.kommuner[kCode];
          const kp = `${base}.kommuner.${kCode}`;
          const kommun = getKommun(kCode);
          if (!kommun) {
            add(kp, `okänd kommunkod "${kCode}" (fyra siffror, t.ex. "0180")`);
            continue;
          }
          if (kommun.lan !== lanCode) {
            add(kp, `kommun ${kCode} (${kommun.name}) hör till län ${kommun.lan}, inte ${lanCode}`);
            continue;
          }
          const prev = seenKommun.get(kCode);
          if (prev) add(kp, `kommun ${kCode} förekommer två gånger (även i ${prev})`);
          seenKommun.set(kCode, kp);
          const e = parseEntity(compiled, "kommun", kCode, kf, kp, add);
          if (e) pc.kommuner.set(kCode, e);
        }
    }
    if (lan.oneBodyKommun) mergeOneBody(compiled, pc, lan.oneBodyKommun, base, add);
    counties.set(lanCode, pc);
  }
  if (issues.length > 0) throw new FactsError(issues);
  return {
    compiled,
    facts: {
      agreement: agreement.id,
      title: input.title as string | undefined,
      description: input.description as string | undefined,
      fictional: input.fictional === true,
      assumptions: choices,
      counties,
    },
  };
}

/**
 * Validates facts for an agreement and returns them typed (the raw form);
 * throws a FactsError listing every problem with its path.
 */
export function validateFacts(input: unknown, agreement: Agreement): Facts {
  parseFacts(input, agreement);
  return input as Facts;
}

function parseEntity(
  compiled: Compiled,
  level: Level,
  code: string,
  ef: unknown,
  path: string,
  add: (p: string, m: string) => void,
): ParsedEntity | undefined {
  if (!isObject(ef)) {
    add(path, "måste vara ett objekt { answers, keys }");
    return undefined;
  }
  const out: ParsedEntity = { answers: new Map(), keys: new Map() };
  for (const k in ef) if (k !== "answers" && k !== "keys") add(`${path}.${k}`, "okänt fält (tillåtna: answers, keys)");
  // Paths are built only when a problem is reported: most entities have none.
  if (ef.answers !== undefined) {
    if (!isObject(ef.answers)) add(`${path}.answers`, "måste vara ett objekt { regel-id: { kriterium-id: svar } }");
    else
      for (const ruleId in ef.answers) {
        const ans = (ef.answers as Record<string, unknown>)[ruleId];
        const rule = byId(compiled.answeredBy[level], ruleId);
        if (!rule) {
          add(
            `${path}.answers.${ruleId}`,
            compiled.rules.has(ruleId) ? `regeln ${ruleId} besvaras inte på nivån ${levelName(level)}` : `okänd regel "${ruleId}" i ${compiled.agreement.id}`,
          );
          continue;
        }
        if (!isObject(ans)) {
          add(`${path}.answers.${ruleId}`, "måste vara ett objekt { kriterium-id: svar }");
          continue;
        }
        const parsed = new Map<string, Answer | null>();
        for (const cid in ans) {
          const v = ans[cid];
          const c = byId(rule.criteria, cid);
          if (!c) {
            add(`${path}.answers.${ruleId}.${cid}`, `okänt kriterium; ${ruleId} har ${rule.criteria.map((x) => x.id).join(", ")}`);
            continue;
          }
          if (!criterionApplies(c, level)) {
            add(`${path}.answers.${ruleId}.${cid}`, `kriteriet besvaras inte på nivån ${levelName(level)}`);
            continue;
          }
          if (v === null) {
            parsed.set(cid, null); // explicit blank = missing data
            continue;
          }
          const a = parseAnswer(c, v);
          if (typeof a === "string") add(`${path}.answers.${ruleId}.${cid}`, a);
          else parsed.set(cid, a);
        }
        out.answers.set(ruleId, parsed);
      }
  }
  if (ef.keys !== undefined) {
    if (!isObject(ef.keys)) add(`${path}.keys`, "måste vara ett objekt { nyckel: tal }");
    else {
      const allowed = compiled.inputKeys[level];
      for (const key in ef.keys) {
        const v = ef.keys[key];
        if (key !== "population" && !allowed.has(key)) {
          add(`${path}.keys.${key}`, `okänd nyckel på nivån ${levelName(level)}; tillåtna: ${["population", ...allowed].join(", ")}`);
          continue;
        }
        if (v === null) {
          out.keys.set(key, null);
          continue;
        }
        if (Array.isArray(v)) {
          if (!districtKey(compiled, key, code)) {
            add(
              `${path}.keys.${key}`,
              `väntade ett tal ≥ 0, fick ${describe(v)} (en lista per stadsdel gäller bara ${districtCodes(compiled, key) || "ingen kod"})`,
            );
            continue;
          }
          const parts: Scaled[] = [];
          for (const [i, x] of v.entries()) {
            const s = decimal(x);
            if (!s) add(`${path}.keys.${key}[${i}]`, `väntade ett tal ≥ 0, fick ${describe(x)}`);
            else parts.push(s);
          }
          out.keys.set(key, parts);
          continue;
        }
        // Whole numbers ≥ 0, the usual key, need no text round trip.
        const whole = typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? decimal(v) : undefined;
        const perDistrictMax = districtKey(compiled, key, code) ? districtCap(compiled, key) : undefined;
        if (typeof v === "number" && perDistrictMax !== undefined && v > perDistrictMax) {
          // One number for a city whose cap is per district cannot be capped: ask for the list.
          add(
            `${path}.keys.${key}`,
            `taket är ${perDistrictMax} per stadsdel, så ${describe(v)} för hela kommunen går inte att pröva mot taket; ange ett tal per stadsdel som en lista, t.ex. [2, 1, 2] (i arbetsboken "2; 1; 2")`,
          );
          continue;
        }
        if (whole) {
          out.keys.set(key, whole);
          continue;
        }
        const p = isNumber(v) ? parseScaled(v) : undefined;
        if (!p) add(`${path}.keys.${key}`, `väntade ett tal ≥ 0, fick ${describe(v)}`);
        else if (p.negative) add(`${path}.keys.${key}`, `nyckeln får inte vara negativ (fick ${describe(v)})`);
        else if (key === "population" && p.value.scale > 0) add(`${path}.keys.${key}`, `folkmängd måste vara ett heltal (fick ${describe(v)})`);
        else out.keys.set(key, p.value);
      }
    }
  }
  return out;
}

/** The item with this id (a plain loop: no closure per lookup). */
function byId<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  for (const x of list) if (x.id === id) return x;
  return undefined;
}

/** The cap per district of a capped key (the smallest, should pots differ). */
function districtCap(compiled: Compiled, key: string): number | undefined {
  const caps = compiled.agreement.pots.flatMap((p) => (p.key?.id === key && p.key.cap ? [p.key.cap.max] : []));
  return caps.length ? Math.min(...caps) : undefined;
}

/** Whether `code` may give `key` as a list of per-district counts. */
function districtKey(compiled: Compiled, key: string, code: string): boolean {
  return compiled.agreement.pots.some((p) => p.key?.id === key && p.key.cap?.perDistrict?.includes(code));
}

function districtCodes(compiled: Compiled, key: string): string {
  return [...new Set(compiled.agreement.pots.flatMap((p) => (p.key?.id === key ? (p.key.cap?.perDistrict ?? []) : [])))].join(", ");
}

/**
 * One body, one answer: where a kommun is also its county's landsting
 * (Region Gotland), rules both levels answer are answered once. An answer
 * given on one side counts for both; differing answers are an input error.
 */
function mergeOneBody(compiled: Compiled, pc: ParsedCounty, kommunCode: string, base: string, add: (p: string, m: string) => void): void {
  const kEnt = pc.kommuner.get(kommunCode) ?? { answers: new Map(), keys: new Map() };
  const lEnt = pc.landsting ?? { answers: new Map(), keys: new Map() };
  for (const rule of compiled.answeredBy.kommun) {
    if (!compiled.levels.get(rule.id)!.includes("landsting")) continue;
    const ka = kEnt.answers.get(rule.id);
    const la = lEnt.answers.get(rule.id);
    if (!ka && !la) continue;
    const kOut = ka ?? new Map<string, Answer | null>();
    const lOut = la ?? new Map<string, Answer | null>();
    for (const c of rule.criteria) {
      if (!criterionApplies(c, "kommun") || !criterionApplies(c, "landsting")) continue;
      const kv = kOut.get(c.id);
      const lv = lOut.get(c.id);
      if (kv && lv && !sameAnswer(kv, lv)) {
        add(
          `${base}.landsting.answers.${rule.id}.${c.id}`,
          `Region Gotland är en och samma huvudman: svaret skiljer sig från kommun ${kommunCode} (${base}.kommuner.${kommunCode}.answers.${rule.id}.${c.id}); ange samma svar eller bara ett`,
        );
        continue;
      }
      const v = kv ?? lv;
      if (v === undefined) continue;
      kOut.set(c.id, v);
      lOut.set(c.id, v);
    }
    kEnt.answers.set(rule.id, kOut);
    lEnt.answers.set(rule.id, lOut);
  }
  pc.kommuner.set(kommunCode, kEnt);
  pc.landsting = lEnt;
}

function sameList(a: readonly Fraction[], b: readonly Fraction[]): boolean {
  return a.length === b.length && a.every((x, i) => cmp(x, b[i]) === 0);
}

/** Whether two answers say the same thing (exact values, not spelling). */
export function sameAnswer(a: Answer, b: Answer): boolean {
  switch (a.kind) {
    case "boolean":
      return b.kind === "boolean" && a.value === b.value;
    case "not-applicable":
      return b.kind === "not-applicable";
    case "share":
      return b.kind === "share" && cmp(a.value, b.value) === 0;
    case "count":
      return b.kind === "count" && a.count === b.count && (a.target && b.target ? cmp(a.target, b.target) === 0 : a.target === b.target);
    case "months":
      return b.kind === "months" && sameList(a.previous, b.previous) && sameList(a.current, b.current);
    case "indicators":
      return b.kind === "indicators" && sameList(a.baseline, b.baseline) && sameList(a.result, b.result);
  }
}

/** An empty facts object for an agreement (every answer missing). */
export function emptyFacts(agreementId: string): Facts {
  const counties: Record<string, CountyFacts> = {};
  for (const l of LAN) counties[l.code] = {};
  return { format: FACTS_FORMAT, version: FACTS_VERSION, agreement: agreementId, counties };
}

/**
 * Parses facts JSON text, refusing duplicate keys (JSON.parse would silently
 * keep the last one, e.g. a kommun entered twice under the same county).
 */
export function parseFactsJson(text: string): unknown {
  try {
    return parseJsonText(text);
  } catch (e) {
    throw e instanceof JsonTextError ? new FactsError(e.issues) : e;
  }
}

/** Paths of keys that occur twice in the same object of (valid) JSON text. */
export function duplicateKeys(text: string): string[] {
  type Frame = { keys: Set<string> | null; path: string; pendingKey?: string; index: number };
  const stack: Frame[] = [];
  const out: string[] = [];
  let i = 0;
  const readString = (): string => {
    let s = "";
    i++; // opening quote
    while (text[i] !== '"') {
      if (text[i] === "\\") {
        s += text.slice(i, i + 2);
        i += 2;
      } else s += text[i++];
    }
    i++;
    return s;
  };
  const childPath = (f: Frame) => (f.keys ? `${f.path}${f.path ? "." : ""}${f.pendingKey}` : `${f.path}[${f.index}]`);
  while (i < text.length) {
    const ch = text[i];
    if (ch === "{" || ch === "[") {
      const parent = stack[stack.length - 1];
      const path = parent ? childPath(parent) : "";
      stack.push({ keys: ch === "{" ? new Set() : null, path, index: 0 });
      i++;
    } else if (ch === "}" || ch === "]") {
      stack.pop();
      i++;
    } else if (ch === '"') {
      const s = readString();
      const top = stack[stack.length - 1];
      let j = i;
      while (/\s/.test(text[j] ?? "")) j++;
      if (top?.keys && text[j] === ":") {
        if (top.keys.has(s)) out.push(`${top.path}${top.path ? "." : ""}${s}`);
        top.keys.add(s);
        top.pendingKey = s;
        i = j + 1;
      }
    } else if (ch === ",") {
      const top = stack[stack.length - 1];
      if (top && !top.keys) top.index++;
      i++;
    } else i++;
  }
  return out;
}
