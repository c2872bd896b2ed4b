/**
 * Every `stim` command, in the order `stim help` lists them. To add one:
 * write src/cli/commands/<name>.ts exporting `defineCommand({...})` and list
 * it here.
 */
import { Command } from "../command";
import { agreements } from "./agreements";
import { allocate } from "./allocate";
import { assumptions } from "./assumptions";
import { check } from "./check";
import { cofinancing } from "./cofinancing";
import { conflicts } from "./conflicts";
import { demo } from "./demo";
import { evaluate } from "./evaluate";
import { modelYear } from "./model-year";
import { population } from "./population";
import { pots } from "./pots";
import { summary } from "./summary";
import { takeover } from "./takeover";

export const COMMANDS: readonly Command[] = [
  agreements,
  pots,
  assumptions,
  allocate,
  population,
  evaluate,
  demo,
  summary,
  conflicts,
  takeover,
  modelYear,
  cofinancing,
  check,
];
