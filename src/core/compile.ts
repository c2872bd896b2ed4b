/**
 * compile(agreement, choices): the agreement as the engine reads it, with
 * the chosen assumption options applied and every index built once.
 *
 * The agreement data encodes each assumption's default reading; every other
 * option declares its effect as patches (model.ts `Patch`). Compiling applies
 * the patches of the chosen options to a copy of the data, so evaluation,
 * the Excel functions and the validators read one plain agreement and no
 * engine code knows an option or agreement id. Compiled agreements are
 * cached per agreement and choice set.
 */
import { StimError } from "./errors";
import { Agreement, Criterion, KeyRef, Patch, Pot, RecipientLevel, Requirement, Rule } from "./model";

export type Level = "county" | "landsting" | "kommun";

export interface AssumptionInForce {
  id: string;
  title: string;
  value: string;
  valueLabel: string;
  isDefault: boolean;
  reason: string;
}

export interface Compiled {
  /** The agreement with the chosen options applied. */
  agreement: Agreement;
  /** The agreement as written (defaults). */
  base: Agreement;
  assumptions: AssumptionInForce[];
  /** Assumption id → option id in force. */
  values: Readonly<Record<string, string>>;
  rules: ReadonlyMap<string, Rule>;
  /** Each rule's position in `rules` (for per-body arrays of verdicts). */
  ruleIndex: ReadonlyMap<string, number>;
  requirements: readonly Requirement[];
  /** The levels that answer each rule. */
  levels: ReadonlyMap<string, readonly Level[]>;
  /** The rules each level answers. */
  answeredBy: Readonly<Record<Level, readonly Rule[]>>;
  /** Input keys (besides population) each level may give, under any option. */
  inputKeys: Readonly<Record<Level, ReadonlySet<string>>>;
  /** A goal with the rules it requires, depth first without repeats. */
  withRequired(ruleId: string): readonly Rule[];
  pots: ReadonlyMap<string, Pot>;
  /** Pots whose money is inside the agreement's total. */
  insidePots: readonly Pot[];
}

const cache = new WeakMap<Agreement, Map<string, Compiled>>();

/**
 * Compiles an agreement under assumption choices (id → option id). Unknown
 * ids and options are refused with a Swedish message naming them.
 */
export function compile(agreement: Agreement, choices: Readonly<Record<string, string>> = {}): Compiled {
  const chosen: [string, string][] = [];
  for (const [id, option] of Object.entries(choices)) {
    const a = agreement.assumptions.find((x) => x.id === id);
    if (!a) {
      const known = agreement.assumptions.map((x) => x.id);
      throw new StimError(
        `Okänt antagande "${id}" för ${agreement.id}${known.length ? `; finns: ${known.join(", ")}` : " (överenskommelsen har inga antaganden)"}.`,
        "assumptions",
      );
    }
    if (!a.options.some((o) => o.id === option)) {
      throw new StimError(`Antagandet ${id} har inget alternativ "${option}" (välj ${a.options.map((o) => o.id).join(", ")}).`, "assumptions");
    }
    if (option !== a.default) chosen.push([id, option]);
  }
  chosen.sort((x, y) => (x[0] < y[0] ? -1 : 1));
  const cacheKey = chosen.map(([id, o]) => `${id}=${o}`).join("&");
  let byChoice = cache.get(agreement);
  if (!byChoice) cache.set(agreement, (byChoice = new Map()));
  const hit = byChoice.get(cacheKey);
  if (hit) return hit;

  const patches = chosen.flatMap(([id, option]) => agreement.assumptions.find((a) => a.id === id)!.options.find((o) => o.id === option)!.effect ?? []);
  const patched = patches.length ? applyPatches(agreement, patches) : agreement;
  const values = Object.fromEntries(agreement.assumptions.map((a) => [a.id, choices[a.id] ?? a.default]));
  const compiled = build(agreement, patched, values);
  byChoice.set(cacheKey, compiled);
  return compiled;
}

function build(base: Agreement, a: Agreement, values: Record<string, string>): Compiled {
  const allRules: Rule[] = [...a.requirements, ...a.goals];
  const rules = new Map(allRules.map((r) => [r.id, r]));
  const levels = new Map<string, Level[]>();
  for (const r of allRules) levels.set(r.id, answeringLevels(a, r));
  const answeredBy: Record<Level, Rule[]> = { county: [], landsting: [], kommun: [] };
  for (const r of allRules) for (const l of levels.get(r.id)!) answeredBy[l].push(r);

  // Input keys under every option, so a facts file may carry the keys of any reading.
  const inputKeys: Record<Level, Set<string>> = { county: new Set(), landsting: new Set(), kommun: new Set() };
  addInputKeys(a, inputKeys);
  addInputKeys(base, inputKeys);
  for (const x of base.assumptions) for (const o of x.options) if (o.effect?.length) addInputKeys(applyPatches(base, o.effect), inputKeys);

  const required = new Map<string, Rule[]>();
  const withRequired = (ruleId: string): Rule[] => {
    let out = required.get(ruleId);
    if (out) return out;
    const rule = rules.get(ruleId);
    if (!rule) throw new StimError(`Okänd regel ${ruleId} i ${a.id}.`, "rule");
    const list: Rule[] = [];
    const visit = (r: Rule) => {
      if (list.includes(r)) return;
      list.push(r);
      for (const id of r.requires ?? []) {
        const q = rules.get(id);
        if (q) visit(q);
      }
    };
    visit(rule);
    required.set(ruleId, (out = list));
    return out;
  };

  const assumptions: AssumptionInForce[] = base.assumptions.map((x) => {
    const value = values[x.id];
    return {
      id: x.id,
      title: x.title,
      value,
      valueLabel: x.options.find((o) => o.id === value)?.label ?? value,
      isDefault: value === x.default,
      reason: x.reason,
    };
  });
  return {
    agreement: a,
    base,
    assumptions,
    values,
    rules,
    ruleIndex: new Map(allRules.map((r, i) => [r.id, i])),
    requirements: a.requirements,
    levels,
    answeredBy,
    inputKeys,
    withRequired,
    pots: new Map(a.pots.map((p) => [p.id, p])),
    insidePots: a.pots.filter((p) => !p.outside),
  };
}

