/**
 * The columns of an allocation sheet: which columns exist for an agreement,
 * what each holds, who answers it and how its header reads. This is the only
 * place that knows headers; the layout writes them and the reader finds them.
 *
 * A sheet has one row per recipient (kommun, landsting, and — when the
 * agreement has rules or keys answered by the county — one row per län).
 * Columns, left to right:
 * - identity: kod, namn, nivå, län, folkmängd (embedded SCB figure);
 * - inputs: one column per answer cell of every criterion a level answers
 *   (a months-lower criterion takes two cells per month, an indicator
 *   criterion two per indicator), then the input keys (e.g. pop65);
 * - formulas: the basic-requirement verdict, per pot an amount and a
 *   status, and the row total.
 * Identity and input columns are contiguous, so one range (header row
 * included) carries everything the STIM.ALLOCATION functions need.
 */
import { compile, criterionApplies } from "../core/compile";
import { inputKeysFor } from "../core/facts";
import { formatRate } from "../core/format";
import { Agreement, Citation, Criterion, Pot, Rule } from "../core/model";

/** The level of a row. */
export type RowLevel = "kommun" | "landsting" | "lan";

export const LEVEL_TEXT: Record<RowLevel, string> = { kommun: "kommun", landsting: "landsting", lan: "län" };

/** How a cell of an input column is typed and read. */
export type ValueType =
  /** Ja/Nej. */
  | "boolean"
  /** Ja/Nej/Ej aktuellt (a point that applies only to some). */
  | "boolean-na"
  /** A share 0–100 % (a percent cell, 0,92, "92 %"). */
  | "share"
  /** A share that may exceed 100 % (registered patients against a target figure). */
  | "share-over"
  /** A whole number ≥ 0 (counts, monthly values). */
  | "count"
  /** A number ≥ 0 (keys). */
  | "number";

/** Where an input cell's value goes in the facts. */
export type InputTarget =
  | { type: "answer"; rule: string; criterion: string }
  | { type: "series"; rule: string; criterion: string; field: "previous" | "current" | "baseline" | "result"; index: number; length: number }
  /** `perDistrict`: the key is capped per city district for these codes (one number above `max` is refused; give the list). */
  | { type: "key"; key: string; perDistrict?: { max: number; codes: string[] } };


export interface IdentityColumn {
  kind: "identity";
  id: "kod" | "namn" | "niva" | "lan" | "folkmangd";
  header: string;
  aliases: string[];
}

export interface InputColumn {
  kind: "input";
  /** Unique machine id: "GK1.innehall", "LKM-OLAMPLIGA.manader-lagre.previous.1", "nyckel.pop65". */
  id: string;
  header: string;
  aliases: string[];
  levels: RowLevel[];
  target: InputTarget;
  valueType: ValueType;
  /** Swedish: what to enter, with the requirement. */
  help: string;
  source?: Citation;
  /** The rule (requirement or goal) the column answers. */
  rule?: string;
}

export interface FormulaColumn {
  kind: "formula";
  id: string;
  header: string;
  aliases: string[];
  levels: RowLevel[];
  role: "grundkrav" | "amount" | "status" | "total";
  pot?: string;
  source?: Citation;
}

export type Column = IdentityColumn | InputColumn | FormulaColumn;

export interface SheetColumns {
  agreement: Agreement;
  identity: IdentityColumn[];
  inputs: InputColumn[];
  formulas: FormulaColumn[];
  /** Pots with a column per recipient (amounts land on kommun or landsting rows). */
  pots: Pot[];
  /** Whether the sheet has one row per län (rules or keys answered by the county). */
  countyRows: boolean;
}

export const IDENTITY: IdentityColumn[] = [
  { kind: "identity", id: "kod", header: "Kod", aliases: ["kommunkod", "länskod", "code", "kod"] },
  { kind: "identity", id: "namn", header: "Namn", aliases: ["kommun", "mottagare", "name", "namn"] },
  { kind: "identity", id: "niva", header: "Nivå", aliases: ["niva", "level", "typ"] },
  { kind: "identity", id: "lan", header: "Län", aliases: ["lan", "länskod", "county"] },
  { kind: "identity", id: "folkmangd", header: "Folkmängd 2013-12-31", aliases: ["folkmängd", "invånare", "befolkning", "population"] },
];

