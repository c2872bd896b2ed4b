/**
 * Swedish number formatting for the task pane.
 *
 * Separator choice: Intl.NumberFormat("sv-SE") groups thousands with a
 * no-break space (U+00A0; some ICU versions use U+202F). We keep a no-break
 * space everywhere, also between the number and "kr", so an amount never
 * wraps over two lines in the narrow task pane: "692 500 000 kr" where each
 * gap is U+00A0. Tests compare against "\u00a0". Use `toPlainSpaces` when a
 * regular space is needed (e.g. text meant for copying elsewhere).
 *
 * Intl also writes negative numbers with U+2212 (MINUS SIGN); we use the ASCII
 * hyphen-minus so the text matches what Excel shows.
 */
export const NBSP = "\u00a0";

const wholeKronor = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });
const withOre = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function normalise(text: string): string {
  return text.replace(/[\u00a0\u202f ]/g, NBSP).replace(/\u2212/g, "-");
}

/** 1234567 -> "1 234 567"; 1234.5 -> "1 234,50" (U+00A0 as thousands separator). */
export function formatNumberSv(value: number): string {
  if (!Number.isFinite(value)) return "–";
  const v = value + 0; // turns -0 into 0
  return normalise((Number.isInteger(v) ? wholeKronor : withOre).format(v));
}

/** 692500000 -> "692 500 000 kr"; amounts with öre keep two decimals: "1 234,50 kr". */
export function formatKronor(amount: number): string {
  if (!Number.isFinite(amount)) return "–";
  return `${formatNumberSv(amount)}${NBSP}kr`;
}

/** Replaces no-break spaces with regular spaces. */
export function toPlainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ");
}
