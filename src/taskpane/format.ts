/**
 * The core's Swedish number formats, for the pane: every space inside a
 * formatted amount becomes a no-break space, so "692 500 000 kr" never
 * breaks across lines in a narrow pane.
 */
import { formatInt as coreInt, formatKr as coreKr, formatKrChange as coreKrChange } from "../runtime";

type Exact = Parameters<typeof coreKr>[0];

/** Any run of spaces (ordinary, narrow no-break) as one no-break space. */
export const noBreak = (text: string): string => text.replace(/[ \u202f]/g, "\u00a0");

export const formatKr = (amount: Exact): string => noBreak(coreKr(amount));
export const formatKrChange = (amount: Exact): string => noBreak(coreKrChange(amount));
export const formatInt = (n: Exact): string => noBreak(coreInt(n));

/**
 * An amount for a headline: millions as "237,8 mnkr" (one decimal), smaller
 * amounts in whole kronor ("45 000 kr").
 */
export function formatKrShort(amount: bigint): string {
  const a = amount < 0n ? -amount : amount;
  if (a < 1_000_000n) return formatKr(amount);
  const tenths = (a * 10n + 500_000n) / 1_000_000n; // rounded half up to 0,1 mnkr
  const whole = tenths / 10n;
  return noBreak(`${amount < 0n ? "−" : ""}${coreInt(whole)},${tenths % 10n} mnkr`);
}

/**
 * A sentence from the core with its amounts kept whole: the spaces between
 * digit groups and before a unit ("kr", "mnkr", "%") become no-break spaces.
 */
export function noBreakAmounts(text: string): string {
  return text.replace(/(\d)[ \u202f](?=\d{3}(?!\d))/g, "$1\u00a0").replace(/(\d)[ \u202f](?=(kr|mnkr|%|invånare)\b)/g, "$1\u00a0");
}
