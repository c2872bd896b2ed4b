/**
 * Resolving every citation against the source documents (the agreements as
 * text files, `../shared/seeds/` beside a checkout). Node only: it reads
 * files, so it lives with the CLI and never in the core or the add-in. Run by
 * `stim check` (`npm run check:sources -- <mapp>`) and by CI; `npm test`
 * needs no source documents.
 *
 * A citation resolves when its document is there, its section is a heading
 * in it (a numbered one, "3.4.2 Prestationsmål", starts a line; an unnumbered
 * one starts a line once markdown marks are dropped), and its quote stands
 * verbatim on one line of it (whitespace collapsed).
 */
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as aldre from "../agreements/aldre-2014";
import * as conflicts from "../agreements/conflicts";
import * as ebp2011 from "../agreements/ebp-2011";
import * as ebp2014 from "../agreements/ebp-2014";
import * as missbruk from "../agreements/missbruk-2014";
import * as prio from "../agreements/prio-2014";
import * as prioGoalText from "../agreements/prio-2014-goal-text";
import { CitationResolver } from "../core/check";
import { Citation, SEED_FILES } from "../core/model";
import { readRegularFile } from "./files";

/** A source document's text: a regular file of at most 10 MB (a FIFO or /dev/zero is refused, never read). */
const readSeed = (path: string): string => readRegularFile(path, { what: "textfil" }).toString("utf8");

/** Every module whose exported data carries citations: all of it is checked. */
const CITING_MODULES: Record<string, object> = {
  "prio-2014": prio,
  "prio-2014-goal-text": prioGoalText,
  "aldre-2014": aldre,
  "ebp-2014": ebp2014,
  "missbruk-2014": missbruk,
  "ebp-2011": ebp2011,
  conflicts,
};

/** Collapses whitespace for comparison. */
const collapse = (text: string): string => text.replace(/\s+/g, " ").trim();
/** A line without markdown heading marks, emphasis or a leading bullet (U+F0B7 is Word's Symbol-font bullet). */
const plainLine = (line: string): string => collapse(line.replace(/^[\s#*\u2022\uf0b7]+/, "").replace(/[\s*]+$/, ""));
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface SeedText {
  raw: string;
  /** Lines with whitespace collapsed (for quotes). */
  lines: string[];
  /** The lines without markdown or bullet marks, joined by spaces (for unnumbered headings, which may wrap). */
  plain: string;
  /** Offsets in `plain` where a line starts. */
  lineStarts: Set<number>;
}

export function seedResolver(seedDir: string): CitationResolver {
  const cache = new Map<string, SeedText | null>();
  const load = (doc: string): SeedText | null => {
    if (!cache.has(doc)) {
      const path = join(seedDir, doc);
      if (!existsSync(path)) cache.set(doc, null);
      else {
        const raw = readSeed(path);
        const lines = raw.split(/\r?\n/);
        const starts = new Set<number>();
        let plain = "";
        for (const line of lines.map(plainLine)) {
          if (!line) continue;
          if (plain) plain += " ";
          starts.add(plain.length);
          plain += line;
        }
        cache.set(doc, { raw, lines: lines.map(collapse), plain, lineStarts: starts });
      }
    }
    return cache.get(doc)!;
  };
  return (c: Citation) => {
    const text = load(c.doc);
    if (!text) return `källdokumentet ${c.doc} finns inte i ${seedDir}`;
    if (/^\d+(\.\d+)*$/.test(c.section)) {
      if (!new RegExp(`^\\s*${escapeRe(c.section)}\\.?\\s+[A-ZÅÄÖ]`, "m").test(text.raw)) {
        return `avsnitt ${c.section} finns inte som rubrik i ${c.doc}`;
      }
    } else if (!startsALine(text, plainLine(c.section))) {
      return `rubriken "${c.section}" finns inte i ${c.doc}`;
    }
    if (c.quote !== undefined && !text.lines.some((l) => l.includes(collapse(c.quote!)))) {
      return `citatet "${c.quote}" står inte ordagrant på en rad i ${c.doc}`;
    }
    return undefined;
  };
}

/** Whether `heading` occurs in the text starting at the start of a line (and perhaps running on over the next). */
function startsALine(text: SeedText, heading: string): boolean {
  for (let at = text.plain.indexOf(heading); at >= 0; at = text.plain.indexOf(heading, at + 1)) {
    if (text.lineStarts.has(at)) return true;
  }
  return false;
}

/** Reads a document's text, or undefined when it is not there (for the registry check, `checkSourceTexts`). */
export function seedReader(seedDir: string): (doc: string) => string | undefined {
  return (doc) => {
    const path = join(seedDir, doc);
    return existsSync(path) ? readSeed(path) : undefined;
  };
}

/** Every citation reachable from a value, with where it was found. */
export function collectCitations(value: unknown, at: string, out: { at: string; c: Citation }[] = []): { at: string; c: Citation }[] {
  if (Array.isArray(value)) value.forEach((v, i) => collectCitations(v, `${at}[${i}]`, out));
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.doc === "string" && typeof o.section === "string" && typeof o.label === "string") out.push({ at, c: o as unknown as Citation });
    for (const [k, v] of Object.entries(o)) collectCitations(v, `${at}.${k}`, out);
  }
  return out;
}

/** Every citation in the agreement data (all exports of the agreement modules). */
export function allCitations(): { at: string; c: Citation }[] {
  return Object.entries(CITING_MODULES).flatMap(([name, mod]) =>
    Object.entries(mod).flatMap(([exported, value]) => collectCitations(value, `${name}:${exported}`)),
  );
}

/** The source documents' folder beside a checkout: ../shared/seeds. */
export function defaultSeedDir(projectRoot: string): string {
  return join(projectRoot, "..", "shared", "seeds");
}

/**
 * The documents missing from `dir` (all of them when it is not a folder).
 * Checked before anything else so a machine without them gets one line.
 */
export function missingSeeds(dir: string): string[] {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  return isDir ? SEED_FILES.filter((f) => !existsSync(join(dir, f))) : [...SEED_FILES];
}

/** One Swedish line: where to put the documents. */
export function seedsHint(dir: string, missing: readonly string[]): string {
  const which = missing.length === SEED_FILES.length ? `källdokumenten (${SEED_FILES.join(", ")})` : `${missing.join(", ")}`;
  return `Källdokumenten behövs för att kontrollera källhänvisningarna: ${which} saknas i ${resolve(dir)}. Lägg dem där (i en utcheckning: ../shared/seeds/ bredvid projektet) eller ange mappen: npm run check:sources -- <mapp>.`;
}

/** The folder holding package.json above `from` (the checkout, or the installed package). */
export function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return from;
  }
}
