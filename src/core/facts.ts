/**
 * The facts of a scenario: what one agreement's evaluation needs to know about
 * each county, landsting and kommun. Versioned JSON (see docs/facts-format.md).
 *
 * {
 *   "format": "stimulans-facts", "version": 1, "agreement": "prio-2014",
 *   "title": "…", "fictional": true,
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
 * - boolean: true / false
 * - share: a fraction 0–1, a text "92 %" / "92,5 %", or { "part": n, "total": m }
 * - months-lower: { "previous": [6 numbers], "current": [6 numbers] }
 * - indicator-improvement: { "baseline": [..], "result": [..] } in percent 0–100
 * A missing answer is `missing-data`, never "not met".
 */
import { StimError } from "./errors";
import { describe, parseScaled } from "./exact";
import { JsonTextError, parseJsonText } from "./json";
import { Agreement, Criterion, KeyRef, RecipientLevel, Rule } from "./model";
import { getKommun, getLan, LAN } from "../reference";

export const FACTS_FORMAT = "stimulans-facts";
export const FACTS_VERSION = 1;

export type AnswerValue =
  | boolean
  | number
  | string
  | { part: number; total: number }
  | { previous: number[]; current: number[] }
  | { baseline: number[]; result: number[] };

export interface EntityFacts {
  answers?: Record<string, Record<string, AnswerValue>>;
  keys?: Record<string, number>;
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
    super(
      `Fel i indata (${issues.length} ${issues.length === 1 ? "fel" : "fel"}): ${head}${issues.length > 5 ? `; … och ${issues.length - 5} till` : ""}`,
      issues[0]?.path,
    );
    this.issues = issues;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Which rules an entity at `level` answers. */
const answeredCache = new WeakMap<Agreement, Map<string, Rule[]>>();
export function rulesAnsweredBy(agreement: Agreement, level: "county" | "landsting" | "kommun"): Rule[] {
  let m = answeredCache.get(agreement);
  if (!m) answeredCache.set(agreement, (m = new Map()));
  let rules = m.get(level);
  if (!rules) {
    const all: Rule[] = [...agreement.requirements, ...agreement.goals];
    rules = all.filter((r) => answeringLevels(agreement, r).includes(level));
    m.set(level, rules);
  }
  return rules;
}

/**
 * The levels that answer a rule. Requirements gated "each" or "all-in-county"
 * are answered by every kommun and landsting; "county" by the county.
 */
export function answeringLevels(agreement: Agreement, rule: Rule): ("county" | "landsting" | "kommun")[] {
  const req = agreement.requirements.find((r) => r.id === rule.id);
  if (req && (req.gate === "each" || req.gate === "all-in-county")) return ["kommun", "landsting"];
  // Goals of pots shared by kommuner and landsting are answered by both.
  if (agreement.pots.some((p) => p.goal === rule.id && p.level === "kommun+landsting")) return ["kommun", "landsting"];
  return [levelToEntity(rule.level)];
}

export function levelToEntity(level: RecipientLevel): "county" | "landsting" | "kommun" {
  if (level === "lan") return "county";
  if (level === "landsting") return "landsting";
  if (level === "kommun") return "kommun";
  throw new StimError(`Regelnivån ${level} besvaras inte av län, landsting eller kommun.`);
}

/** The input keys (fordelningsnycklar) an entity level provides, per agreement. */
const keysCache = new WeakMap<Agreement, Map<string, Set<string>>>();
export function inputKeysFor(agreement: Agreement, level: "county" | "landsting" | "kommun"): Set<string> {
  let m = keysCache.get(agreement);
  if (!m) keysCache.set(agreement, (m = new Map()));
  let keys = m.get(level);
  if (!keys) m.set(level, (keys = computeInputKeys(agreement, level)));
  return keys;
}

function computeInputKeys(agreement: Agreement, level: "county" | "landsting" | "kommun"): Set<string> {
  const out = new Set<string>(["population"]);
  for (const pot of agreement.pots) {
    const refs = [pot.key, pot.split?.kommunKey];
    for (const k of refs) {
      if (!k) continue;
      const ids = keyIdsOf(agreement, k);
      if (ids.length === 0) continue;
      const potLevel = pot.level;
      const isKommunKey = pot.split?.kommunKey === k;
      const lv: string[] = isKommunKey
        ? ["kommun"]
        : potLevel === "lan"
          ? ["county"]
          : potLevel === "kommun+landsting"
            ? ["kommun", "landsting"]
            : potLevel === "kommun"
              ? ["kommun"]
              : potLevel === "landsting"
                ? ["landsting"]
                : [];
      if (lv.includes(level)) for (const id of ids) out.add(id);
    }
  }
  return out;
}

/** Whether an assumption option id names an allocation key ("population", "pop65", "sa_registrations"). */
export function looksLikeKey(v: string): boolean {
  return v === "population" || /^pop\d+$/.test(v) || /^[a-z]+(_[a-z0-9]+)+$/.test(v);
}

/** Input key ids a key ref may need: its own and those an assumption may swap in. */
function keyIdsOf(agreement: Agreement, k: KeyRef): string[] {
  const ids = k.input ? [k.id] : [];
  for (const aid of k.assumptions ?? []) {
    const a = agreement.assumptions.find((x) => x.id === aid);
    for (const o of a?.options ?? []) if (o.id !== "population" && looksLikeKey(o.id)) ids.push(o.id);
  }
  return ids;
}

/** Validates an answer against its criterion; returns an issue message or undefined. */
export function checkAnswer(c: Criterion, v: unknown): string | undefined {
  switch (c.kind) {
    case "boolean":
      return typeof v === "boolean" ? undefined : `väntade true eller false, fick ${describe(v)}`;
    case "share": {
      if (isObject(v)) {
        const part = v.part;
        const total = v.total;
        if (!isCount(part) || !isCount(total)) return `väntade { part, total } med heltal ≥ 0, fick ${JSON.stringify(v)}`;
        if ((total as number) <= 0) return "total måste vara större än 0";
        if ((part as number) > (total as number) && !c.mayExceedWhole) return `part (${part}) är större än total (${total})`;
        return undefined;
      }
      if (typeof v === "number") {
        if (!Number.isFinite(v) || v < 0) return `väntade en andel 0–1, fick ${describe(v)}`;
        if (v > 1 && !c.mayExceedWhole) return `andelen ${v} är större än 1: ange 0–1 (t.ex. 0.9) eller som text "90 %"`;
        return undefined;
      }
      if (typeof v === "string") {
        const m = /^\s*(\d+(?:[.,]\d+)?)\s*%\s*$/.exec(v);
        if (!m) return `väntade en andel som "90 %", fick ${describe(v)}`;
        if (Number(m[1].replace(",", ".")) > 100 && !c.mayExceedWhole) return `andelen ${v} är större än 100 %`;
        return undefined;
      }
      return `väntade en andel (0–1, "90 %" eller { part, total }), fick ${describe(v)}`;
    }
    case "months-lower": {
      if (!isObject(v) || !Array.isArray(v.previous) || !Array.isArray(v.current)) {
        return `väntade { previous: [${c.months} tal], current: [${c.months} tal] }`;
      }
      if (v.previous.length !== c.months || v.current.length !== c.months) {
        return `väntade ${c.months} månader i previous och current, fick ${v.previous.length} och ${v.current.length}`;
      }
      const bad = [...v.previous, ...v.current].find((x) => !isFiniteNumber(x) || (x as number) < 0);
      return bad === undefined ? undefined : `månadsvärden måste vara tal ≥ 0, fick ${describe(bad)}`;
    }
    case "indicator-improvement": {
      const n = c.indicators.length;
      if (!isObject(v) || !Array.isArray(v.baseline) || !Array.isArray(v.result)) {
        return `väntade { baseline: [${n} procenttal], result: [${n} procenttal] }`;
      }
      if (v.baseline.length !== n || v.result.length !== n) {
        return `väntade ${n} indikatorer i baseline och result, fick ${v.baseline.length} och ${v.result.length}`;
      }
      const bad = [...v.baseline, ...v.result].find((x) => !isFiniteNumber(x) || (x as number) < 0 || (x as number) > 100);
      return bad === undefined ? undefined : `indikatorvärden är procent 0–100, fick ${describe(bad)}`;
    }
  }
}

function isFiniteNumber(v: unknown): boolean {
  return typeof v === "number" && Number.isFinite(v);
}

function isCount(v: unknown): boolean {
  return typeof v === "number" && Number.isInteger(v) && v >= 0;
}

/**
 * Validates facts for an agreement. Returns the facts typed, or throws a
 * FactsError listing every problem with its path.
 */
export function validateFacts(input: unknown, agreement: Agreement): Facts {
  const issues: FactsIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (!isObject(input)) throw new FactsError([{ path: "(rot)", message: "indata måste vara ett JSON-objekt" }]);
  if (input.format !== FACTS_FORMAT) add("format", `väntade "${FACTS_FORMAT}", fick ${describe(input.format)}`);
  if (input.version !== FACTS_VERSION) add("version", `väntade ${FACTS_VERSION}, fick ${describe(input.version)}`);
  if (input.agreement !== agreement.id) add("agreement", `väntade "${agreement.id}", fick ${describe(input.agreement)}`);
  if (input.assumptions !== undefined) {
    if (!isObject(input.assumptions)) add("assumptions", "måste vara ett objekt { id: alternativ }");
    else
      for (const [id, opt] of Object.entries(input.assumptions)) {
        const a = agreement.assumptions.find((x) => x.id === id);
        if (!a) add(`assumptions.${id}`, `okänt antagande för ${agreement.id}`);
        else if (!a.options.some((o) => o.id === opt))
          add(`assumptions.${id}`, `okänt alternativ ${describe(opt)}; välj ett av ${a.options.map((o) => o.id).join(", ")}`);
      }
  }
  if (!isObject(input.counties)) {
    add("counties", "måste vara ett objekt med länskoder som nycklar");
    throw new FactsError(issues);
  }
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
    if (cf.county !== undefined) checkEntity(agreement, "county", cf.county, `${base}.county`, add);
    if (cf.landsting !== undefined) checkEntity(agreement, "landsting", cf.landsting, `${base}.landsting`, add);
    if (cf.kommuner !== undefined) {
      if (!isObject(cf.kommuner)) add(`${base}.kommuner`, "måste vara ett objekt med kommunkoder som nycklar");
      else
        for (const [kCode, kf] of Object.entries(cf.kommuner)) {
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
          checkEntity(agreement, "kommun", kf, kp, add);
        }
    }
  }
  if (issues.length > 0) throw new FactsError(issues);
  return input as unknown as Facts;
}

