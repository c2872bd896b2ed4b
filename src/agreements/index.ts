/**
 * The agreements this product encodes, loaded once and self-checked.
 */
import { checkAgreement, CheckIssue, checkSourceRegistry } from "../core/check";
import { StimError } from "../core/errors";
import { Agreement, SourceConflict } from "../core/model";
import { ALDRE_2014 } from "./aldre-2014";
import { SOURCE_CONFLICTS } from "./conflicts";
import { EBP_2011 } from "./ebp-2011";
import { EBP_2014 } from "./ebp-2014";
import { MISSBRUK_2014 } from "./missbruk-2014";
import { PRIO_2014 } from "./prio-2014";

export const AGREEMENTS: readonly Agreement[] = [PRIO_2014, ALDRE_2014, EBP_2014, MISSBRUK_2014, EBP_2011];

/** Every recorded source conflict: those inside the agreements and the general ones. */
export const ALL_CONFLICTS: readonly SourceConflict[] = [...AGREEMENTS.flatMap((a) => a.conflicts), ...SOURCE_CONFLICTS];

/** Looks up an agreement by id, case-insensitively ("PRIO-2014" works). */
export function getAgreement(id: unknown): Agreement {
  if (typeof id !== "string" || id.trim() === "") {
    throw new StimError(`Ange en överenskommelse: ${AGREEMENTS.map((a) => a.id).join(", ")}.`, "agreement");
  }
  const want = id.trim().toLowerCase();
  const a = AGREEMENTS.find((x) => x.id === want);
  if (!a) throw new StimError(`Okänd överenskommelse "${id}". Välj en av: ${AGREEMENTS.map((x) => x.id).join(", ")}.`, "agreement");
  return a;
}

/** Looks up a pot by id within an agreement, case-insensitively. */
export function getPot(agreement: Agreement, potId: unknown) {
  const want = typeof potId === "string" ? potId.trim().toUpperCase() : String(potId ?? "");
  const p = agreement.pots.find((x) => x.id.toUpperCase() === want);
  if (!p) {
    throw new StimError(
      `Okänd pott "${String(potId)}" i ${agreement.id}. Potter: ${agreement.pots.map((x) => x.id).join(", ")}.`,
      "pot_id",
    );
  }
  return p;
}

/**
 * Runs the source registry's and every agreement's self-checks: the data
 * must add up and hang together. The data is static, so this runs where it
 * can fail a change — in the tests, in CI and in `stim check` — rather than
 * on every start of the add-in or the command line.
 */
export function selfCheck(): CheckIssue[] {
  return [...checkSourceRegistry(), ...AGREEMENTS.flatMap((a) => checkAgreement(a))];
}