const ENTITY_TO_ROW: Record<"county" | "landsting" | "kommun", RowLevel> = { county: "lan", landsting: "landsting", kommun: "kommun" };

/** The levels whose rows answer a rule. */
export function ruleLevels(agreement: Agreement, rule: Rule): RowLevel[] {
  return (compile(agreement).levels.get(rule.id) ?? []).map((l) => ENTITY_TO_ROW[l]);
}

const ROW_TO_ENTITY: Record<RowLevel, "county" | "landsting" | "kommun"> = { lan: "county", landsting: "landsting", kommun: "kommun" };

function criterionColumns(rule: Rule, c: Criterion, levels: RowLevel[]): InputColumn[] {
  const base = `${rule.id}.${c.id}`;
  const head = `${rule.id} – ${c.label}`;
  const common = { kind: "input" as const, levels, source: c.source, rule: rule.id };
  switch (c.kind) {
    case "boolean":
      return [
        {
          ...common,
          id: base,
          header: head,
          aliases: [base],
          target: { type: "answer", rule: rule.id, criterion: c.id },
          valueType: c.notApplicable ? "boolean-na" : "boolean",
          help: c.notApplicable ? "Ja, Nej eller Ej aktuellt" : "Ja eller Nej",
        },
      ];
    case "target-count":
      return [
        {
          ...common,
          id: base,
          header: `${head} (antal)`,
          aliases: [base, head],
          target: { type: "answer", rule: rule.id, criterion: c.id },
          valueType: "count",
          help: `heltal ≥ 0; krav ${c.op === ">=" ? "minst" : "mer än"} ${formatRate(c.threshold)} av målsiffran (${formatRate(c.rate)} av invånarna)`,
        },
      ];
    case "share": {
      const over = c.mayExceedWhole === true;
      return [
        {
          ...common,
          id: base,
          header: `${head} (andel)`,
          aliases: [base, head],
          target: { type: "answer", rule: rule.id, criterion: c.id },
          valueType: over ? "share-over" : "share",
          help: `andel i procent, krav ${c.op === ">=" ? "minst" : "mer än"} ${formatRate(c.threshold)}${over ? " (får vara över 100 %)" : ""}`,
        },
      ];
    }
    case "months-lower": {
      const out: InputColumn[] = [];
      for (const field of ["previous", "current"] as const) {
        for (let m = 0; m < c.months; m++) {
          const year = field === "previous" ? "föregående år" : "innevarande år";
          out.push({
            ...common,
            id: `${base}.${field}.${m + 1}`,
            header: `${head}: månad ${m + 1}, ${year}`,
            aliases: [`${base}.${field}.${m + 1}`],
            target: { type: "series", rule: rule.id, criterion: c.id, field, index: m, length: c.months },
            valueType: "count",
            help: `tal ≥ 0; krav: lägre än året innan i minst ${c.required} av ${c.months} månader`,
          });
        }
      }
      return out;
    }
    case "indicator-improvement": {
      const out: InputColumn[] = [];
      for (const field of ["baseline", "result"] as const) {
        c.indicators.forEach((ind, i) => {
          out.push({
            ...common,
            id: `${base}.${field}.${i + 1}`,
            header: `${head}: ${ind}, ${field === "baseline" ? "utgångsvärde" : "resultat"}`,
            aliases: [`${base}.${field}.${i + 1}`],
            target: { type: "series", rule: rule.id, criterion: c.id, field, index: i, length: c.indicators.length },
            valueType: "share",
            help: `andel i procent; krav: genomsnittlig förbättring minst ${c.minImprovement} procentenheter`,
          });
        });
      }
      return out;
    }
  }
}

/** The label of an input key, from the pots that use it. */
function keyLabel(agreement: Agreement, id: string): { label: string; source?: Citation } {
  for (const p of agreement.pots) {
    for (const k of [p.key, p.split?.kommunKey]) if (k && k.id === id) return { label: k.label, source: k.source };
  }
  // A key that only an alternative reading uses (an assumption's option sets it on a pot).
  for (const a of agreement.assumptions) {
    for (const o of a.options) {
      for (const e of (o as { effect?: { set?: { key?: { id: string; label: string; source?: Citation }; kommunKey?: { id: string; label: string; source?: Citation } } }[] }).effect ?? []) {
        for (const k of [e.set?.key, e.set?.kommunKey]) if (k && k.id === id) return { label: k.label, source: k.source };
      }
    }
  }
  return { label: id };
}

