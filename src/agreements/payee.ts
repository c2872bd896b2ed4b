/**
 * Who receives a county's fixed amounts (issue 18). The sources give amounts
 * per county (SKL's memo for Stockholm county) but, except for eHälsa, no
 * payee. The product books a county's amount on its landsting's row; this
 * makes that a named assumption with the county or regional federation as the
 * alternative, and tags every affected entry so the trace names it.
 */
import { Agreement, Assumption, Citation, Patch } from "../core/model";

/** The alternative payee, as the memo names it for eHälsa ("läns-/regionförbunden"). */
export const REGIONAL_BODY = "Läns-/regionförbundet";

/**
 * Adds the assumption `<agreement>/lansbelopp-mottagare` to `agreement`,
 * covering the county entries (level "lan", a listed county) of `pots`.
 * Mutates the agreement data once, when its module loads.
 */
export function addCountyPayeeAssumption(agreement: Agreement, pots: string[], what: string, source: Citation): void {
  const id = `${agreement.id}/lansbelopp-mottagare`;
  const effect: Patch[] = [];
  for (const potId of pots) {
    const pot = agreement.pots.find((p) => p.id === potId);
    if (!pot?.fixed) throw new Error(`${agreement.id}: pott ${potId} saknar fasta belopp`);
    for (const f of pot.fixed) if (f.level === "lan" && !f.payee) f.assumptions = [...(f.assumptions ?? []), id];
    effect.push({ pot: potId, set: { fixed: pot.fixed.map((f) => (f.level === "lan" && !f.payee ? { ...f, payee: REGIONAL_BODY } : f)) } });
  }
  const assumption: Assumption = {
    id,
    title: `Vem som tar emot länets belopp: ${what}`,
    reason:
      "SKL:s PM för Stockholms län anger beloppen per län men ingen mottagare; vi bokför dem på landstinget för länets räkning. För eHälsa anger samma PM läns-/regionförbunden som mottagare, vilket är alternativet här.",
    default: "landstinget",
    options: [
      { id: "landstinget", label: "Landstinget tar emot beloppet för länets räkning" },
      { id: "lans-regionforbundet", label: "Läns-/regionförbundet tar emot beloppet för länets räkning", effect },
    ],
    source,
  };
  agreement.assumptions.push(assumption);
}
