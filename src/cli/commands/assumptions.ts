import { getAgreement } from "../../agreements";
import { formatCitation } from "../../core/format";
import { defineCommand, JSON_FLAG } from "../command";
import { toJson } from "../output";

export const command = defineCommand({
  name: "assumptions",
  args: ["<överenskommelse>"],
  summary: "visar antagandena och deras standardval",
  options: { json: JSON_FLAG },
  run({ positionals, values }) {
    const a = getAgreement(positionals[0]);
    if (values.json) return toJson(a.assumptions);
    return a.assumptions
      .map(
        (x) =>
          `${x.id}\n  ${x.title}\n  Standard: ${x.default} (${x.options.find((o) => o.id === x.default)?.label ?? ""})\n  Alternativ: ${x.options.map((o) => o.id).join(", ")}\n  Skäl: ${x.reason}\n  Källa: ${formatCitation(x.source)}`,
      )
      .join("\n\n");
  },
});
