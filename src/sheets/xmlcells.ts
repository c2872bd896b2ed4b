/**
 * Numeric cells in an xlsx package, checked as written. A numeric cell's
 * `<v>` must be a number in the file format's syntax (xsd:double: digits, one
 * point, an optional exponent). A library reading the package with
 * parseFloat turns `<v>0.9abc</v>` into 0.9 and `<v>0x1p-1</v>` into 0; here
 * such a value is named, sheet and cell, so the file is refused instead of
 * read as something the user never wrote.
 *
 * Pure text processing over the package's parts (no zip, no I/O): the caller
 * passes the parts it inflated.
 */
import { quoteSheet } from "./cells";

/** One numeric cell whose text is not a number. */
export interface MalformedNumber {
  /** The sheet's name (from xl/workbook.xml), or the part's path when it cannot be named. */
  sheet: string;
  /** "B7", as the `r` attribute gives it ("?" when missing). */
  cell: string;
  /** The `<v>` text as written (shortened). */
  text: string;
}

/** xsd:double without INF/NaN: what Excel and every conforming writer puts in `<v>` of a numeric cell. */
const XML_NUMBER = /^[ \t\r\n]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\r\n]*$/;

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const VALUE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The malformed numeric cells of one worksheet part's XML. */
export function malformedNumbersInSheet(xml: string, sheet: string): MalformedNumber[] {
  const out: MalformedNumber[] = [];
  for (const m of xml.matchAll(CELL)) {
    const body = m[2];
    if (body === undefined) continue;
    const type = attribute(m[1], "t");
    if (type !== undefined && type !== "n") continue; // text, booleans, errors, dates: not numbers
    const v = VALUE.exec(body);
    if (!v) continue;
    const text = unescapeXml(v[1]);
    if (XML_NUMBER.test(text) || text.trim() === "") continue; // an empty <v> is an empty cell to every reader
    out.push({ sheet, cell: attribute(m[1], "r") ?? "?", text: text.length > 40 ? `${text.slice(0, 39)}…` : text });
  }
  return out;
}

/**
 * The malformed numeric cells of a package: `parts` maps part paths
 * ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml")
 * to their text. Sheets are named through the workbook's relationships.
 */
export function malformedNumbers(parts: ReadonlyMap<string, string>): MalformedNumber[] {
  const names = sheetNames(parts);
  const out: MalformedNumber[] = [];
  for (const [path, xml] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(path)) continue;
    out.push(...malformedNumbersInSheet(xml, names.get(path) ?? path));
  }
  return out;
}

/** Worksheet part path → sheet name, from xl/workbook.xml and its relationships. */
function sheetNames(parts: ReadonlyMap<string, string>): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of (parts.get("xl/_rels/workbook.xml.rels") ?? "").matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attribute(m[1], "Id");
    const target = attribute(m[1], "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const m of (parts.get("xl/workbook.xml") ?? "").matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = attribute(m[1], "name");
    const rid = attribute(m[1], "r:id") ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    const path = rid ? targets.get(rid) : undefined;
    if (name !== undefined && path) names.set(path, unescapeXml(name));
  }
  return names;
}

/** The Swedish refusal for the first malformed numbers, naming sheet and cell. */
export function malformedNumbersMessage(found: readonly MalformedNumber[]): string {
  const first = found
    .slice(0, 3)
    .map((f) => `${quoteSheet(f.sheet)}!${f.cell} ("${f.text}")`)
    .join(", ");
  const more = found.length > 3 ? ` och ${found.length - 3} celler till` : "";
  return (
    `Filen har talceller vars innehåll inte är ett tal: ${first}${more}. ` +
    "Filen är skadad eller skriven av ett program som inte följer xlsx-formatet; öppna den i Excel, rätta cellerna och spara den igen."
  );
}
