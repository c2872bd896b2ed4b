import { defineCommand, JSON_FLAG } from "../command";
import { validateFiles } from "../sheets";

export const command = defineCommand({
  name: "validate",
  args: ["<fil.xlsx|mapp>"],
  summary: "granskar ifyllda fördelningsark mot reglerna",
  details: ["Slutkod 0: inga avvikelser; 1: fel eller avvikelser i arken; 2: en fil kan inte granskas."],
  options: {
    agreement: { type: "string", value: "<id>", help: "överenskommelsen, om arket inte anger den" },
    county: { type: "string", value: "<länskod>", help: "länet arket gäller, om omfattningsraden saknas (t.ex. 01)" },
    out: { type: "string", value: "<rapport.xlsx>", help: "skriver också rapporten som Excel-fil" },
    json: JSON_FLAG,
  },
  run: ({ positionals, values, progress }) => validateFiles(positionals[0], values, progress),
});
