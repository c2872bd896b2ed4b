import { EBP_NEW_MODEL_BASE_YEARS, EBP_NEW_MODEL_STATE_SHARE } from "../../agreements/ebp-2014";
import { splitAmount } from "../../core/allocate";
import { complementShare, parseKronor } from "../../core/exact";
import { formatCitation, formatKr, formatRate } from "../../core/format";
import { ROUNDING_RULE, stateShareInModelYear } from "../../core/thresholds";
import { defineCommand, integerOption, JSON_FLAG } from "../command";
import { toJson } from "../output";

export const command = defineCommand({
  name: "model-year",
  summary: "räknar ut statens andel ett år i den nya finansieringsmodellen (ebp-2014)",
  options: {
    year: { type: "string", value: "<n>", required: true, help: "året i modellen, 1 för det första" },
    amount: { type: "string", value: "<kr>", help: "ett belopp att dela mellan staten och huvudmännen" },
    json: JSON_FLAG,
  },
  run({ values }) {
    const y = integerOption(values.year, "year");
    const r = stateShareInModelYear(y, EBP_NEW_MODEL_BASE_YEARS.years, EBP_NEW_MODEL_STATE_SHARE);
    const row = EBP_NEW_MODEL_STATE_SHARE.find((x) => x.yearOfModel === y);
    const src = row?.source ?? EBP_NEW_MODEL_BASE_YEARS.source;
    let state: bigint | null = null;
    if (values.amount !== undefined && r.share !== null) {
      // State first: the same rule as takeover (ROUNDING_RULE).
      state = splitAmount(parseKronor(values.amount, "amount"), [r.share, complementShare(r.share)])[0];
    }
    if (values.json) return toJson({ yearOfModel: y, phase: r.phase, stateShare: r.share, state, ...(state !== null ? { rounding: "largest-remainder" } : {}), source: src });
    if (r.share === null) return `År ${y} i modellen: statlig grundfinansiering (år 1–${EBP_NEW_MODEL_BASE_YEARS.years}); källan anger ingen andel (${formatCitation(src, "short")}).`;
    return `År ${y} i modellen: statens andel ${formatRate(r.share)}${state !== null ? ` = ${formatKr(state)}` : ""} (${formatCitation(src, "short")}).${state !== null ? ` Avrundning: ${ROUNDING_RULE}.` : ""}`;
  },
});
