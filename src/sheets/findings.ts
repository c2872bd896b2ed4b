/**
 * What reading and validating a sheet reports: typed findings in Swedish,
 * each with the sheet and cell, the rule and its citation where there is one.
 */
import { cite } from "../core/render";
import { Citation } from "../core/model";

export type Severity =
  /** The input cannot be read as intended: no amount is checked until it is fixed. */
  | "fel"
  /** A value in the sheet differs from what the rules give. */
  | "avvikelse"
  /** Worth knowing, changes no number (a moved column, a recognised typo in a header). */
  | "notering";

export type FindingKind =
  | "no-table"
  | "unknown-agreement"
  | "missing-column"
  | "duplicate-column"
  | "unknown-column"
  | "header-guessed"
  | "column-moved"
  | "unknown-code"
  | "wrong-county"
  | "duplicate-row"
  | "missing-row"
  | "wrong-level"
  | "not-a-number"
  | "not-a-boolean"
  | "out-of-range"
  | "answer-at-wrong-level"
  | "inconsistent-answers"
  | "population-changed"
  | "amount-differs"
  | "status-differs"
  | "total-differs"
  | "formula-error"
  | "formula-replaced"
  | "merged-cell"
  | "scope-from-rows"
  | "formula-changed"
  | "not-computed"
  | "second-table"
  | "no-answers";

/** Each kind of finding in Swedish, for the report's "Typ" column (CLI and task pane). */
export const FINDING_KIND_SV: Readonly<Record<FindingKind, string>> = {
  "no-table": "ingen tabell",
  "unknown-agreement": "okänd överenskommelse",
  "missing-column": "kolumn saknas",
  "duplicate-column": "dubbel kolumn",
  "unknown-column": "okänd kolumn",
  "header-guessed": "rubrikrad gissad",
  "column-moved": "flyttad kolumn",
  "unknown-code": "okänd kod",
  "wrong-county": "fel län",
  "duplicate-row": "dubbel rad",
  "missing-row": "rad saknas",
  "wrong-level": "fel nivå",
  "not-a-number": "inget tal",
  "not-a-boolean": "inget ja/nej",
  "out-of-range": "utanför gränserna",
  "answer-at-wrong-level": "svar på fel nivå",
  "inconsistent-answers": "motstridiga svar",
  "population-changed": "ändrad folkmängd",
  "amount-differs": "belopp avviker",
  "status-differs": "status avviker",
  "total-differs": "summa avviker",
  "formula-error": "formel ger fel",
  "formula-replaced": "formel ersatt",
  "merged-cell": "sammanfogad cell",
  "scope-from-rows": "län läst ur raderna",
  "formula-changed": "formel ändrad",
  "not-computed": "formler inte beräknade",
  "second-table": "ytterligare fördelningsark",
  "no-answers": "inga svar ifyllda",
};

export interface Finding {
  severity: Severity;
  kind: FindingKind;
  sheet: string;
  /** A1 address on the sheet, when the finding is about a cell. */
  cell?: string;
  message: string;
  /** The rule, pot or criterion concerned ("GK1", "A1", "GK1.innehall"). */
  rule?: string;
  source?: Citation;
  expected?: string | number;
  found?: string | number;
  difference?: number;
}

export function finding(f: Finding): Finding {
  return f;
}

/** One line of text: "Fördelning!F7: … [GK1 (004 §3.4.1)]". */
export function findingText(f: Finding): string {
  const where = f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
  const rule = f.rule ? ` [${f.rule}${f.source ? ` ${cite(f.source)}` : ""}]` : "";
  return `${where}: ${f.message}${rule}`;
}

export function blocking(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "fel");
}

/** Findings per severity. */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const c = { fel: 0, avvikelse: 0, notering: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** "1 fil", "3 filer" */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1 fel, 2 avvikelser, 0 noteringar" */
export function findingsSummary(findings: readonly Finding[] | Record<Severity, number>): string {
  const c = Array.isArray(findings) ? countFindings(findings) : (findings as Record<Severity, number>);
  return `${plural(c.fel, "fel", "fel")}, ${plural(c.avvikelse, "avvikelse", "avvikelser")}, ${plural(c.notering, "notering", "noteringar")}`;
}
