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
    // Swedish labels throughout; the ids appear only where the user types them, after --assume.
    return a.assumptions
      .map((x) => {
        const dflt = x.options.find((o) => o.id === x.default);
        const others = x.options.filter((o) => o.id !== x.default);
        return [
          x.title,
          `  Standardval: ${dflt?.label ?? x.default}`,
          ...others.map((o) => `  Alternativ: ${o.label}\n    välj med --assume ${x.id}=${o.id}`),
          `  Skäl: ${x.reason}`,
          `  Källa: ${formatCitation(x.source)}`,
        ].join("\n");
      })
      .join("\n\n");
  },
});