/** The levels that answer a rule (see docs/facts-format.md). */
function answeringLevels(a: Agreement, rule: Rule): Level[] {
  const req = a.requirements.find((r) => r.id === rule.id);
  if (req?.answeredBy === "county") return ["county"];
  if (req && (req.gate === "each" || req.gate === "all-in-county")) return ["kommun", "landsting"];
  // Goals of pots shared by kommuner and landsting are answered by both.
  if (a.pots.some((p) => p.goal === rule.id && p.level === "kommun+landsting")) return ["kommun", "landsting"];
  return [levelToEntity(rule.level)];
}

export function levelToEntity(level: RecipientLevel): Level {
  if (level === "lan") return "county";
  if (level === "landsting") return "landsting";
  if (level === "kommun") return "kommun";
  throw new StimError(`Regelnivån ${level} besvaras inte av län, landsting eller kommun.`);
}

function addInputKeys(a: Agreement, out: Record<Level, Set<string>>): void {
  const put = (levels: Level[], k: KeyRef | undefined) => {
    if (!k || !k.input) return;
    for (const l of levels) out[l].add(k.id);
  };
  for (const pot of a.pots) {
    const lv: Level[] =
      pot.level === "lan"
        ? ["county"]
        : pot.level === "kommun+landsting"
          ? ["kommun", "landsting"]
          : pot.level === "kommun"
            ? ["kommun"]
            : pot.level === "landsting"
              ? ["landsting"]
              : [];
    put(lv, pot.key);
    put(["kommun"], pot.split?.kommunKey);
  }
}

/** Whether a criterion is answered at a level (see Criterion.appliesTo). */
export function criterionApplies(c: Criterion, level: Level): boolean {
  return !c.appliesTo || c.appliesTo.includes(level);
}

/**
 * A deep copy of plain data (objects, arrays, primitives). Not
 * structuredClone: Excel's JavaScript-only custom-function runtime and some
 * hosts do not have it. Shared references become separate copies.
 */
export function cloneData<T>(x: T): T {
  if (Array.isArray(x)) return x.map(cloneData) as T;
  if (x !== null && typeof x === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = cloneData(v);
    return out as T;
  }
  return x;
}

/**
 * Applies patches to a copy of the agreement. The copy is as deep as a patch
 * can reach (the agreement, its lists, each pot, rule, criterion, coverage
 * rule and date); what lies below (citations, keys, splits …) is shared with
 * `a`, which is read-only data. A deep copy of everything cost the CLI about
 * a sixth of its run: the self-checks and compile() apply every option.
 */
export function applyPatches(a: Agreement, patches: readonly Patch[]): Agreement {
  const copyRule = <R extends Rule>(r: R): R => ({ ...r, criteria: r.criteria.map((c) => ({ ...c })) });
  const copy: Agreement = {
    ...a,
    pots: a.pots.map((p) => ({ ...p })),
    requirements: a.requirements.map((r) => (r.coverage ? { ...copyRule(r), coverage: { ...r.coverage } } : copyRule(r))),
    goals: a.goals.map(copyRule),
    dates: a.dates.map((d) => ({ ...d })),
  };
  const rule = (id: string): Rule => {
    const r = [...copy.requirements, ...copy.goals].find((x) => x.id === id);
    if (!r) throw new StimError(`Antagandet ändrar okänd regel ${id} i ${a.id}.`);
    return r;
  };
  for (const p of patches) {
    if ("pot" in p) {
      const pot = copy.pots.find((x) => x.id === p.pot);
      if (!pot) throw new StimError(`Antagandet ändrar okänd pott ${p.pot} i ${a.id}.`);
      Object.assign(pot, cloneData(p.set));
    } else if ("coverage" in p) {
      const req = copy.requirements.find((x) => x.id === p.coverage);
      if (!req?.coverage) throw new StimError(`Antagandet ändrar täckningsregeln för ${p.coverage}, som saknas i ${a.id}.`);
      Object.assign(req.coverage, cloneData(p.set));
    } else if ("date" in p) {
      const d = copy.dates.find((x) => x.id === p.date);
      if (!d) throw new StimError(`Antagandet ändrar okänt datum ${p.date} i ${a.id}.`);
      Object.assign(d, cloneData(p.set));
    } else if ("add" in p) {
      rule(p.rule).criteria.push(...cloneData(p.add));
    } else if ("criterion" in p) {
      const r = rule(p.rule);
      const i = r.criteria.findIndex((c) => c.id === p.criterion);
      if (i < 0) throw new StimError(`Antagandet ändrar okänt kriterium ${p.rule}/${p.criterion} i ${a.id}.`);
      if ("replace" in p) r.criteria.splice(i, 1, ...cloneData(p.replace));
      else Object.assign(r.criteria[i], cloneData(p.set));
    } else {
      Object.assign(rule(p.rule), cloneData(p.set));
    }
  }
  return copy;
}
