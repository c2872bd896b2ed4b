/**
 * The rules sheet: every requirement, goal, criterion, threshold, key, split
 * and pot of an agreement with its citation, one row each.
 */
import { Agreement, Citation, Criterion, RECIPIENT_LEVEL_SV } from "../core/model";
import { formatCitation, formatKr, formatRate } from "../core/format";
import { LEVEL_TEXT, ruleLevels } from "./columns";

/** "Överenskommelse om psykisk ohälsa 2014 (…), avsnitt 3.4.1: Grundkrav 1" */
export function citationText(c: Citation): string {
  return formatCitation(c, "full", { label: true });
}

function statusText(s: string): string {
  return s === "assumption" ? "antagande" : "källa";
}

function thresholdText(c: Criterion): string {
  switch (c.kind) {
    case "boolean":
      return "ja";
    case "share":
      return `${c.op === ">=" ? "≥" : ">"} ${formatRate(c.threshold)}${c.mayExceedWhole ? " (får överstiga 100 %)" : ""}`;
    case "target-count":
      return `${c.op === ">=" ? "≥" : ">"} ${formatRate(c.threshold)} av målsiffran (${formatRate(c.rate)} av invånarna)`;
    case "months-lower":
      return `lägre i minst ${c.required} av ${c.months} månader`;
    case "indicator-improvement":
      return `genomsnittlig förbättring ≥ ${c.minImprovement} procentenheter${c.attainmentAlternative ? ` eller resultat ≥ ${c.attainmentAlternative} %` : ""}`;
  }
}

export function ruleRows(agreement: Agreement): string[][] {
  const rows: string[][] = [];
  for (const req of agreement.requirements) {
    const gate = req.gate === "each" ? "var och en för sig" : req.gate === "all-in-county" ? "samtliga i länet" : "länet";
    rows.push(["Grundkrav", req.id, req.title, `gäller ${gate}`, ruleLevels(agreement, req).map((l) => LEVEL_TEXT[l]).join(", "), citationText(req.source), statusText(req.status)]);
    if (req.coverage) {
      rows.push([
        "Länsregel",
        `${req.id}/täckning`,
        "Kommunerna som uppfyller grundkraven ska omfatta en viss andel av länets invånare",
        `${req.coverage.op === ">=" ? "≥" : ">"} ${formatRate(req.coverage.threshold)} av invånarna`,
        "län",
        citationText(req.coverage.source),
        statusText(req.coverage.status),
      ]);
    }
    for (const c of req.criteria) rows.push(["Kriterium", `${req.id}.${c.id}`, c.label, thresholdText(c), "", citationText(c.source), statusText(c.status)]);
  }
  for (const goal of agreement.goals) {
    rows.push(["Prestationsmål", goal.id, goal.title, goal.requires?.length ? `kräver också ${goal.requires.join(", ")}` : "", ruleLevels(agreement, goal).map((l) => LEVEL_TEXT[l]).join(", "), citationText(goal.source), statusText(goal.status)]);
    for (const c of goal.criteria) rows.push(["Kriterium", `${goal.id}.${c.id}`, c.label, thresholdText(c), "", citationText(c.source), statusText(c.status)]);
  }
  for (const pot of agreement.pots) {
    rows.push(["Pott", pot.id, pot.title, formatKr(pot.amount), pot.payee ?? RECIPIENT_LEVEL_SV[pot.level], citationText(pot.source), statusText(pot.status)]);
    if (pot.key) rows.push(["Nyckel", `${pot.id}/nyckel`, pot.key.label, pot.key.input ? "indata" : "inbäddad (SCB)", "", citationText(pot.key.source), statusText(pot.key.status)]);
    if (pot.split) {
      rows.push([
        "Delning",
        `${pot.id}/delning`,
        pot.split.mode === "per-lan" ? "Per län: landstingets del och kommunernas del" : pot.split.mode === "per-kommun" ? "Per kommun: kommunens del och landstingets del" : "Potten delas först mellan kommuner och landsting",
        `${formatRate(pot.split.kommuner)} kommuner / ${formatRate(pot.split.landsting)} landsting`,
        "",
        citationText(pot.split.source),
        statusText(pot.split.status),
      ]);
    }
  }
  return rows;
}
