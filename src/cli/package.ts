/**
 * The xlsx package (a zip) checked before any reader inflates it, and
 * normalised so that ExcelJS can read what other programs write.
 *
 * Checks, in order, each refusal one Swedish line naming the limit:
 * 1. From the zip's central directory alone, before inflating a byte: the
 *    number of entries, each entry's declared size, the total declared size
 *    and each entry's compression ratio. A 3.8 MB zip bomb that would inflate
 *    to gigabytes is refused here in milliseconds.
 * 2. Every entry is then inflated (node's zlib), never beyond its declared
 *    size (a package that lies about its sizes is refused as soon as it
 *    passes the figure), and the cells of every worksheet are counted in the
 *    XML, so a 16 384 × 300 sheet is refused before a grid of it is built.
 * 3. Relationship targets written as absolute part paths
 *    ("/xl/worksheets/sheet1.xml", as openpyxl writes them) are rewritten as
 *    paths relative to the part, which ExcelJS 4.4.0 needs (exceljs#2797), and
 *    notes stored under names ExcelJS does not expect are unlinked
 *    (normaliseRels); the package is re-zipped only when something changed.
 * docs/workbook.md ("Filer från andra program: paketnivån") records this.
 */
import type { Zippable } from "fflate";
import { posix } from "node:path";
import { inflateRawSync } from "node:zlib";
import { StimError } from "../core/errors";
import { formatInt } from "../core/format";

// fflate's plain build: its default one for Node pulls in worker_threads through `module`,
// which the one-file CLI (build/stim.cjs) must not require; the synchronous API is the same.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { strFromU8, unzipSync, zipSync } = require("fflate/browser") as typeof import("fflate");

export interface PackageLimits {
  /** Entries (parts) in the package. */
  entries: number;
  /** Inflated bytes of all entries together. */
  totalBytes: number;
  /** Inflated bytes of one entry. */
  entryBytes: number;
  /** Inflated / compressed size of one entry above 1 MB inflated. */
  ratio: number;
  /** Cells in one worksheet. */
  cellsPerSheet: number;
  /** Cells in all worksheets together. */
  cellsPerWorkbook: number;
}

/**
 * The limits. The largest workbook Stimulans writes (aldre-2014, whole
 * country, demo) is 26 entries, 3.2 MB inflated, ratio 37, about 48 000 cells
 * on its allocation sheet: the limits leave room for a county's own extra
 * sheets and stop what would take more than a few hundred MB to read
 * (ExcelJS holds about 1 KB per cell: 200 000 cells took 197 MB in all).
 */
export const PACKAGE_LIMITS: PackageLimits = {
  entries: 5_000,
  totalBytes: 50_000_000,
  entryBytes: 50_000_000,
  ratio: 200,
  cellsPerSheet: 200_000,
  cellsPerWorkbook: 300_000,
};

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  /** Offset of the local header. */
  offset: number;
}

const damaged = (why: string) =>
  new StimError(`Filen kan inte läsas som .xlsx (skadad eller ofullständig): ${why}; öppna den i Excel och spara den igen, eller be om en ny fil.`);
const mb = (n: number) => `${formatInt(Math.round(n / 1_000_000))} MB`;

/** The central directory's entries; throws StimError for a package that is not a readable zip. */
export function centralDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => {
    const n = view.getBigUint64(at, true);
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged("för stora tal i zip-katalogen");
    return Number(n);
  };
  let eocd = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (u32(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw damaged("zip-katalogen saknas");
  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(loc) !== 0x07064b50) throw damaged("zip64-katalogen saknas");
    const z = u64(loc + 8);
    if (z + 56 > bytes.length || u32(z) !== 0x06064b50) throw damaged("zip64-katalogen saknas");
    count = u64(z + 32);
    cdSize = u64(z + 40);
    cdOffset = u64(z + 48);
  }
  if (count > PACKAGE_LIMITS.entries) {
    throw new StimError(`Filen har ${formatInt(count)} delar; gränsen för en arbetsbok är ${formatInt(PACKAGE_LIMITS.entries)}.`);
  }
  if (cdOffset + cdSize > bytes.length) throw damaged("zip-katalogen pekar utanför filen");
  const entries: Entry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) throw damaged("zip-katalogen är trasig");
    const method = u16(at + 10);
    let compressed = u32(at + 20);
    let size = u32(at + 24);
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const commentLen = u16(at + 32);
    let offset = u32(at + 42);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen));
    if (size === 0xffffffff || compressed === 0xffffffff || offset === 0xffffffff) {
      // zip64 extra field: the 0xFFFFFFFF fields follow in this order.
      for (let x = at + 46 + nameLen; x + 4 <= at + 46 + nameLen + extraLen; ) {
        const id = u16(x);
        const len = u16(x + 2);
        if (id === 0x0001) {
          let p = x + 4;
          if (size === 0xffffffff) {
            size = u64(p);
            p += 8;
          }
          if (compressed === 0xffffffff) {
            compressed = u64(p);
            p += 8;
          }
          if (offset === 0xffffffff) offset = u64(p);
        }
        x += 4 + len;
      }
    }
    entries.push({ name, method, compressed, size, offset });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Refuses, from the directory alone, what would inflate beyond the limits. */
