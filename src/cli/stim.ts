#!/usr/bin/env node
/** Entry point: `npm run --silent stim -- <args>`. */
import { runAsync } from "./sheets";

void runAsync(process.argv.slice(2), (line) => process.stderr.write(`${line}\n`)).then((result) => {
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
});
