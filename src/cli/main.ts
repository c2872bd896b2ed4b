/**
 * `stim`: the command line over the rules core. `run(argv)` returns what the
 * process would print and its exit code, so tests call it directly; the
 * commands themselves are in src/cli/commands/.
 */
import { StimError } from "../core/errors";
import { commandHelp, overallHelp, parseCommandLine } from "./command";
import { allCommands, findCommand } from "./commands";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `stim <argv…>`: exit 0 with output, 2 with one Swedish line for bad input, 1 for a bug. */
export function run(argv: string[]): CliResult {
  try {
    const out = dispatch(argv);
    return { code: 0, stdout: out.endsWith("\n") ? out : out + "\n", stderr: "" };
  } catch (e) {
    const msg = e instanceof StimError ? e.message : e instanceof Error ? `Oväntat fel: ${e.message}` : String(e);
    return { code: e instanceof StimError ? 2 : 1, stdout: "", stderr: `stim: ${msg.replace(/\s*\n\s*/g, " ")}\n` };
  }
}

function find(name: string) {
  const command = findCommand(name);
  if (!command) throw new StimError(`Okänt kommando "${name}". Kör "stim help" för en lista.`);
  return command;
}

function dispatch(argv: string[]): string {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") return overallHelp(allCommands());
  if (name === "help") {
    if (rest.length > 1) throw new StimError(`"stim help" tar högst ett kommando (fick ${rest.length}).`);
    return rest.length ? commandHelp(find(rest[0])) : overallHelp(allCommands());
  }
  if (name.startsWith("-")) throw new StimError(`Ange kommandot före flaggorna, t.ex. "stim agreements --json" ("stim help" visar alla kommandon; fick "${name}").`);
  const command = find(name);
  const input = parseCommandLine(command, rest);
  return input.help ? commandHelp(command) : command.run(input);
}