export function checkDirectory(entries: readonly Entry[]): void {
  let total = 0;
  for (const e of entries) {
    if (e.size > PACKAGE_LIMITS.entryBytes) {
      throw new StimError(`Delen ${e.name} i filen packas upp till ${mb(e.size)}; gränsen för en del är ${mb(PACKAGE_LIMITS.entryBytes)}.`);
    }
    if (e.size > 1_000_000 && e.size > PACKAGE_LIMITS.ratio * Math.max(e.compressed, 1)) {
      throw new StimError(
        `Delen ${e.name} i filen är packad ${formatInt(Math.floor(e.size / Math.max(e.compressed, 1)))} gånger (${mb(e.size)}); gränsen är ${PACKAGE_LIMITS.ratio} gånger: filen ser ut som en zip-bomb.`,
      );
    }
    total += e.size;
  }
  if (total > PACKAGE_LIMITS.totalBytes) {
    throw new StimError(`Filen packas upp till ${mb(total)}; gränsen för en arbetsbok är ${mb(PACKAGE_LIMITS.totalBytes)}.`);
  }
}

/** Counts cell elements (`<c>`, `<c …>`, `<c/>`, also with a namespace prefix such as `<x:c>`) in sheet XML bytes. */
export function countCells(xml: Uint8Array, stopAbove = Infinity): number {
  const isEnd = (b: number) => b === 0x3e || b === 0x2f || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d; // > / space tab LF CR
  const isName = (b: number) => (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2d || b === 0x2e;
  let cells = 0;
  for (let i = xml.indexOf(0x3c); i >= 0 && i < xml.length; i = xml.indexOf(0x3c, i + 1)) {
    let j = i + 1;
    if (xml[j] === 0x63 && isEnd(xml[j + 1])) cells++;
    else {
      // A prefix: up to 16 name characters, then ":c".
      while (j < xml.length && j - i <= 16 && isName(xml[j])) j++;
      if (xml[j] === 0x3a && xml[j + 1] === 0x63 && isEnd(xml[j + 2])) cells++;
    }
    if (cells > stopAbove) break;
  }
  return cells;
}

/**
 * Inflates one entry, never more than its declared size (node's zlib stops
 * at maxOutputLength), so a package that lies about its sizes costs no more
 * than its declared, already checked, size.
 */
function inflateEntry(bytes: Uint8Array, e: Entry): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== 0x04034b50) throw damaged(`delen ${e.name} saknas`);
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  const data = bytes.subarray(start, start + e.compressed);
  if (data.length < e.compressed) throw damaged(`delen ${e.name} är avkortad`);
  let out: Buffer;
  if (e.method === 0) out = Buffer.from(data.buffer, data.byteOffset, data.length);
  else if (e.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw damaged(`delen ${e.name} är större än zip-katalogen uppger`);
      throw damaged(`delen ${e.name} kan inte packas upp`);
    }
  } else throw damaged(`delen ${e.name} är packad på ett okänt sätt (metod ${e.method})`);
  if (out.length !== e.size) throw damaged(`delen ${e.name} har en annan storlek än zip-katalogen uppger`);
  return out;
}

/** The cells of one worksheet's XML, refused above the per-sheet limit. */
function sheetCells(name: string, xml: Uint8Array): number {
  const cells = countCells(xml, PACKAGE_LIMITS.cellsPerSheet);
  if (cells > PACKAGE_LIMITS.cellsPerSheet) {
    throw new StimError(
      `Bladet i ${name} har mer än ${formatInt(PACKAGE_LIMITS.cellsPerSheet)} celler; gränsen för ett blad är ${formatInt(PACKAGE_LIMITS.cellsPerSheet)} (en fördelningstabell har högst omkring 50 000).`,
    );
  }
  return cells;
}

