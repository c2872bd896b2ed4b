import { ALL_CONFLICTS } from "../../agreements";
import { formatCitation } from "../../core/format";
import { defineCommand, JSON_FLAG } from "../command";
import { toJson } from "../output";

export const command = defineCommand({
  name: "conflicts",
  summary: "visar kända motsägelser mellan källorna och hur de lösts",
  options: { json: JSON_FLAG },
  run({ values }) {
    if (values.json) return toJson(ALL_CONFLICTS);
    return ALL_CONFLICTS.map(
      (c) =>
        `${c.id} (${c.agreement}): ${c.subject}\n` +
        c.claims.map((cl) => `  ${cl.source.label}: ${cl.value}\n    Källa: ${formatCitation(cl.source)}`).join("\n") +
        `\n  Används: ${c.resolvedValue} — ${c.resolution}`,
    ).join("\n\n");
  },
});
