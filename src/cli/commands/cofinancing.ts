import { EHALSA_COFINANCING } from "../../agreements/ebp-2014";
import { formatCitation, formatKr } from "../../core/format";
import { cofinancingMet } from "../../core/thresholds";
import { defineCommand, JSON_FLAG } from "../command";
import { toJson } from "../output";

export const command = defineCommand({
  name: "cofinancing",
  summary: "prövar om länets egen insats är minst lika stor som stimulansbidraget (eHälsa, ebp-2014)",
  options: {
    grant: { type: "string", value: "<kr>", required: true, help: "stimulansbidraget i hela kronor" },
    own: { type: "string", value: "<kr>", required: true, help: "länets egen insats i hela kronor" },
    json: JSON_FLAG,
  },
  run({ values }) {
    const r = cofinancingMet(values.grant, values.own, EHALSA_COFINANCING.minRatio);
    if (values.json) return toJson({ met: r.met, required: r.requiredKronor, minRatio: EHALSA_COFINANCING.minRatio, source: EHALSA_COFINANCING.source });
    return `Egen insats ${r.met ? "räcker" : "räcker inte"}: minst ${formatKr(r.requiredKronor)} krävs (lika mycket som stimulansbidraget) (${formatCitation(EHALSA_COFINANCING.source, "short")}).`;
  },
});
