/**
 * Swedish descriptions of an agreement's items for the "Överenskommelser"
 * view: kinds, levels, gates, thresholds, keys, splits, recipients, dates,
 * and which STIM.* formula uses each item. Words only: every figure comes
 * from the agreement data, every verdict from the core.
 */
import type {
  Agreement,
  Comparison,
  Criterion,
  FixedAmount,
  KeyRef,
  Pot,
  RecipientLevel,
  Requirement,
  Rule,
  SourceConflict,
  Split,
} from "../../../core/model";
import type { FormulaLocale } from "../../../functions/formula";
import { columnIndexToLetters } from "../../../sheets/a1";
import { formatKr } from "../../format";
import { compile, formatPeriod, formatRate, formatThreshold, formulaText, getKommun, getLan, slotsOf } from "../../../runtime";

export const POT_KIND: Record<Pot["kind"], string> = {
  performance: "Prestationsbaserad",
  fixed: "Fast belopp",
  organisation: "Till organisation",
  unspecified: "Fördelning anges inte",
};

export const LEVEL: Record<RecipientLevel | "kommun+landsting", string> = {
  kommun: "kommuner",
  landsting: "landsting",
  lan: "län",
  organisation: "organisation",
  "kommun+landsting": "kommuner och landsting",
};

export const GATE: Record<Requirement["gate"], string> = {
  each: "varje kommun och landsting för sig",
  "all-in-county": "samtliga kommuner och landstinget i länet",
  county: "länet som helhet",
};

/** "≥ 80 %" */
export function thresholdText(op: Comparison, threshold: string): string {
  return formatThreshold(op, threshold);
}

/** "≥ 90 %", "lägre minst 4 av 6 månader", "förbättring ≥ 5 procentenheter eller resultat ≥ 70 %", "ja". */
export function criterionRequirement(c: Criterion): string {
  switch (c.kind) {
    case "boolean":
      return "ja";
    case "share":
      return `${thresholdText(c.op, c.threshold)}${c.mayExceedWhole ? " (får överstiga 100 %)" : ""}`;
    case "target-count":
      return `antal ${formatThreshold(c.op, c.threshold)} av målsiffran (${formatRate(c.rate)} av invånarna${c.target === "input" ? ", eller egen målsiffra" : ""})`;
    case "months-lower":
      return `lägre än året innan i ${c.match === "exactly" ? "exakt" : "minst"} ${c.required} av ${c.months} månader`;
    case "indicator-improvement": {
      let text = `genomsnittlig förbättring ≥ ${c.minImprovement.replace(".", ",")} procentenheter i ${c.indicators.length} indikatorer`;
      if (c.attainmentAlternative) text += ` eller genomsnittligt resultat ≥ ${c.attainmentAlternative.replace(".", ",")} %`;
      return text;
    }
  }
}

export function keyText(k: KeyRef): string {
  return `${k.label}${k.input ? " (uppgift i indata)" : " (inbyggd, SCB)"}`;
}

export function splitText(s: Split): string {
  const how =
    s.mode === "pot"
      ? "potten delas först"
      : s.mode === "per-kommun"
        ? "varje kommuns andel delas med landstinget"
        : "varje läns andel delas mellan landstinget och kommunerna";
  const key = s.kommunKey ? `; kommunernas del efter ${s.kommunKey.label.toLowerCase()}` : "";
  return `${formatRate(s.kommuner)} kommuner / ${formatRate(s.landsting)} landsting (${how}${key})`;
}

/** "Stockholms län, Skåne län" / "Stockholm (0180)" / "alla övriga län". */
export function recipientsText(f: FixedAmount): string {
  if (f.recipients === "*") return `alla övriga ${LEVEL[f.level]}`;
  return f.recipients
    .map((code) => {
      const name = f.level === "kommun" ? getKommun(code)?.name : getLan(code)?.name;
      return name ? `${name} (${code})` : code;
    })
    .join(", ");
}

export function fixedText(f: FixedAmount): string {
  const amount = f.amount === null ? "beloppet meddelas senare" : `${formatKr(f.amount)} vardera`;
  return `${recipientsText(f)}: ${amount}${f.condition ? `, ${f.condition}` : ""}`;
}

/** "2014-02-07" or "2013-10-01 – 2014-09-30". */
export function dateText(date: string): string {
  return formatPeriod(date);
}

/** The conflicts that cite exactly the passage an item cites (same document, section and quote). */
export function conflictsCiting(conflicts: readonly SourceConflict[], item: { source: { doc: string; section: string; quote?: string } }): SourceConflict[] {
  const s = item.source;
  if (!s.quote) return [];
  return conflicts.filter((c) => c.claims.some((cl) => cl.source.doc === s.doc && cl.source.section === s.section && cl.source.quote === s.quote));
}

/** A formula and what it does, for the copy buttons. */
export interface ItemFormula {
  formula: string;
  /** Swedish: what the formula gives, and what to put in its range. */
  help: string;
}

export function potFormula(a: Agreement, pot: Pot, locale: FormulaLocale): ItemFormula {
  return { formula: formulaText("POT", [a.id, pot.id], locale), help: "ger pottens belopp i kronor" };
}

/**
 * The formula that decides a requirement or goal, with an example range in
 * column B: as many rows as STIM.CRITERIA lists, one or two columns.
 */
export function ruleFormulas(a: Agreement, rule: Rule, requirement: boolean, locale: FormulaLocale): ItemFormula[] {
  const slots = slotsOf(compile(a).withRequired(rule.id));
  const rows = slots.reduce((n, s) => n + s.rows, 0);
  const cols = Math.max(1, ...slots.map((s) => (s.criterion.kind === "share" ? 1 : s.cols)));
  const range = `B2:${columnIndexToLetters(cols)}${rows + 1}`;
  return [
    {
      formula: formulaText("CRITERIA", [a.id, rule.id], locale),
      help: `listar de ${rows} raderna indata som ${rule.id} behöver`,
    },
    {
      formula: formulaText(requirement ? "GRUNDKRAV_MET" : "GOAL_MET", [a.id, rule.id, { ref: range }], locale),
      help: `ger SANT eller FALSKT; ${range} är svaren, en rad per rad i listan ovan`,
    },
  ];
}

export function sourceFormula(a: Agreement, id: string, locale: FormulaLocale): ItemFormula {
  return { formula: formulaText("SOURCE", [a.id, id], locale), help: "ger källhänvisningen" };
}

export function assumptionsFormula(a: Agreement, locale: FormulaLocale): ItemFormula {
  return { formula: formulaText("ASSUMPTIONS", [a.id], locale), help: "listar antagandena med standardval och källa" };
}
