import { EBP_TAKEOVER_SCHEDULE } from "../../agreements/ebp-2014";
import { parseKronor } from "../../core/exact";
import { formatCitation, formatKr, formatRate } from "../../core/format";
import { ROUNDING_RULE, takeOver } from "../../core/thresholds";
import { defineCommand, integerOption, JSON_FLAG } from "../command";
import { toJson } from "../output";

export const command = defineCommand({
  name: "takeover",
  summary: "räknar ut huvudmännens övertagande av stödstrukturernas kostnader (ebp-2014)",
  options: {
    cost: { type: "string", value: "<kr>", required: true, help: "stödstrukturens kostnad i hela kronor" },
    year: { type: "string", value: "<år>", required: true, help: "kalenderåret, t.ex. 2015" },
    json: JSON_FLAG,
  },
  run({ values }) {
    const year = integerOption(values.year, "year");
    const schedule = EBP_TAKEOVER_SCHEDULE.map((r) => ({ year: r.year, share: r.principalShare }));
    const t = takeOver(values.cost, year, schedule);
    const row = [...EBP_TAKEOVER_SCHEDULE].reverse().find((r) => r.year <= year)!;
    const out = { year, cost: parseKronor(values.cost, "kostnad"), principalShare: t.share, principal: t.principal, state: t.state, rounding: "largest-remainder", source: row.source };
    if (values.json) return toJson(out);
    return `År ${year}: huvudmännen bär ${formatRate(t.share)} av ${formatKr(out.cost)} = ${formatKr(t.principal)}; staten ${formatKr(t.state)} (${formatCitation(row.source, "short")}). Avrundning: ${ROUNDING_RULE}.`;
  },
});
