/**
 * What a `stim` command is, how its arguments are parsed and how its help is
 * written. A command is one module in src/cli/commands/ that exports a
 * `defineCommand({...})`, listed once in src/cli/commands/index.ts.
 *
 * Arguments are parsed by Node's util.parseArgs in strict mode: unknown
 * options, a value given to a yes/no flag (`--json=false`) and a missing value
 * are refused. On top of it: a flag given twice is refused unless the command
 * declares it repeatable, and positional arguments are counted. Every refusal
 * is one Swedish line (a StimError, exit code 2).
 */
import { parseArgs, ParseArgsConfig } from "node:util";
import { StimError } from "../core/errors";

export interface OptionSpec {
  type: "string" | "boolean";
  /** Placeholder for the value in help, e.g. "<kr>" (string options). */
  value?: string;
  /** One Swedish line for the help. */
  help: string;
  /** May be given more than once; the values are kept in order. */
  multiple?: boolean;
  /** Refused when absent. */
  required?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** The parsed value of one option, typed from its spec. */
type ValueOf<S extends OptionSpec> = S extends { type: "boolean" }
  ? boolean
  : S extends { multiple: true }
    ? string[]
    : S extends { required: true }
      ? string
      : string | undefined;

export type OptionValues<O extends OptionSpecs> = { [K in keyof O]: ValueOf<O[K]> };

export interface CommandInput<O extends OptionSpecs> {
  positionals: string[];
  values: OptionValues<O>;
  /** Writes one progress line to stderr (long runs over many files). */
  progress?: (line: string) => void;
}

/** What a command returns: its stdout (exit 0), or stdout with another exit code (e.g. 1: findings). */
export type CommandOutput = string | { stdout: string; code: number };

export interface Command<O extends OptionSpecs = OptionSpecs> {
  /** What the user types: `stim <name>`. */
  name: string;
  /** Positional arguments, as shown in the usage line, e.g. ["<överenskommelse>"]. */
  args?: string[];
  /** One Swedish line for the command list. */
  summary: string;
  /** Further Swedish lines for `stim <name> --help` (e.g. which options go together). */
  details?: string[];
  options: O;
  /**
   * Returns the text for stdout (a Promise where the command reads or writes
   * files asynchronously, e.g. workbooks); throws StimError for bad input.
   */
  run(input: CommandInput<O>): CommandOutput | Promise<CommandOutput>;
}

/** Declares a command with its option values typed from its specs. */
export function defineCommand<const O extends OptionSpecs>(command: Command<O>): Command<O> {
  return command;
}

const HELP: OptionSpec = { type: "boolean", help: "visar den här hjälpen" };

/** The `--json` flag most commands take. */
export const JSON_FLAG = { type: "boolean", help: "skriver resultatet som JSON" } as const satisfies OptionSpec;

/** Parses `argv` (the arguments after the command name) for `command`. */
export function parseCommandLine<O extends OptionSpecs>(command: Command<O>, argv: string[]): CommandInput<O> & { help: boolean } {
  const config = {
    args: argv,
    options: {
      ...Object.fromEntries(Object.entries(command.options).map(([name, o]) => [name, { type: o.type, multiple: o.multiple ?? false }])),
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
    tokens: true,
  } satisfies ParseArgsConfig;
  let parsed;
  try {
    parsed = parseArgs({ ...config, strict: true });
  } catch (e) {
    throw new StimError(explainRefusal(command, argv, e as Error));
  }
  const values: Record<string, unknown> = { ...parsed.values };
  for (const [name, o] of Object.entries(command.options)) {
    if (values[name] === undefined && o.type === "boolean") values[name] = false;
    if (values[name] === undefined && o.multiple) values[name] = [];
  }
  if (values.help) return { positionals: parsed.positionals, values: values as OptionValues<O>, help: true };

  const seen = new Set<string>();
  for (const t of parsed.tokens) {
    if (t.kind !== "option") continue;
    if (seen.has(t.name) && !command.options[t.name]?.multiple) {
      throw new StimError(`${t.rawName} är angiven två gånger; ange den en gång.`);
    }
    seen.add(t.name);
  }
  const max = command.args?.length ?? 0;
  if (parsed.positionals.length > max) {
    const extra = parsed.positionals[max];
    throw new StimError(
      max === 0
        ? `stim ${command.name} tar inga argument utöver flaggorna (fick "${extra}").`
        : `För många argument till stim ${command.name} (fick "${extra}" efter ${command.args!.join(" ")}).`,
    );
  }
  for (const [name, o] of Object.entries(command.options)) {
    if (o.required && values[name] === undefined) throw new StimError(`--${name} saknas: ${o.help}.`);
  }
  return { positionals: parsed.positionals, values: values as OptionValues<O>, help: false };
}

/** A Swedish line for what util.parseArgs refused, found from its tokens. */
function explainRefusal(command: Command, argv: string[], error: Error): string {
  const known: OptionSpecs = { ...command.options, help: HELP };
  const { tokens } = parseArgs({
    args: argv,
    options: { ...Object.fromEntries(Object.entries(known).map(([name, o]) => [name, { type: o.type }])), help: { type: "boolean", short: "h" } },
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    const spec = known[t.name];
    if (!spec) {
      return `Okänd flagga ${t.rawName} för stim ${command.name} (tillåtna: ${optionList(command)}).`;
    }
    if (spec.type === "boolean" && t.value !== undefined) {
      return `${t.rawName} tar inget värde (fick "${t.rawName}=${t.value}"); ange flaggan för ja och utelämna den för nej.`;
    }
    if (spec.type === "string" && t.value === undefined) return `${t.rawName} behöver ett värde: ${spec.help}.`;
    if (spec.type === "string" && !t.inlineValue && t.value!.startsWith("-")) {
      return `${t.rawName} behöver ett värde men följs av "${t.value}"; skriv ${t.rawName}=${t.value} om värdet börjar med "-".`;
    }
  }
  // Not reached for the refusals parseArgs makes today; kept Swedish all the same.
  return `Kan inte tolka flaggorna till stim ${command.name} (${(error as { code?: string }).code ?? error.name}). "stim ${command.name} --help" visar dem.`;
}

function optionList(command: Command): string {
  return [...Object.keys(command.options).map((n) => `--${n}`), "--help"].join(", ");
}

/** A strict decimal integer option ("2014", "-3"): no hex, exponents, decimals or spaces. */
export function integerOption(text: string, name: string, range: { min?: number; max?: number } = {}): number {
  if (!/^-?[0-9]{1,15}$/.test(text)) throw new StimError(`--${name} ska vara ett heltal skrivet med siffrorna 0–9 (fick "${text}").`, name);
  const n = Number(text);
  if ((range.min !== undefined && n < range.min) || (range.max !== undefined && n > range.max)) {
    throw new StimError(`--${name} ska vara ett heltal från ${range.min ?? "−∞"} till ${range.max ?? "∞"} (fick ${text}).`, name);
  }
  return n;
}

/** `<name> <args> --required <value>`: what must be typed. */
function synopsis(command: Command): string {
  const opts = Object.entries(command.options)
    .filter(([, o]) => o.required)
    .map(([n, o]) => `--${n} ${o.value ?? "<värde>"}`);
  return [command.name, ...(command.args ?? []), ...opts].join(" ");
}

/** `stim <name> --help`. */
export function commandHelp(command: Command): string {
  const rows = [...Object.entries(command.options), ["help", HELP] as const].map(([name, o]) => {
    const flag = `${name === "help" ? "-h, " : ""}--${name}${o.type === "string" ? ` ${o.value ?? "<värde>"}` : ""}`;
    const notes = [o.required ? "krävs" : "", o.multiple ? "kan upprepas" : ""].filter(Boolean);
    return [flag, o.help + (notes.length ? ` (${notes.join(", ")})` : "")];
  });
  const width = Math.max(...rows.map(([f]) => f.length));
  return [
    `Användning: stim ${synopsis(command)} [flaggor]`,
    "",
    command.summary.charAt(0).toUpperCase() + command.summary.slice(1) + ".",
    ...(command.details ?? []),
    "",
    "Flaggor:",
    ...rows.map(([f, h]) => `  ${f.padEnd(width)}  ${h}`),
  ].join("\n");
}

/** `stim help`: every command with its summary. */
export function overallHelp(commands: readonly Command[]): string {
  const rows = commands.map((c) => [synopsis(c), c.summary]);
  const width = Math.max(...rows.map(([u]) => u.length));
  return [
    "Användning: stim <kommando> [argument] [flaggor]",
    "",
    "Kommandon:",
    ...rows.map(([u, s]) => `  ${u.padEnd(width)}  ${s}`),
    "",
    '"stim <kommando> --help" visar kommandots flaggor. Slutkoder: 0 klart, 1 avvikelser i det som granskades, 2 indata som inte går att använda (en rad på stderr), 3 internt fel.',
  ].join("\n");
}
