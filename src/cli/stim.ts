#!/usr/bin/env node
/** Entry point: `npm run --silent stim -- <args>`. */
import { run } from "./main";

const result = run(process.argv.slice(2));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
