/**
 * Resolving citations against the seed texts (Node only: reads files). Used by
 * tests and by `stim check`; the add-in never needs the seeds at run time.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CitationResolver } from "./check";
import { Citation } from "./model";

/** Collapses whitespace and strips markdown emphasis/headings for comparison. */
export function normalise(text: string): string {
  return text.replace(/[#*]/g, "").replace(/\s+/g, " ").trim();
}

export function seedResolver(seedDir: string): CitationResolver {
  const cache = new Map<string, { raw: string; flat: string }>();
  const load = (doc: string) => {
    let t = cache.get(doc);
    if (!t) {
      const raw = readFileSync(join(seedDir, doc), "utf8");
      t = { raw, flat: normalise(raw) };
      cache.set(doc, t);
    }
    return t;
  };
  return (c: Citation) => {
    const path = join(seedDir, c.doc);
    if (!existsSync(path)) return `källfilen ${c.doc} finns inte i ${seedDir}`;
    const { raw, flat } = load(c.doc);
    const numbered = /^\d+(\.\d+)*$/.test(c.section);
    if (numbered) {
      const re = new RegExp(`^\\s*${c.section.replace(/\./g, "\\.")}\\.?\\s`, "m");
      if (!re.test(raw)) return `avsnitt ${c.section} finns inte i ${c.doc}`;
    } else if (!flat.includes(normalise(c.section))) {
      return `rubriken "${c.section}" finns inte i ${c.doc}`;
    }
    if (c.quote && !flat.includes(normalise(c.quote))) return `citatet "${c.quote}" finns inte i ${c.doc}`;
    return undefined;
  };
}

/** Reads a seed document's text, or undefined when the file is not there (for `checkSourceTexts`). */
export function seedReader(seedDir: string): (doc: string) => string | undefined {
  return (doc) => {
    const path = join(seedDir, doc);
    return existsSync(path) ? readFileSync(path, "utf8") : undefined;
  };
}

/** The seeds folder beside the project (../shared/seeds), if present. */
export function defaultSeedDir(projectRoot: string): string {
  return join(projectRoot, "..", "shared", "seeds");
}