/** The per-district cap of a key, where a pot caps it per city district (ÄBiC: two per district). */
function districtCap(agreement: Agreement, id: string): { perDistrict?: { max: number; codes: string[] } } {
  for (const p of agreement.pots) {
    if (p.key?.id === id && p.key.cap?.perDistrict?.length) return { perDistrict: { max: p.key.cap.max, codes: [...p.key.cap.perDistrict] } };
  }
  return {};
}

/** Pots that allocate to kommun or landsting rows. */
export function recipientPots(agreement: Agreement): Pot[] {
  return agreement.pots.filter((p) => (p.kind === "performance" || p.kind === "fixed") && p.level !== "organisation");
}

/** The row levels that receive money from a pot. */
export function potLevels(pot: Pot): RowLevel[] {
  if (pot.split) return ["kommun", "landsting"];
  if (pot.level === "kommun+landsting") return ["kommun", "landsting"];
  if (pot.level === "kommun") return ["kommun"];
  return ["landsting"]; // landsting, and län-level pots paid to the county's landsting
}

const columnsCache = new WeakMap<Agreement, SheetColumns>();

/** Every column of the allocation sheet for an agreement. */
export function sheetColumns(agreement: Agreement): SheetColumns {
  const cached = columnsCache.get(agreement);
  if (cached) return cached;
  const inputs: InputColumn[] = [];
  for (const rule of [...agreement.requirements, ...agreement.goals]) {
    const levels = ruleLevels(agreement, rule);
    for (const c of rule.criteria) inputs.push(...criterionColumns(rule, c, levels.filter((l) => criterionApplies(c, ROW_TO_ENTITY[l]))));
  }
  const keyLevels = new Map<string, RowLevel[]>();
  for (const level of ["kommun", "landsting", "county"] as const) {
    for (const k of inputKeysFor(agreement, level)) {
      if (k === "population") continue;
      keyLevels.set(k, [...(keyLevels.get(k) ?? []), ENTITY_TO_ROW[level]]);
    }
  }
  for (const [k, levels] of keyLevels) {
    const { label, source } = keyLabel(agreement, k);
    inputs.push({
      kind: "input",
      id: `nyckel.${k}`,
      header: `Nyckel: ${label}`,
      aliases: [`nyckel.${k}`, k],
      levels,
      target: { type: "key", key: k, ...districtCap(agreement, k) },
      valueType: "number",
      help: "tal ≥ 0 (fördelningsnyckel); per stadsdel: talen åtskilda med semikolon",
      source,
    });
  }
  const countyRows = inputs.some((c) => c.levels.includes("lan"));
  const pots = recipientPots(agreement);
  const formulas: FormulaColumn[] = [];
  if (agreement.requirements.length > 0) {
    formulas.push({
      kind: "formula",
      id: "grundkrav",
      header: "Grundkrav uppfyllda",
      aliases: ["grundkrav"],
      levels: countyRows ? ["kommun", "landsting", "lan"] : ["kommun", "landsting"],
      role: "grundkrav",
      source: agreement.requirements[0].source,
    });
  }
  for (const p of pots) {
    formulas.push({ kind: "formula", id: `belopp.${p.id}`, header: `${p.id} belopp (kr)`, aliases: [`belopp.${p.id}`], levels: potLevels(p), role: "amount", pot: p.id, source: p.source });
    formulas.push({ kind: "formula", id: `status.${p.id}`, header: `${p.id} status`, aliases: [`status.${p.id}`], levels: potLevels(p), role: "status", pot: p.id, source: p.source });
  }
  formulas.push({ kind: "formula", id: "summa", header: "Summa (kr)", aliases: ["summa", "totalt"], levels: ["kommun", "landsting"], role: "total" });
  const result: SheetColumns = { agreement, identity: IDENTITY, inputs, formulas, pots, countyRows };
  columnsCache.set(agreement, result);
  return result;
}

/** Identity then input columns: the range the table functions read. */
export function tableColumns(cols: SheetColumns): (IdentityColumn | InputColumn)[] {
  return [...cols.identity, ...cols.inputs];
}

export function allColumns(cols: SheetColumns): Column[] {
  return [...cols.identity, ...cols.inputs, ...cols.formulas];
}