function checkEntity(
  agreement: Agreement,
  level: "county" | "landsting" | "kommun",
  ef: unknown,
  path: string,
  add: (p: string, m: string) => void,
): void {
  if (!isObject(ef)) {
    add(path, "måste vara ett objekt { answers, keys }");
    return;
  }
  for (const k of Object.keys(ef)) if (k !== "answers" && k !== "keys") add(`${path}.${k}`, "okänt fält (tillåtna: answers, keys)");
  const rules = rulesAnsweredBy(agreement, level);
  if (ef.answers !== undefined) {
    if (!isObject(ef.answers)) add(`${path}.answers`, "måste vara ett objekt { regel-id: { kriterium-id: svar } }");
    else
      for (const [ruleId, ans] of Object.entries(ef.answers)) {
        const rp = `${path}.answers.${ruleId}`;
        const rule = rules.find((r) => r.id === ruleId);
        if (!rule) {
          const exists = [...agreement.requirements, ...agreement.goals].some((r) => r.id === ruleId);
          add(rp, exists ? `regeln ${ruleId} besvaras inte på nivån ${levelName(level)}` : `okänd regel "${ruleId}" i ${agreement.id}`);
          continue;
        }
        if (!isObject(ans)) {
          add(rp, "måste vara ett objekt { kriterium-id: svar }");
          continue;
        }
        for (const [cid, v] of Object.entries(ans)) {
          const c = rule.criteria.find((x) => x.id === cid);
          if (!c) {
            add(`${rp}.${cid}`, `okänt kriterium; ${ruleId} har ${rule.criteria.map((x) => x.id).join(", ")}`);
            continue;
          }
          if (v === null) continue; // explicit blank = missing data
          const msg = checkAnswer(c, v);
          if (msg) add(`${rp}.${cid}`, msg);
        }
      }
  }
  if (ef.keys !== undefined) {
    if (!isObject(ef.keys)) add(`${path}.keys`, "måste vara ett objekt { nyckel: tal }");
    else {
      const allowed = inputKeysFor(agreement, level);
      for (const [key, v] of Object.entries(ef.keys)) {
        if (!allowed.has(key)) {
          add(`${path}.keys.${key}`, `okänd nyckel på nivån ${levelName(level)}; tillåtna: ${[...allowed].join(", ")}`);
          continue;
        }
        if (v === null) continue;
        const p = parseScaled(v);
        if (typeof v !== "number" || !p) add(`${path}.keys.${key}`, `väntade ett tal ≥ 0, fick ${describe(v)}`);
        else if (p.negative) add(`${path}.keys.${key}`, `nyckeln får inte vara negativ (fick ${v})`);
        else if (key === "population" && !Number.isInteger(v)) add(`${path}.keys.${key}`, `folkmängd måste vara ett heltal (fick ${v})`);
      }
    }
  }
}

export function levelName(level: "county" | "landsting" | "kommun"): string {
  return level === "county" ? "län" : level;
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
