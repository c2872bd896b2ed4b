import { getAgreement } from "../../agreements";
import { demoFacts } from "../../agreements/demo";
import { defineCommand } from "../command";
import { toJson } from "../output";

export const command = defineCommand({
  name: "demo",
  args: ["<överenskommelse>"],
  summary: "skriver det fiktiva demoscenariot som JSON (en mall för egna fakta)",
  options: {},
  run({ positionals }) {
    return toJson(demoFacts(getAgreement(positionals[0])));
  },
});
