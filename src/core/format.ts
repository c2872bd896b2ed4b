/**
 * One way to show values in Swedish, for every face: CLI text, strings that
 * Excel functions return, the task pane, generated docs and (later) xlsx
 * text. Pure: no Office, DOM or Node; numbers are formatted from their exact
 * value (bigint, exact fraction or decimal string), never through a float.
 *
 * Choices, and why:
 * - Thousands separator: an ordinary space (U+0020), "1 234 567 kr". Swedish
 *   usage groups digits in threes with a space; an ordinary one is what users
 *   type and search for, and it survives terminals, markdown, CSV and Excel
 *   strings unchanged. Every parser in the project reads it back (spaces,
 *   U+00A0 and U+202F inside one number are dropped). Keeping an amount on one
 *   line is the layout's job, not the character's: the task pane's amount
 *   cells have `white-space: nowrap`.
 * - Minus: ASCII hyphen-minus (U+002D), "-1 500 kr". It is what Excel shows
 *   for a negative number and what Excel, JSON, the shell and `parseScaled`
 *   read back. U+2212 (Intl's sv-SE choice) would turn a copied number into
 *   text in Excel.
 * - Decimal comma, and a space before the unit: "82,30 %", "1 234,50 kr".
 * - Dates in ISO 8601 (SS-ISO 8601, the Swedish standard): "2014-11-14";
 *   periods "2014-01-01 – 2014-11-14", both days included. Long forms
 *   ("14 november 2014") where prose reads better.
 * - Percentages round half away from zero on the exact value. Beside a
 *   verdict use `formatShareAgainst`: it adds digits until the number shown
 *   agrees with the exact comparison (79,99985 % is "79,9999 %", never
 *   "80,00 %" next to "inte ≥ 80 %").
 * Excel cells get numbers, not this text: Excel shows them in the user's own
 * number format. Text here is for sentences, tables and labels.
 */
import { isDecimal, parseScaled } from "./decimal";
import { fromScaled, type Fraction } from "./fraction";
import type { Citation, Comparison, RecipientStatus, SourceDocument, SourceKind, SummaryKind } from "./model";
import { sourceDocument } from "../reference/sources";

/** The thousands separator in text (see the module comment). */
export const GROUP_SEPARATOR = " ";
/** The minus sign in text (see the module comment). */
export const MINUS = "-";
/** Shown instead of a number that is not finite (NaN, ±∞). */
export const NOT_A_NUMBER = "–";

/** Anything with an exact value: integers, exact fractions, and numbers or decimal strings ("0.8", "1.5e3"). */
export type Exact = bigint | number | string | Fraction;

function isFraction(v: unknown): v is Fraction {
  return typeof v === "object" && v !== null && typeof (v as Fraction).n === "bigint" && typeof (v as Fraction).d === "bigint";
}

/** The exact value as a fraction with a positive denominator; undefined when it is not a finite number. */
export function toFraction(v: Exact): Fraction | undefined {
  if (typeof v === "bigint") return { n: v, d: 1n };
  if (isFraction(v)) {
    if (v.d === 0n) return undefined;
    return v.d < 0n ? { n: -v.n, d: -v.d } : v;
  }
  if (typeof v === "number" && !Number.isFinite(v)) return undefined;
  if (typeof v === "number" && Number.isSafeInteger(v)) return { n: BigInt(v), d: 1n };
  if (typeof v === "string") {
    // The common case, a plain decimal ("0.8", "-12", "1234.50"), read directly.
    const m = PLAIN_DECIMAL.exec(v);
    if (m) {
      const mag = BigInt(m[2] + (m[3] ?? ""));
      return { n: m[1] ? -mag : mag, d: 10n ** BigInt((m[3] ?? "").length) };
    }
  }
  // Anything else (exponent form, a number with decimals) through the exact parser, read as written.
  const text = typeof v === "string" ? v.trim() : v;
  const neg = typeof text === "string" && text.startsWith("-");
  const p = parseScaled(neg ? (text as string).slice(1) : text);
  if (!p) return undefined;
  const f = fromScaled(p.value, neg !== p.negative);
  return f;
}

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const abs = (x: bigint) => (x < 0n ? -x : x);
const percentOf = (f: Fraction): Fraction => ({ n: f.n * 100n, d: f.d });

/** Groups the digits of a non-negative integer: "1234567" → "1 234 567". */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR);
}

/** value × 10^decimals rounded half away from zero. */
function scaledRound(f: Fraction, decimals: number): bigint {
  const q = abs(f.n) * 10n ** BigInt(decimals);
  const r = (2n * q + f.d) / (2n * f.d);
  return f.n < 0n ? -r : r;
}

