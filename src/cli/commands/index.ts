/**
 * Every `stim` command, in the order `stim help` lists them. To add one:
 * write src/cli/commands/<name>.ts exporting `command = defineCommand({...})`
 * and add its line here.
 *
 * A command's module is loaded only when that command runs (or help lists
 * it), so `stim allocate` does not pay for loading and self-checking the
 * agreement data it never uses. esbuild turns each require() into a lazy
 * initialiser inside the one bundle.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading, see above */
import { Command } from "../command";

const MODULES: ReadonlyArray<readonly [string, () => { command: Command }]> = [
  ["agreements", () => require("./agreements")],
  ["pots", () => require("./pots")],
  ["assumptions", () => require("./assumptions")],
  ["allocate", () => require("./allocate")],
  ["population", () => require("./population")],
  ["evaluate", () => require("./evaluate")],
  ["demo", () => require("./demo")],
  ["summary", () => require("./summary")],
  ["conflicts", () => require("./conflicts")],
  ["takeover", () => require("./takeover")],
  ["model-year", () => require("./model-year")],
  ["cofinancing", () => require("./cofinancing")],
  ["kalender", () => require("./kalender")],
  ["template", () => require("./template")],
  ["validate", () => require("./validate")],
  ["check", () => require("./check")],
];

/** The command called `name`, or undefined. */
export function findCommand(name: string): Command | undefined {
  return MODULES.find(([n]) => n === name)?.[1]().command;
}

/** Every command (loads them all: for help and tests). */
export function allCommands(): Command[] {
  return MODULES.map(([, load]) => load().command);
}
