#!/usr/bin/env node
/** Entry point: `stim <args>` (build/stim.cjs, the package's bin) or `npm run --silent stim -- <args>`. */
import { writeSync } from "node:fs";
import { runAsync } from "./main";

/**
 * Writes all of `text` to a standard stream synchronously. Going past
 * process.stdout saves loading node's stream machinery on every start
 * (a few ms of a command's ~100). A non-blocking pipe (EAGAIN) hands the
 * rest to the stream; a reader that has gone away (EPIPE, `stim … | head`)
 * ends the output quietly.
 */
function writeAll(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        (fd === 1 ? process.stdout : process.stderr).write(bytes.subarray(at));
        return;
      }
      if (code === "EPIPE") return;
      throw e;
    }
  }
}

void runAsync(process.argv.slice(2), (line) => writeAll(2, `${line}\n`)).then((result) => {
  if (result.stdout) writeAll(1, result.stdout);
  if (result.stderr) writeAll(2, result.stderr);
  process.exitCode = result.code;
});