/** Text of an integer count of 10^-decimals units: (-123456, 2) → "-1 234,56". */
function scaledText(n: bigint, decimals: number): string {
  const digits = abs(n).toString().padStart(decimals + 1, "0");
  const int = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return `${n < 0n ? MINUS : ""}${group(int)}${decimals > 0 ? "," + frac : ""}`;
}

/** Decimals needed to write the fraction exactly; undefined when its expansion does not terminate. */
function exactDecimals(f: Fraction): number | undefined {
  if (f.d === 1n) return 0;
  let a = abs(f.n);
  let b = f.d;
  while (b !== 0n) [a, b] = [b, a % b];
  let den = f.d / (a === 0n ? f.d : a);
  let twos = 0;
  let fives = 0;
  for (; den % 2n === 0n; twos++) den /= 2n;
  for (; den % 5n === 0n; fives++) den /= 5n;
  return den === 1n ? Math.max(twos, fives) : undefined;
}

/**
 * A number in Swedish: "1 234 567", "0,5", "-1 234,50". With `decimals`,
 * exactly that many (rounded half away from zero); without, every digit of
 * the exact value (a fraction that does not terminate gets 12 decimals).
 */
export function formatNumber(value: Exact, decimals?: number): string {
  const f = toFraction(value);
  if (!f) return NOT_A_NUMBER;
  const k = decimals ?? exactDecimals(f) ?? 12;
  if (k === 0 && f.d === 1n) return `${f.n < 0n ? MINUS : ""}${group(abs(f.n).toString())}`;
  return scaledText(scaledRound(f, k), k);
}

/**
 * A measured quantity with at most `maxDecimals` decimals, trailing zeros
 * dropped, and "≈ " when the value had to be rounded: "10 815,21",
 * "6 489,126", "≈ 33,33".
 */
export function formatDecimal(value: Exact, maxDecimals = 2): string {
  const f = toFraction(value);
  if (!f) return NOT_A_NUMBER;
  const k = exactDecimals(f);
  if (k !== undefined && k <= maxDecimals) return formatNumber(f, k);
  const rounded = formatNumber(f, maxDecimals);
  return `≈ ${rounded.includes(",") ? rounded.replace(/0+$/, "").replace(/,$/, "") : rounded}`;
}

/** A change with its sign: "+2,5", "-1", "0" (as `formatDecimal`). */
export function formatChange(value: Exact, maxDecimals = 2): string {
  const f = toFraction(value);
  if (!f) return NOT_A_NUMBER;
  const text = formatDecimal(f, maxDecimals);
  return f.n > 0n ? (text.startsWith("≈ ") ? `≈ +${text.slice(2)}` : `+${text}`) : text;
}

/** An integer with Swedish digit grouping, no unit: "1 234 567"; a non-integer keeps its decimals. */
export function formatInt(n: Exact): string {
  return formatNumber(n);
}

/**
 * Kronor: "1 234 567 kr". Whole kronor show no decimals; an amount with öre
 * shows at least two ("1 234,50 kr"), and every digit of an exact share
 * ("33,3333 kr" for "33.3333").
 */
export function formatKr(amount: Exact): string {
  const f = toFraction(amount);
  if (!f) return NOT_A_NUMBER;
  const k = exactDecimals(f);
  return `${formatNumber(f, k === 0 ? 0 : Math.max(2, k ?? 2))} kr`;
}

/** A change in kronor with its sign: "+12 kr", "-12 kr", "0 kr". */
export function formatKrChange(amount: Exact): string {
  const f = toFraction(amount);
  if (!f) return NOT_A_NUMBER;
  return `${f.n > 0n ? "+" : ""}${formatKr(f)}`;
}

/** A ratio (0.823) as a percentage with `decimals` decimals: "82,30 %". */
export function formatPercent(ratio: Exact, decimals = 2): string {
  const f = toFraction(ratio);
  if (!f) return NOT_A_NUMBER;
  return `${formatNumber(percentOf(f), decimals)} %`;
}

/** a − b compared with 0: -1, 0 or 1 (denominators positive). */
function compare(a: Fraction, b: Fraction): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

function holds(c: number, op: Comparison): boolean {
  return op === ">=" ? c >= 0 : c > 0;
}

/**
 * The number of decimals (at least `minDecimals`) at which a ratio, shown as
 * a percentage, agrees with its comparison against `threshold`: the number
 * shown compares with the threshold as the exact ratio does, and it equals the
 * threshold (at those decimals) only when the ratio does.
 */
