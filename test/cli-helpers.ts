/** Running `stim` in-process from the source (run(argv)) and checking its contract. */
import { run } from "../src/cli/main";

/** Runs and parses --json output; the run must succeed silently on stderr. */
export function json(argv: string[]) {
  const r = run(argv);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

/** The run must fail with exit 2 (bad input) and one Swedish line on stderr matching `message`. */
export function fails(argv: string[], message: RegExp): void {
  failure(argv, message);
}

/** As `fails`, returning the line for further checks. */
export function failure(argv: string[], message: RegExp): string {
  const r = run(argv);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^stim: /);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(r.code).toBe(2);
  return r.stderr;
}
