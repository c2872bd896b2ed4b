/**
 * `stim`: the command line over the rules core. `runAsync(argv)` returns what
 * the process would print and its exit code (the entry point, stim.ts, uses
 * it); `run(argv)` does the same synchronously for every command that needs
 * no asynchronous file work, so tests call it directly. The commands
 * themselves are in src/cli/commands/.
 */
import { StimError } from "../core/errors";
import { Command, CommandOutput, commandHelp, overallHelp, parseCommandLine } from "./command";
import { fsReason, isFsError } from "./files";
import { escapeControls } from "./output";
import { allCommands, findCommand } from "./commands";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `stim <argv…>` to the end: exit 0 with output, 1 for a command's findings, 2 with one Swedish line for unusable input, 3 for a bug. */
export async function runAsync(argv: string[], progress: (line: string) => void = () => {}): Promise<CliResult> {
  try {
    return result(await dispatch(argv, progress));
  } catch (e) {
    return failure(e);
  }
}

/** As runAsync, for commands that finish synchronously (all but the workbook ones). */
export function run(argv: string[]): CliResult {
  try {
    const out = dispatch(argv, () => {});
    if (out instanceof Promise) {
      void out.catch(() => undefined);
      throw new Error(`stim ${argv[0]} läser eller skriver filer asynkront: anropa runAsync`);
    }
    return result(out);
  } catch (e) {
    return failure(e);
  }
}

function result(out: CommandOutput): CliResult {
  const { stdout, code } = typeof out === "string" ? { stdout: out, code: 0 } : out;
  return { code, stdout: stdout === "" || stdout.endsWith("\n") ? stdout : stdout + "\n", stderr: "" };
}

/**
 * The exit codes, the same for every command (docs/exit-codes.md): 0 clean,
 * 1 findings (a command found discrepancies or errors in what it checked),
 * 2 unusable input (bad arguments, a file that cannot be read or used),
 * 3 an internal error (a bug: never a verdict about the user's files).
 */
export const EXIT = { clean: 0, findings: 1, unusable: 2, internal: 3 } as const;

function failure(e: unknown): CliResult {
  let msg: string;
  let code: number;
  if (e instanceof StimError) {
    msg = e.message;
    code = EXIT.unusable;
  } else if (isFsError(e)) {
    // A file-system fault not caught nearer its cause still gets a Swedish line naming the path.
    const f = e as { path?: string; dest?: string };
    msg = `Kan inte använda ${f.path ?? "en fil"}${f.dest ? ` (${f.dest})` : ""}: ${fsReason(e)}.`;
    code = EXIT.unusable;
  } else {
    msg = e instanceof Error ? `Oväntat fel: ${e.message}` : String(e);
    code = EXIT.internal;
  }
  return { code, stdout: "", stderr: `stim: ${escapeControls(msg.replace(/\s*\n\s*/g, " "))}\n` };
}

function find(name: string): Command {
  const command = findCommand(name);
  if (!command) throw new StimError(`Okänt kommando "${name}". Kör "stim help" för en lista.`);
  return command;
}

function dispatch(argv: string[], progress: (line: string) => void): CommandOutput | Promise<CommandOutput> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") return overallHelp(allCommands());
  if (name === "help") {
    if (rest.length > 1) throw new StimError(`"stim help" tar högst ett kommando (fick ${rest.length}).`);
    return rest.length ? commandHelp(find(rest[0])) : overallHelp(allCommands());
  }
  if (name.startsWith("-")) throw new StimError(`Ange kommandot före flaggorna, t.ex. "stim agreements --json" ("stim help" visar alla kommandon; fick "${name}").`);
  const command = find(name);
  const input = parseCommandLine(command, rest);
  return input.help ? commandHelp(command) : command.run({ ...input, progress });
}

