/**
 * County summary: every amount one county can receive across the agreements —
 * fixed, conditional, announced later, and performance-dependent — with the
 * minimum total, in the shape of the Stockholm table in SKL's memo (003).
 */
import { cite } from "./render";
import { formatKr } from "./format";
import { StimError } from "./errors";
import { Agreement, Citation, FixedAmount, Pot } from "./model";
import { getLan } from "../reference";

export type { SummaryKind } from "./model";
import type { SummaryKind } from "./model";

export interface SummaryItem {
  agreement: string;
  agreementTitle: string;
  pot: string;
  title: string;
  kind: SummaryKind;
  /** Whole kronor for fixed and conditional items; null otherwise. */
  amount: number | null;
  /** Swedish: the condition, or why the amount is not known. */
  note: string;
  source: Citation;
}

export interface CountySummary {
  county: string;
  name: string;
  items: SummaryItem[];
  /** Σ fixed amounts: what the county receives whatever happens. */
  minimum: number;
  /** Σ conditional amounts (if the condition is met). */
  conditional: number;
  /** Items whose amount is announced later. */
  later: number;
  /** Performance pots the county's kommuner, landsting or län can share. */
  performance: number;
}

function appliesTo(f: FixedAmount, all: FixedAmount[], lan: string, kommuner: readonly string[]): string[] {
  if (f.level === "lan" || f.level === "landsting") {
    if (f.recipients === "*") {
      const listed = all.filter((x) => x !== f && x.recipients !== "*" && (x.level === "lan" || x.level === "landsting"));
      return listed.some((x) => (x.recipients as string[]).includes(lan)) ? [] : [lan];
    }
    return f.recipients.includes(lan) ? [lan] : [];
  }
  if (f.level === "kommun") {
    if (f.recipients === "*") return [...kommuner];
    return f.recipients.filter((c) => kommuner.includes(c));
  }
  return [];
}

export function countySummary(agreements: readonly Agreement[], lanCode: string): CountySummary {
  const lan = getLan(lanCode);
  if (!lan) throw new StimError(`Okänd länskod "${lanCode}" (två siffror, t.ex. 01 för Stockholms län).`, "county");
  const items: SummaryItem[] = [];
  for (const a of agreements) {
    for (const pot of a.pots) {
      const applying = (pot.fixed ?? []).flatMap((f) => appliesTo(f, pot.fixed ?? [], lan.code, lan.kommuner).map((code) => ({ f, code })));
      // Several entries in one pot for the same county (e.g. three areas of
      // EBP in 003): each row is named by its own citation label.
      for (const { f, code } of applying) items.push(fixedItem(a, pot, f, code, applying.length > 1));
      if (pot.kind === "performance") {
        items.push({
          agreement: a.id,
          agreementTitle: a.title,
          pot: pot.id,
          title: pot.title,
          kind: "performance",
          amount: null,
          note: `Beroende på måluppfyllelse: andel av ${formatKr(pot.amount)} ${cite(pot.source)}${pot.outside ? `; betalas av ${pot.outside.payer}, utanför överenskommelsens totalbelopp` : ""}`,
          source: pot.source,
        });
      }
    }
  }
  const sum = (k: SummaryKind) => items.filter((i) => i.kind === k).reduce((s, i) => s + (i.amount ?? 0), 0);
  return {
    county: lan.code,
    name: lan.name,
    items,
    minimum: sum("fixed"),
    conditional: sum("conditional"),
    later: items.filter((i) => i.kind === "later").length,
    performance: items.filter((i) => i.kind === "performance").length,
  };
}

function fixedItem(a: Agreement, pot: Pot, f: FixedAmount, code: string, byEntry: boolean): SummaryItem {
  const kind: SummaryKind = f.amount === null ? "later" : f.condition ? "conditional" : "fixed";
  const who = f.level === "kommun" ? ` (kommun ${code})` : "";
  return {
    agreement: a.id,
    agreementTitle: a.title,
    pot: pot.id,
    title: (byEntry ? f.source.label : pot.title) + who,
    kind,
    amount: f.amount,
    note:
      kind === "later"
        ? `Beloppet meddelas senare ${cite(f.source)}`
        : kind === "conditional"
          ? `${f.condition} ${cite(f.source)}`
          : `Fast belopp ${cite(f.source)}`,
    source: f.source,
  };
}
