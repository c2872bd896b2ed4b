import { AGREEMENTS } from "../../agreements";
import { StimError } from "../../core/errors";
import { formatKr, formatSummaryKind } from "../../core/format";
import { countySummary } from "../../core/summary";
import { normaliseCode } from "../../reference";
import { defineCommand, JSON_FLAG } from "../command";
import { table, toJson } from "../output";

export const command = defineCommand({
  name: "summary",
  args: ["[länskod]"],
  summary: "visar allt ett län kan få, med minimibelopp",
  options: {
    county: { type: "string", value: "<länskod>", help: "länet, två siffror (t.ex. 01)" },
    json: JSON_FLAG,
  },
  run({ positionals, values }) {
    if (values.county !== undefined && positionals[0] !== undefined) throw new StimError("Ange länet en gång: som argument eller med --county.");
    const county = values.county ?? positionals[0];
    const c = normaliseCode(county);
    if (!c || c.kind !== "lan") throw new StimError(`Ange --county <länskod> (två siffror, t.ex. 01), fick "${county ?? ""}".`);
    const s = countySummary(AGREEMENTS, c.code);
    if (values.json) return toJson(s);
    const rows = s.items.map((i) => [
      i.agreement,
      i.title,
      i.amount === null ? (i.kind === "later" ? "meddelas senare" : "beror på resultat") : formatKr(i.amount),
      formatSummaryKind(i.kind),
    ]);
    return [
      `Stimulansmedel 2014 för ${s.name} (${s.county})`,
      "",
      table([["Överenskommelse", "Post", "Belopp", "Typ"], ...rows], [2]),
      "",
      `Summa (minst): ${formatKr(s.minimum)} plus eventuell prestationsersättning`,
      s.conditional ? `Villkorade belopp (om länet ansöker): ${formatKr(s.conditional)}` : "",
      s.later ? `Belopp som meddelas senare: ${s.later} ${s.later === 1 ? "post" : "poster"}` : "",
    ]
      .filter((l, i, arr) => l !== "" || (i > 0 && arr[i - 1] !== ""))
      .join("\n");
  },
});