export function decimalsAgainst(ratio: Exact, threshold: Exact, op: Comparison = ">=", minDecimals = 2): number {
  const r = toFraction(ratio);
  const t = toFraction(threshold);
  if (!r || !t) return minDecimals;
  const c = compare(r, t);
  const pct = percentOf(r);
  const tPct = percentOf(t);
  // Terminates: once half a unit of the last decimal is smaller than the gap
  // between ratio and threshold, rounding can neither reach nor cross it.
  for (let k = minDecimals; ; k++) {
    const shown = scaledRound(pct, k);
    const agrees = holds(compare({ n: shown, d: 10n ** BigInt(k) }, tPct), op) === holds(c, op);
    if (agrees && (c === 0 || shown !== scaledRound(tPct, k))) return k;
  }
}

/**
 * A ratio as a percentage beside a verdict against `threshold` (a rate such
 * as "0.8"): two decimals, or as many more (up to `maxDecimals`) as it takes
 * for the number shown to agree with the exact comparison. 245471/306840
 * against ≥ 0.8 → "79,9997 %" (two decimals would say 80,00 %). Closer than
 * `maxDecimals` can show: "knappt 80,00 %" / "drygt 80,00 %".
 */
export function formatShareAgainst(ratio: Exact, threshold: Exact, op: Comparison = ">=", options: { minDecimals?: number; maxDecimals?: number } = {}): string {
  const { minDecimals = 2, maxDecimals = 8 } = options;
  const r = toFraction(ratio);
  const t = toFraction(threshold);
  if (!r || !t) return NOT_A_NUMBER;
  const k = decimalsAgainst(r, t, op, minDecimals);
  if (k <= maxDecimals) return formatPercent(r, k);
  return `${compare(r, t) < 0 ? "knappt" : "drygt"} ${formatPercent(t, minDecimals)}`;
}

/** A threshold or split rate from the data ("0.8", "0.955") as a percentage, every digit: "80 %", "95,5 %". */
export function formatRate(rate: Exact): string {
  const f = toFraction(rate);
  if (!f) return NOT_A_NUMBER;
  return `${formatNumber(percentOf(f))} %`;
}

/** "≥" or ">". */
export function formatComparison(op: Comparison): string {
  return op === ">=" ? "≥" : ">";
}

/** A requirement on a share: "≥ 80 %", "> 95,5 %". */
export function formatThreshold(op: Comparison, rate: Exact): string {
  return `${formatComparison(op)} ${formatRate(rate)}`;
}

// ---------------------------------------------------------------------------
// Dates and periods

/** Month names, January first. */
export const SWEDISH_MONTHS: readonly string[] = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/** Year, month, day of a valid ISO date "YYYY-MM-DD", or undefined. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** Whether a string is a real calendar date in ISO form. */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

/** A date: ISO form is the Swedish standard, so "2014-11-14" stays as it is. */
export function formatDate(iso: string): string {
  return iso;
}

