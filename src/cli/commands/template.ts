import { defineCommand } from "../command";
import { writeTemplate } from "../sheets";

export const command = defineCommand({
  name: "template",
  args: ["<överenskommelse>"],
  summary: "skriver ett fördelningsark (Excel) med formler",
  options: {
    out: { type: "string", value: "<fil.xlsx>", required: true, help: "Excel-filen som skrivs" },
    county: { type: "string", value: "<länskod>", help: "bara ett läns mottagare (två siffror, t.ex. 01)" },
    demo: { type: "boolean", help: "fyller i det fiktiva demoscenariot" },
  },
  run: ({ positionals, values }) => writeTemplate(positionals[0], values),
});
