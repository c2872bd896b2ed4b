import { StimError } from "../../core/errors";
import { formatInt } from "../../core/format";
import { getKommun, getLan, normaliseCode, population as populationOf, REFERENCE_SOURCE } from "../../reference";
import { defineCommand } from "../command";
import { toJson } from "../output";

export const command = defineCommand({
  name: "population",
  args: ["<kommunkod|länskod>"],
  summary: "visar folkmängden 31 december 2013 (SCB)",
  options: { json: { type: "boolean", help: "skriver kod, slag, folkmängd och källa som JSON" } },
  run({ positionals, values }) {
    const code = positionals[0];
    const c = normaliseCode(code);
    if (!c) throw new StimError(`Okänd kod "${code ?? ""}": ange kommunkod (t.ex. 0180) eller länskod (t.ex. 01).`);
    const n = populationOf(c.code)!;
    if (values.json) return toJson({ code: c.code, kind: c.kind, population: n, source: REFERENCE_SOURCE });
    const name = c.kind === "kommun" ? `${getKommun(c.code)!.name} (kommun ${c.code})` : `${getLan(c.code)!.name} (län ${c.code})`;
    return `${name}: ${formatInt(n)} invånare 31 december 2013 (SCB)`;
  },
});
