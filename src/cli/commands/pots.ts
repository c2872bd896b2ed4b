import { getAgreement } from "../../agreements";
import { formatCitation, formatKr, formatRate } from "../../core/format";
import { RECIPIENT_LEVEL_SV, SPLIT_MODE_SV } from "../../core/model";
import { defineCommand, JSON_FLAG } from "../command";
import { table, toJson } from "../output";

export const command = defineCommand({
  name: "pots",
  args: ["<överenskommelse>"],
  summary: "visar potterna i en överenskommelse",
  options: { json: JSON_FLAG },
  run({ positionals, values }) {
    const a = getAgreement(positionals[0]);
    if (values.json) {
      return toJson(
        a.pots.map((pot) => ({
          id: pot.id,
          title: pot.title,
          amount: pot.amount,
          kind: pot.kind,
          recipients: pot.level,
          key: pot.key ? { id: pot.key.id, label: pot.key.label, status: pot.key.status } : null,
          split: pot.split ? { kommuner: pot.split.kommuner, landsting: pot.split.landsting, mode: pot.split.mode } : null,
          goal: pot.goal ?? null,
          payee: pot.payee ?? null,
          source: pot.source,
          status: pot.status,
          assumptions: pot.assumptions ?? [],
        })),
      );
    }
    return (
      `${a.title} (${a.id}): ${a.pots.length} potter, totalt ${formatKr(a.total)}\n\n` +
      table(
        [
          ["Pott", "Belopp", "Mottagare", "Nyckel", "Fördelning", "Källa"],
          ...a.pots.map((pot) => [
            pot.id,
            formatKr(pot.amount),
            pot.payee ?? RECIPIENT_LEVEL_SV[pot.level],
            pot.key ? pot.key.label + (pot.key.status === "assumption" ? " (antagande)" : "") : "—",
            pot.split ? `${formatRate(pot.split.kommuner)} kommuner, ${formatRate(pot.split.landsting)} landsting${pot.split.mode === "pot" ? "" : ` (${SPLIT_MODE_SV[pot.split.mode]})`}` : "—",
            formatCitation(pot.source, "short"),
          ]),
        ],
        [1],
      )
    );
  },
});
