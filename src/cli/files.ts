/**
 * Every file the CLI reads or writes goes through here, so that a user's file
 * is never lost and every file-system fault ends in one Swedish line naming
 * the path (a StimError, exit code 2) instead of an internal error.
 *
 * - Reading: only regular files (a FIFO, a device or a link to /dev/zero is
 *   refused before it is opened), at most MAX_INPUT_BYTES.
 * - Writing: never over an existing file unless the user said --force, never
 *   over an input (compared by device and inode, so a symlink or a second
 *   path to the same file is caught), the name's extension must match the
 *   format, and the write is atomic: a temporary file in the same folder,
 *   fsync, then rename. A failed write leaves the old file as it was.
 * - Folders: lock files, temporary files, system files and files that are not
 *   workbooks are skipped with a reason; one bad entry never stops the rest.
 */
import * as fs from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { StimError } from "../core/errors";
import { formatInt } from "../core/format";
import { escapeControls } from "./output";

/**
 * The largest input file accepted (JSON facts, workbooks, source documents), in
 * bytes: 10 MB. The national demo workbook of aldre-2014 is about 0.25 MB, its
 * JSON facts about 0.36 MB. Stated once here and in docs/exit-codes.md.
 */
export const MAX_INPUT_BYTES = 10_000_000;

/** The limit as users read it ("10 MB"). */
export function limitText(n: number): string {
  return n % 1_000_000 === 0 ? `${formatInt(n / 1_000_000)} MB` : `${formatInt(n)} byte`;
}

/** A Swedish reason for a file-system error code. */
export function fsReason(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  switch (code) {
    case "ENOENT":
      return "den finns inte";
    case "EACCES":
    case "EPERM":
      return "behörighet saknas";
    case "EISDIR":
      return "det är en mapp";
    case "ENOTDIR":
      return "en del av sökvägen är ingen mapp";
    case "ENOSPC":
    case "EDQUOT":
      return "disken är full";
    case "ELOOP":
      return "symboliska länkar pekar i en slinga";
    case "EROFS":
      return "filsystemet är skrivskyddat";
    case "ENAMETOOLONG":
      return "sökvägen är för lång";
    case "EMFILE":
    case "ENFILE":
      return "för många öppna filer";
    case "EBUSY":
    case "ETXTBSY":
      return "filen används av ett annat program";
    case "EIO":
      return "läsfel på disken";
    case "EEXIST":
      return "filen finns redan";
    case "EXDEV":
      return "filen kan inte flyttas mellan filsystem";
    default:
      return code ? `systemfel ${code}` : "okänt systemfel";
  }
}

/** One Swedish line for a failed file operation. */
export function fsError(verb: "läsa" | "skriva" | "öppna mappen", path: string, e: unknown, option?: string): StimError {
  return new StimError(`Kan inte ${verb} ${path}: ${fsReason(e)}.`, option);
}

/** Whether the error is a file-system error (has a string errno code). */
export function isFsError(e: unknown): boolean {
  return typeof (e as { code?: unknown } | null)?.code === "string" && !(e instanceof StimError);
}

export interface ReadOptions {
  /** The option that named the file, for the message ("--input"). */
  option?: string;
  limit?: number;
  /** What the file should be, for "ange en …" ("JSON-fil", "Excel-fil"). */
  what?: string;
}

/**
 * Reads a regular file of at most `limit` bytes. A folder, a FIFO, a device,
 * a dangling link or a link loop is refused with one Swedish line; a FIFO is
 * never opened for reading (which would block until someone writes to it).
 */