/** The part a relationships part belongs to: "xl/_rels/workbook.xml.rels" → "xl/workbook.xml"; "_rels/.rels" → the package root. */
function relsSourceDir(relsName: string): string {
  const dir = posix.dirname(relsName); // ".../_rels"
  const owner = posix.dirname(dir); // "." for the root
  return owner === "." ? "" : owner;
}

const REL_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const REL_VML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";

/**
 * Normalises one .rels part; returns undefined when nothing changed.
 * - Absolute internal targets become relative to the part's folder.
 * - A worksheet's notes (comments and their VML drawing) stored under other
 *   names than ExcelJS expects ("xl/comments1.xml", "xl/drawings/vmlDrawing1.vml";
 *   openpyxl writes "xl/comments/comment1.xml") lose their relationship:
 *   ExcelJS 4.4.0 fails on them, and notes are never read for validation.
 */
export function normaliseRels(relsName: string, xml: string): string | undefined {
  const base = relsSourceDir(relsName);
  let changed = false;
  const out = xml.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*>(?:\s*<\/(?:[\w.-]+:)?Relationship>)?/g, (tag) => {
    if (/\bTargetMode\s*=\s*["']External["']/.test(tag)) return tag;
    let t = tag.replace(/\bTarget\s*=\s*(["'])\/([^"']*)\1/, (_m, q: string, abs: string) => {
      changed = true;
      const rel = posix.relative(base === "" ? "." : base, abs) || abs;
      return `Target=${q}${rel}${q}`;
    });
    const type = /\bType\s*=\s*["']([^"']*)["']/.exec(t)?.[1];
    const target = /\bTarget\s*=\s*["']([^"']*)["']/.exec(t)?.[1];
    if ((type === REL_COMMENTS || type === REL_VML) && target !== undefined) {
      const part = posix.normalize(posix.join(base, target));
      const expected = type === REL_COMMENTS ? /^xl\/comments\d+\.xml$/ : /^xl\/drawings\/vmlDrawing\d+\.vml$/;
      if (!expected.test(part)) {
        changed = true;
        t = "";
      }
    }
    return t;
  });
  return changed ? out : undefined;
}

/**
 * Checks a package within the limits and returns bytes ExcelJS can read:
 * the same bytes, or a re-zipped package with relationship targets made
 * relative. Throws StimError for anything refused.
 */
export function preparePackage(bytes: Uint8Array): Uint8Array {
  const entries = centralDirectory(bytes);
  checkDirectory(entries);
  const rewritten = new Map<string, string>();
  let cells = 0;
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    const rels = /(^|\/)_rels\/[^/]*\.rels$/i.test(e.name);
    const sheet = /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(e.name);
    const data = inflateEntry(bytes, e);
    if (sheet) {
      cells += sheetCells(e.name, data);
      if (cells > PACKAGE_LIMITS.cellsPerWorkbook) {
        throw new StimError(`Arbetsbokens blad har tillsammans mer än ${formatInt(PACKAGE_LIMITS.cellsPerWorkbook)} celler; gränsen för en arbetsbok är ${formatInt(PACKAGE_LIMITS.cellsPerWorkbook)}.`);
      }
    }
    if (rels) {
      const fixed = normaliseRels(e.name, data.toString("utf8"));
      if (fixed !== undefined) rewritten.set(e.name, fixed);
    }
  }
  if (rewritten.size === 0) return bytes;
  // The sizes were verified above: inflating everything is now bounded.
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    const text = rewritten.get(name);
    out[name] = text !== undefined ? new TextEncoder().encode(text) : data;
  }
  return zipSync(out, { level: 1 });
}

/** The workbook part, its relationships and the worksheet parts as text, from a package preparePackage has checked. */
export function xmlParts(bytes: Uint8Array): Map<string, string> {
  const wanted = /^xl\/(?:workbook\.xml|_rels\/workbook\.xml\.rels|worksheets\/[^/]+\.xml)$/;
  const files = unzipSync(bytes, { filter: (f) => wanted.test(f.name) });
  return new Map(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}
