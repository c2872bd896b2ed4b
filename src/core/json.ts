/**
 * Reading JSON text that a user wrote or exported. Stricter than JSON.parse
 * where JSON.parse would silently lose or hide something, and bounded so
 * that hostile or corrupt text ends in a Swedish message, never in a stack
 * overflow or an exhausted heap:
 * - a UTF-8 byte-order mark at the start is accepted (editors on Windows
 *   write one);
 * - a key that occurs twice in one object is refused, compared after
 *   unescaping ("\u0030180" and "0180" are the same key), because JSON.parse
 *   keeps the last one and the first is lost without a word;
 * - nesting deeper than `maxDepth`, strings longer than `maxStringLength`
 *   and texts longer than `maxTextLength` are refused with the limit named.
 * - a number literal keeps its exact value: it is a JavaScript number when a
 *   double holds that value exactly (0.5, 92, 1e3: almost every literal),
 *   else a decimal.js Decimal with every digit as written
 *   (0.79999999999999999 stays below 0.8, 15999999999999999 stays odd);
 *   see ./decimal.
 * Otherwise the result equals JSON.parse's (a key "__proto__" is an own
 * property, as with JSON.parse).
 *
 * Pure: no I/O. Reading a file (and its size limit in bytes) is the caller's.
 */
import { StimError } from "./errors";
import { Decimal, exactValue } from "./decimal";
import { formatInt } from "./format";

export interface JsonLimits {
  /** Deepest nesting of objects and arrays. Facts files need fewer than 10 levels. */
  maxDepth: number;
  /** Longest string (key or value), in UTF-16 code units after unescaping. */
  maxStringLength: number;
  /** Longest text, in UTF-16 code units. */
  maxTextLength: number;
}

export const JSON_LIMITS: Readonly<JsonLimits> = {
  maxDepth: 64,
  maxStringLength: 100_000,
  maxTextLength: 32 * 1024 * 1024,
};

/** One problem in the text; `path` is where in the value (e.g. `counties.01.kommuner.0180`), "(fil)" at the top. */
export interface JsonIssue {
  path: string;
  message: string;
}

export class JsonTextError extends StimError {
  readonly issues: JsonIssue[];
  constructor(issues: JsonIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues[0]?.path);
    this.name = "JsonTextError";
    this.issues = issues;
  }
}

const ROOT = "(fil)";

/** Parses JSON text under the rules above; throws JsonTextError with Swedish issues. */
export function parseJsonText(text: string, limits: Partial<JsonLimits> = {}): unknown {
  const { maxDepth, maxStringLength, maxTextLength } = { ...JSON_LIMITS, ...limits };
  if (text.length > maxTextLength) {
    throw new JsonTextError([{ path: ROOT, message: `texten är ${formatInt(text.length)} tecken lång; gränsen är ${formatInt(maxTextLength)} tecken` }]);
  }
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const duplicates: JsonIssue[] = [];

  const where = (at: number): string => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < at && k < text.length; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    return `rad ${line}, kolumn ${at - lineStart + 1}`;
  };
  const fail = (path: string, message: string, at = i): never => {
    throw new JsonTextError([{ path: path || ROOT, message: `ogiltig JSON på ${where(at)}: ${message}` }]);
  };
  const tooBig = (path: string, message: string, at = i): never => {
    throw new JsonTextError([{ path: path || ROOT, message: `${message} (${where(at)})` }]);
  };
  const found = (): string => (i >= text.length ? "slutet av texten" : `"${text[i]}"`);
  const skipSpace = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else return;
    }
  };
  const child = (path: string, key: string | number): string =>
    typeof key === "number" ? `${path}[${key}]` : `${path}${path ? "." : ""}${key}`;

  const readString = (path: string): string => {
    const start = i;
    i++; // opening quote
    let out = "";
    let runStart = i;
    for (;;) {
      if (i >= text.length) fail(path, "en sträng tar slut utan avslutande citattecken", start);
      const c = text.charCodeAt(i);
      if (c === 34) break; // "
      if (c < 0x20) fail(path, "ett kontrolltecken (t.ex. radbrytning) står oskyddat inne i en sträng");
      if (c === 92) {
        out += text.slice(runStart, i);
        const e = text[i + 1];
        const simple = e === undefined ? undefined : ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail(path, `ogiltig escape-sekvens "\\${e ?? ""}" i en sträng`);
        runStart = i;
      } else i++;
      if (out.length + (i - runStart) > maxStringLength) {
        tooBig(path, `en sträng är längre än ${formatInt(maxStringLength)} tecken, som är gränsen`, start);
      }
    }
    out += text.slice(runStart, i);
    i++; // closing quote
    return out;
  };

  const readNumber = (path: string): number | Decimal => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return fail(path, `väntade ett värde (sträng, tal, objekt, lista, true, false eller null) men fick ${found()}`);
    if (m[0].length > maxStringLength) tooBig(path, `ett tal är längre än ${formatInt(maxStringLength)} tecken, som är gränsen`);
    i += m[0].length;
    return exactValue(m[0]);
  };

  const readValue = (path: string, depth: number): unknown => {
    skipSpace();
    const c = text[i];
    if (c === "{" || c === "[") {
      if (depth >= maxDepth) tooBig(path, `nästlat djupare än ${maxDepth} nivåer, som är gränsen (en fil med fakta behöver färre än 10)`);
      return c === "{" ? readObject(path, depth + 1) : readArray(path, depth + 1);
    }
    if (c === '"') return readString(path);
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    return readNumber(path);
  };

  const readObject = (path: string, depth: number): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    const spelled = new Map<string, string>();
    i++; // {
    skipSpace();
    if (text[i] === "}") {
      i++;
      return obj;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail(path, `väntade en nyckel inom citattecken men fick ${found()}`);
      const keyStart = i;
      const key = readString(path);
      const raw = text.slice(keyStart, i);
      const keyPath = child(path, key);
      const earlier = spelled.get(key);
      if (earlier !== undefined) {
        duplicates.push({
          path: keyPath,
          message: `förekommer två gånger i samma objekt${earlier !== raw ? ` (skrivet ${earlier} och ${raw})` : ""}`,
        });
      } else spelled.set(key, raw);
      skipSpace();
      if (text[i] !== ":") fail(keyPath, `väntade ":" efter nyckeln men fick ${found()}`);
      i++;
      const value = readValue(keyPath, depth);
      // Plain assignment would make "__proto__" change the prototype.
      if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      else obj[key] = value;
      skipSpace();
      if (text[i] === ",") i++;
      else if (text[i] === "}") {
        i++;
        return obj;
      } else fail(path, `väntade "," eller "}" men fick ${found()}`);
    }
  };

  const readArray = (path: string, depth: number): unknown[] => {
    const arr: unknown[] = [];
    i++; // [
    skipSpace();
    if (text[i] === "]") {
      i++;
      return arr;
    }
    for (;;) {
      arr.push(readValue(child(path, arr.length), depth));
      skipSpace();
      if (text[i] === ",") i++;
      else if (text[i] === "]") {
        i++;
        return arr;
      } else fail(path, `väntade "," eller "]" men fick ${found()}`);
    }
  };

  skipSpace();
  if (i >= text.length) fail("", "texten är tom");
  const value = readValue("", 0);
  skipSpace();
  if (i < text.length) fail("", `text efter slutet av JSON-värdet (${found()})`);
  if (duplicates.length) throw new JsonTextError(duplicates);
  return value;
}

const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
const LITERALS: ReadonlyArray<readonly [string, unknown]> = [
  ["true", true],
  ["false", false],
  ["null", null],
];
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
