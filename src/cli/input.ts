/**
 * Reading a user's input file: size and kind checked before anything is
 * read, so /dev/zero, a pipe or a 600 MB export ends in one Swedish line
 * instead of a hang or an exhausted heap (src/cli/files.ts does the reading).
 */
import { StimError } from "../core/errors";
import { MAX_INPUT_BYTES, readRegularFile } from "./files";

/** The largest input file accepted, in bytes (one limit for every input: src/cli/files.ts). */
export { MAX_INPUT_BYTES };

/** Reads a UTF-8 text file (a byte-order mark is dropped) of at most `limit` bytes. */
export function readInputFile(path: string, option = "--input", limit = MAX_INPUT_BYTES): string {
  const bytes = readRegularFile(path, { option, limit });
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new StimError(`${option}: filen ${path} är inte UTF-8-text; spara den som UTF-8.`, option);
  }
}
