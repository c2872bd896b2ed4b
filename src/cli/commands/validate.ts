import { defineCommand, JSON_FLAG } from "../command";
import { validateFiles } from "../sheets";

export const command = defineCommand({
  name: "validate",
  args: ["<fil.xlsx|mapp>"],
  summary: "granskar ifyllda fördelningsark mot reglerna",
  details: [
    "Slutkod 0: inga avvikelser; 1: fel eller avvikelser i arken; 2: en fil kan inte granskas.",
    "I en mapp hoppas låsfiler (~$…), tillfälliga filer, systemfiler, tidigare rapporter och filer som inte är .xlsx över.",
    "En befintlig rapportfil ersätts bara med --force; en granskad fil ersätts aldrig.",
  ],
  options: {
    agreement: { type: "string", value: "<id>", help: "överenskommelsen, om arket inte anger den" },
    county: { type: "string", value: "<länskod>", help: "länet arket gäller, om omfattningsraden saknas (t.ex. 01)" },
    out: { type: "string", value: "<rapport.xlsx>", help: "skriver också rapporten som Excel-fil" },
    force: { type: "boolean", help: "ersätter en befintlig rapportfil" },
    json: JSON_FLAG,
  },
  run: ({ positionals, values, progress }) => validateFiles(positionals[0], values, progress),
});
