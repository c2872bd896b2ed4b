/**
 * Reading a user's input file: size and kind checked before anything is
 * read, so /dev/zero, a pipe or a 600 MB export ends in one Swedish line
 * instead of a hang or an exhausted heap.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { StimError } from "../core/errors";
import { formatDecimal, formatInt } from "../core/format";

/** The largest input file accepted, in bytes. The full national demo scenario is about 0.36 MB. */
export const MAX_INPUT_BYTES = 10_000_000;

const bytesText = (n: number): string => `${formatInt(n)} byte`;
/** The limit in MB where that is exact ("10 MB"), else in bytes. */
const limitText = (n: number): string => (n % 100_000 === 0 ? `${formatDecimal({ n: BigInt(n), d: 1_000_000n }, 1)} MB` : bytesText(n));

/** Reads a UTF-8 text file (a byte-order mark is dropped) of at most `limit` bytes. */
export function readInputFile(path: string, option = "--input", limit = MAX_INPUT_BYTES): string {
  const tooBig = (size: number) =>
    new StimError(`${option}: filen ${path} är ${bytesText(size)}; gränsen för en indatafil är ${limitText(limit)}.`, option);
  let fd: number;
  try {
    // stat first: opening a pipe would block until someone writes to it.
    const st = statSync(path);
    if (st.isDirectory()) throw new StimError(`${option}: ${path} är en mapp; ange en fil.`, option);
    if (!st.isFile()) throw new StimError(`${option}: ${path} är ingen vanlig fil (utan en enhet, ett rör eller liknande); ange en JSON-fil.`, option);
    if (st.size > limit) throw tooBig(st.size);
    fd = openSync(path, "r");
  } catch (e) {
    if (e instanceof StimError) throw e;
    throw new StimError(`Kan inte läsa filen ${path}: ${reason(e)}.`, option);
  }
  try {
    // The file may have grown since stat: read at most limit + 1 bytes.
    const size = fstatSync(fd).size;
    if (size > limit) throw tooBig(size);
    const buf = Buffer.alloc(Math.min(size, limit) + 1);
    let n = 0;
    for (let got; n < buf.length && (got = readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += got;
    if (n > limit) throw tooBig(n);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(buf.subarray(0, n));
    } catch {
      throw new StimError(`${option}: filen ${path} är inte UTF-8-text; spara den som UTF-8.`, option);
    }
  } catch (e) {
    if (e instanceof StimError) throw e;
    throw new StimError(`Kan inte läsa filen ${path}: ${reason(e)}.`, option);
  } finally {
    closeSync(fd);
  }
}

function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") return "den finns inte";
  if (code === "EACCES" || code === "EPERM") return "behörighet saknas";
  if (code === "EISDIR") return "det är en mapp";
  return `systemfel ${code ?? String(e)}`;
}