/** A date in words: "2014-11-14" → "14 november 2014" (text that is not a date is returned as it is). */
export function formatDateLong(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${d.day} ${SWEDISH_MONTHS[d.month - 1]} ${d.year}` : iso;
}

/**
 * A period "2014-01-01/2014-11-14" (both days included) as "2014-01-01 – 2014-11-14";
 * a single date as itself. `long`: "1 januari – 14 november 2014".
 */
export function formatPeriod(period: string, long = false): string {
  const parts = period.split("/");
  if (parts.length === 1) return long ? formatDateLong(period) : formatDate(period);
  const [from, to] = parts.map(parseIsoDate);
  if (parts.length !== 2 || !from || !to) return period;
  if (!long) return `${parts[0]} – ${parts[1]}`;
  const start = from.year === to.year ? `${from.day} ${SWEDISH_MONTHS[from.month - 1]}` : formatDateLong(parts[0]);
  return `${start} – ${formatDateLong(parts[1])}`;
}

// ---------------------------------------------------------------------------
// Statuses and verdicts

/** A recipient's status in a pot, in Swedish. */
export const RECIPIENT_STATUS_SV: Readonly<Record<RecipientStatus, string>> = {
  eligible: "behörig",
  "not-eligible": "inte behörig",
  "missing-data": "uppgift saknas",
  "not-applicable": "inte aktuell",
};

export function formatRecipientStatus(status: RecipientStatus): string {
  return RECIPIENT_STATUS_SV[status];
}

/**
 * A recipient's amount in one pot as a table cell: the amount when it
 * receives ("1 234 567"), "0" when it does not qualify, "saknas" when data
 * is missing, "–" when the pot does not concern it.
 */
export function formatRecipientAmount(status: RecipientStatus, amount: Exact): string {
  switch (status) {
    case "eligible":
      return formatInt(amount);
    case "not-eligible":
      return "0";
    case "missing-data":
      return "saknas";
    case "not-applicable":
      return "–";
  }
}

/** A rule's or criterion's verdict: true → "uppfyllt", false → "inte uppfyllt", null → "uppgift saknas". */
export function formatVerdict(met: boolean | null): string {
  return met === true ? "uppfyllt" : met === false ? "inte uppfyllt" : "uppgift saknas";
}

/** What kind of money a county summary line is. */
export const SUMMARY_KIND_SV: Readonly<Record<SummaryKind, string>> = {
  fixed: "fast",
  conditional: "villkorat",
  later: "meddelas senare",
  performance: "prestation",
};

export function formatSummaryKind(kind: SummaryKind): string {
  return SUMMARY_KIND_SV[kind];
}

// ---------------------------------------------------------------------------
// Citations (document registry: src/reference/sources.ts)

/** "short" for tight places (explanations, table columns); "full" for docs, STIM.SOURCE, the task pane. */
export type CitationForm = "short" | "full";

const NUMBERED = /^\d+(\.\d+)*$/;
const ANNEX = /^bilaga \d+$/i;

/**
 * A section as a reader finds it. Numbered: "§3.4.2" (short) / "avsnitt
 * 3.4.2" (full); an annex: "bilaga 2"; a heading, quoted as it stands:
 * ”Regionala stödstrukturer” / avsnittet ”Regionala stödstrukturer”.
 */
export function formatSection(section: string, form: CitationForm = "full"): string {
  if (NUMBERED.test(section)) return form === "short" ? `§${section}` : `avsnitt ${section}`;
  if (ANNEX.test(section)) return section.toLowerCase();
  return form === "short" ? `”${section}”` : `avsnittet ”${section}”`;
}

/** What kind of document a source is, in Swedish. */
export const SOURCE_KIND_SV: Readonly<Record<SourceKind, string>> = {
  "signed-agreement": "undertecknad överenskommelse",
  "government-decision": "regeringsbeslut",
  "skl-circular": "SKL-cirkulär",
  "skl-memo": "SKL-PM",
};

/** How a document is described in parentheses: "regeringsbeslut, undertecknad 2013-12-11", "SKL-cirkulär 13:66, 2013-12-16". */
function documentDescriptor(d: SourceDocument): string {
  // "undertecknad 2013-12-11" already says what a signed agreement is.
  const kind = d.kind === "signed-agreement" ? "" : SOURCE_KIND_SV[d.kind];
  // Neuter nouns (beslut, cirkulär) take "odaterat"; an agreement and a PM "odaterad".
  const undated = d.kind === "government-decision" || d.kind === "skl-circular" ? "odaterat" : "odaterad";
  const date = d.date ? `${d.date.role === "signed" ? "undertecknad " : ""}${formatDate(d.date.iso)}` : undated;
  return [[kind, d.reference ?? ""].filter(Boolean).join(" "), date].filter(Boolean).join(", ");
}

/**
 * A source document: "Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut,
 * undertecknad 2013-12-11)" (full) or "Psykisk ohälsa 2014" (short). A file
 * missing from the registry is shown by its file name.
 */
export function formatSourceDocument(doc: string, form: CitationForm = "full"): string {
  const d = sourceDocument(doc);
  if (!d) return doc;
  return form === "short" ? d.short : `${d.name} (${documentDescriptor(d)})`;
}

/**
 * A citation. Short: "Psykisk ohälsa 2014 §3.4.2". Full: "Överenskommelse om
 * psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt
 * 3.4.2". With `label`, the cited item follows: "…, avsnitt 3.4.2: Prestationsmål A 1".
 */
export function formatCitation(c: Citation, form: CitationForm = "full", options: { label?: boolean } = {}): string {
  const sep = form === "short" && NUMBERED.test(c.section) ? " " : ", ";
  const text = `${formatSourceDocument(c.doc, form)}${sep}${formatSection(c.section, form)}`;
  return options.label && c.label ? `${text}: ${c.label}` : text;
}

// ---------------------------------------------------------------------------
// Values in messages

/** A short Swedish description of a bad value for messages: what the user gave, as they gave it. */
export function describe(v: unknown): string {
  if (v === null) return "tomt värde";
  if (v === undefined) return "inget värde";
  if (typeof v === "string") return v.trim() === "" ? "tom text" : `texten "${v.length > 40 ? v.slice(0, 40) + "…" : v}"`;
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "NaN";
    if (!Number.isFinite(v)) return v > 0 ? "oändligt" : "minus oändligt";
    return String(v).replace(".", ","); // Swedish decimal comma
  }
  if (typeof v === "bigint") return v.toString();
  // An exact decimal, every digit as written; exponent form beyond e±21 ("1e+100000000" is never expanded).
  if (isDecimal(v)) return v.toString().replace(".", ",");
  if (typeof v === "boolean") return v ? "SANT" : "FALSKT";
  if (Array.isArray(v)) return `en lista med ${v.length} värden`;
  return typeof v;
}
