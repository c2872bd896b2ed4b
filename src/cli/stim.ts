#!/usr/bin/env node
/** Entry point: `stim <args>` (build/stim.cjs, the package's bin) or `npm run --silent stim -- <args>`. */
import { runAsync } from "./main";

void runAsync(process.argv.slice(2), (line) => process.stderr.write(`${line}\n`)).then((result) => {
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
});
