import { ALL_CONFLICTS } from "../../agreements";
import { formatCitation, formatKr } from "../../core/format";
import { defineCommand, JSON_FLAG } from "../command";
import { toJson } from "../output";

export const command = defineCommand({
  name: "conflicts",
  summary: "visar kända motsägelser mellan källorna och hur de lösts",
  options: { json: JSON_FLAG },
  run({ values }) {
    if (values.json) return toJson(ALL_CONFLICTS);
    // A bare amount ("80000000") reads as kronor; years (4 digits) and text stay as they are.
    const value = (v: string) => (/^\d{5,}$/.test(v) ? formatKr(v) : v);
    return ALL_CONFLICTS.map(
      (c) =>
        `${c.subject} (${c.agreement})\n` +
        c.claims.map((cl) => `  ${cl.source.label}: ${value(cl.value)}\n    Källa: ${formatCitation(cl.source)}`).join("\n") +
        `\n  Används: ${value(c.resolvedValue)} — ${c.resolution}`,
    ).join("\n\n");
  },
});