export function readRegularFile(path: string, o: ReadOptions = {}): Buffer {
  const limit = o.limit ?? MAX_INPUT_BYTES;
  const prefix = o.option ? `${o.option}: ` : "";
  const what = o.what ?? "fil";
  const tooBig = (size: number) =>
    new StimError(`${prefix ? `${prefix}filen` : "Filen"} ${path} är ${formatInt(size)} byte; gränsen för en indatafil är ${limitText(limit)}.`, o.option);
  let st: fs.Stats;
  try {
    st = fs.statSync(path);
  } catch (e) {
    if ((e as { code?: string }).code === "ENOENT") {
      let dangling = false;
      try {
        dangling = fs.lstatSync(path).isSymbolicLink();
      } catch {
        dangling = false;
      }
      if (dangling) throw new StimError(`${prefix}Kan inte läsa filen ${path}: länken pekar på en fil som inte finns.`, o.option);
    }
    throw new StimError(`${prefix}Kan inte läsa filen ${path}: ${fsReason(e)}.`, o.option);
  }
  if (st.isDirectory()) throw new StimError(`${prefix}${path} är en mapp; ange en ${what}.`, o.option);
  if (!st.isFile()) throw new StimError(`${prefix}${path} är ingen vanlig fil (utan en enhet, ett rör eller liknande); ange en ${what}.`, o.option);
  if (st.size > limit) throw tooBig(st.size);
  let fd: number;
  try {
    // O_NONBLOCK: should the path have been swapped for a FIFO since stat, open does not wait for a writer.
    fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new StimError(`${prefix}Kan inte läsa filen ${path}: ${fsReason(e)}.`, o.option);
  }
  try {
    const now = fs.fstatSync(fd);
    if (!now.isFile()) throw new StimError(`${prefix}${path} är ingen vanlig fil; ange en ${what}.`, o.option);
    if (now.size > limit) throw tooBig(now.size);
    // The file may grow while it is read: read at most limit + 1 bytes.
    const buf = Buffer.alloc(Math.min(now.size, limit) + 1);
    let n = 0;
    for (let got; n < buf.length && (got = fs.readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += got;
    if (n > limit) throw tooBig(n);
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof StimError) throw e;
    throw new StimError(`${prefix}Kan inte läsa filen ${path}: ${fsReason(e)}.`, o.option);
  } finally {
    fs.closeSync(fd);
  }
}

/** The file-system calls a write makes: replaced in tests to inject a failure (a full disk). */
export interface WriteIo {
  openSync: typeof fs.openSync;
  writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  fsyncSync: typeof fs.fsyncSync;
  closeSync: typeof fs.closeSync;
  renameSync: typeof fs.renameSync;
  linkSync: typeof fs.linkSync;
  unlinkSync: typeof fs.unlinkSync;
}

/** The real file system; tests copy it and replace one call to inject a fault. */
export const REAL_IO: Readonly<WriteIo> = {
  openSync: fs.openSync,
  writeSync: (fd, b, off, len) => fs.writeSync(fd, b, off, len),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  linkSync: fs.linkSync,
  unlinkSync: fs.unlinkSync,
};

export interface WriteOptions {
  /** The option that named the file ("--out"). */
  option?: string;
  /** Replace an existing file (the user said --force). */
  force?: boolean;
  /** Files (or folders) the command reads: the output may never be one of them. */
  inputs?: readonly string[];
  /** The extension the format needs, with the dot (".xlsx"). */
  extension: string;
  /** The format's name for the message ("Excel-arbetsbok"). */
  format: string;
}

/** Device and inode of a path (following links), or undefined when there is none. */
function identity(path: string): { dev: number; ino: number } | undefined {
  try {
    const st = fs.statSync(path);
    return { dev: st.dev, ino: st.ino };
  } catch {
    return undefined;
  }
}

/**
 * Checks an output path before any work is done: the extension, the folder,
 * an existing file (refused without force) and the inputs. Returns the path
 * to write to (an existing link's target, so the link is kept).
 */
export function checkOutputPath(path: string, o: WriteOptions): string {
  const opt = o.option ?? "--out";
  if (!path.toLowerCase().endsWith(o.extension)) {
    throw new StimError(`${opt} ska sluta på ${o.extension} (en ${o.format}); fick ${path}.`, opt);
  }
  const dir = dirname(resolve(path));
  let dst: fs.Stats;
  try {
    dst = fs.statSync(dir);
  } catch (e) {
    throw new StimError(`${opt}: kan inte skriva i mappen ${dirname(path)}: ${fsReason(e)}.`, opt);
  }
  if (!dst.isDirectory()) throw new StimError(`${opt}: ${dirname(path)} är ingen mapp.`, opt);
  let target = path;
  let existing: fs.Stats | undefined;
  try {
    existing = fs.lstatSync(path);
  } catch {
    existing = undefined;
  }
  if (existing?.isSymbolicLink()) {
    try {
      target = fs.realpathSync(path);
      existing = fs.statSync(target);
    } catch (e) {
      throw new StimError(`${opt}: ${path} är en länk som inte går att följa (${fsReason(e)}); välj ett annat filnamn.`, opt);
    }
  }
  const out = identity(target);
  for (const input of o.inputs ?? []) {
    const inp = identity(input);
    if (out && inp && out.dev === inp.dev && out.ino === inp.ino) {
      throw new StimError(`${opt}: ${path} är samma fil som indata ${input}; välj ett annat filnamn.`, opt);
    }
  }
  if (existing) {
    if (existing.isDirectory()) throw new StimError(`${opt}: ${path} är en mapp; ange ett filnamn.`, opt);
    if (!existing.isFile()) throw new StimError(`${opt}: ${path} är ingen vanlig fil; välj ett annat filnamn.`, opt);
    if (!o.force) throw new StimError(`${opt}: ${path} finns redan; ange --force för att ersätta den, eller välj ett annat filnamn.`, opt);
  }
  return target;
}

/**
 * Writes `bytes` to `path` atomically after checkOutputPath's checks: a
 * temporary file beside it, written in full and fsynced, then renamed over
 * the name (or linked to it when nothing may be replaced, so a file created
 * meanwhile is not lost either). On any failure the temporary file is
 * removed and the old file is untouched.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array, o: WriteOptions, io: WriteIo = REAL_IO): void {
  const opt = o.option ?? "--out";
  const target = checkOutputPath(path, o);
  const dir = dirname(resolve(target));
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | undefined;
  const fail = (e: unknown): never => {
    if (fd !== undefined) {
      try {
        io.closeSync(fd);
      } catch {
        // already failing: the first error is the one to report
      }
    }
    try {
      io.unlinkSync(tmp);
    } catch {
      // the temporary file may not exist
    }
    if (e instanceof StimError) throw e;
    throw new StimError(`${opt}: kan inte skriva ${path}: ${fsReason(e)}${fd !== undefined ? "; ingen befintlig fil har ändrats" : ""}.`, opt);
  };
  let mode: number | undefined;
  try {
    mode = fs.statSync(target).mode & 0o7777; // a replaced file keeps its permissions
  } catch {
    mode = undefined;
  }
  try {
    fd = io.openSync(tmp, "wx", 0o666);
    if (mode !== undefined) fs.fchmodSync(fd, mode);
  } catch (e) {
    fail(e);
  }
  try {
    let at = 0;
    while (at < bytes.length) at += io.writeSync(fd!, bytes, at, bytes.length - at);
    io.fsyncSync(fd!);
    io.closeSync(fd!);
  } catch (e) {
    fail(e);
  }
  fd = undefined;
  try {
    if (o.force) io.renameSync(tmp, target);
    else {
      try {
        io.linkSync(tmp, target);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === "EEXIST") throw new StimError(`${opt}: ${path} skapades av någon annan under körningen; ange --force för att ersätta den.`, opt);
        // A file system without hard links: the check above is all there is.
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw e;
        io.renameSync(tmp, target);
      }
      try {
        io.unlinkSync(tmp);
      } catch {
        // renamed, or the link stays harmless
      }
    }
  } catch (e) {
    fail(e);
  }
  try {
    const dfd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    // Not every platform can fsync a folder; the rename itself is done.
  }
}

/** Why a folder entry is not read. */
export type SkipReason = "låsfil" | "tillfällig fil" | "systemfil" | "mapp" | "inte en arbetsbok" | "försvann";

const SYSTEM_FILES = new Set(["thumbs.db", "desktop.ini", ".ds_store", "ehthumbs.db"]);

/** Why a name in a folder is skipped, from its name alone (no file access). */
export function skipByName(name: string): SkipReason | undefined {
  const lower = name.toLowerCase();
  if (name.startsWith("~$") || /^\.~lock\..*#$/.test(name)) return "låsfil";
  if (SYSTEM_FILES.has(lower) || name.startsWith("._")) return "systemfil";
  if (name.startsWith(".") || name.startsWith("~") || name.endsWith("~") || /\.(tmp|temp|bak|swp|part|crdownload)$/i.test(name)) return "tillfällig fil";
  if (!lower.endsWith(".xlsx")) return "inte en arbetsbok";
  return undefined;
}

export interface FolderListing {
  /** Paths to read, sorted by name. */
  files: string[];
  skipped: { name: string; reason: SkipReason }[];
}

/**
 * The workbooks in a folder. Names that are lock, temporary or system files or
 * not .xlsx are skipped without touching them; subfolders are skipped. A link
 * that cannot be followed is kept, so reading it reports the fault for that
 * one file.
 */
export function listWorkbooks(dir: string): FolderListing {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    throw fsError("öppna mappen", dir, e);
  }
  const files: string[] = [];
  const skipped: FolderListing["skipped"] = [];
  for (const name of names.sort()) {
    const why = skipByName(name);
    const path = join(dir, name);
    if (why) {
      // A lock or temporary file is never touched (Excel holds its lock file unreadable); another name may be a subfolder.
      skipped.push({ name, reason: why === "inte en arbetsbok" && isDirectory(path) ? "mapp" : why });
      continue;
    }
    try {
      if (fs.statSync(path).isDirectory()) {
        skipped.push({ name, reason: "mapp" });
        continue;
      }
    } catch (e) {
      if ((e as { code?: string }).code === "ENOENT" && !isLink(path)) {
        skipped.push({ name, reason: "försvann" });
        continue;
      }
      // a dangling link, a loop, no permission: reading it says which
    }
    files.push(path);
  }
  return { files, skipped };
}

function isDirectory(path: string): boolean {
  try {
    return fs.statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isLink(path: string): boolean {
  try {
    return fs.lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

const REASON_PLURAL: Record<SkipReason, [string, string]> = {
  låsfil: ["låsfil", "låsfiler"],
  "tillfällig fil": ["tillfällig fil", "tillfälliga filer"],
  systemfil: ["systemfil", "systemfiler"],
  mapp: ["mapp", "mappar"],
  "inte en arbetsbok": ["fil som inte är en arbetsbok (.xlsx)", "filer som inte är arbetsböcker (.xlsx)"],
  försvann: ["fil som försvann under läsningen", "filer som försvann under läsningen"],
};

/** One summary line for skipped entries ("Hoppade över 3: 1 låsfil (~$a.xlsx), …"), or "" when none. */
export function skippedLine(skipped: readonly { name: string; reason: SkipReason | "rapport" }[]): string {
  if (skipped.length === 0) return "";
  const groups = new Map<string, string[]>();
  for (const s of skipped) groups.set(s.reason, [...(groups.get(s.reason) ?? []), s.name]);
  const parts = [...groups].map(([reason, names]) => {
    const [one, many] = reason === "rapport" ? ["egen granskningsrapport", "egna granskningsrapporter"] : REASON_PLURAL[reason as SkipReason];
    const shown = names.slice(0, 5).map(escapeControls).join(", ") + (names.length > 5 ? ", …" : "");
    return `${names.length} ${names.length === 1 ? one : many} (${shown})`;
  });
  return `Hoppade över ${skipped.length}: ${parts.join("; ")}.`;
}
