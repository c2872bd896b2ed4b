import { defineCommand } from "../command";
import { writeTemplate } from "../sheets";

export const command = defineCommand({
  name: "template",
  args: ["<överenskommelse>"],
  summary: "skriver ett fördelningsark (Excel) med formler",
  details: ["En befintlig fil ersätts bara med --force; filen skrivs helt eller inte alls."],
  options: {
    out: { type: "string", value: "<fil.xlsx>", required: true, help: "Excel-filen som skrivs" },
    county: { type: "string", value: "<länskod>", help: "bara ett läns mottagare (två siffror, t.ex. 01)" },
    demo: { type: "boolean", help: "fyller i det fiktiva demoscenariot" },
    force: { type: "boolean", help: "ersätter en befintlig fil med samma namn" },
  },
  run: ({ positionals, values }) => writeTemplate(positionals[0], values),
});
