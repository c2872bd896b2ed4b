/**
 * Obligations as a calendar: what the agreements require besides money
 * (reports, deadlines, repayment, conditions), expanded to dates and put in
 * date order. Pure: every face (CLI, iCalendar, workbook sheet, task pane)
 * renders from these entries and holds no rule of its own.
 */
import { formatCitation, formatDateLong, isIsoDate, parseIsoDate, SWEDISH_MONTHS } from "./format";
import { Agreement, Citation, Obligation, ObligationParty, Status } from "./model";

/** Parties that act in a county (the others are national bodies). */
export const LOCAL_PARTIES: readonly ObligationParty[] = ["kommunerna", "landstingen", "huvudmännen", "länet"];

/** What every calendar entry says, dated or not. */
interface EntryBase {
  agreement: string;
  agreementTitle: string;
  obligationId: string;
  /** Unique across the calendar: "<agreement>/<obligation>" plus "/<YYYY-MM>" for monthly ones. */
  key: string;
  /** Swedish summary line: "SKL: ekonomisk redovisning …". */
  title: string;
  what: string;
  who: ObligationParty;
  to?: string;
  consequence: string;
  consequenceSourced: boolean;
  source: Citation;
  status: Status;
  assumptions: string[];
}

/** One dated occurrence of an obligation (a monthly rule gives one per month). */
export interface CalendarEntry extends EntryBase {
  /** The day it falls due, or the first day of a period (ISO). */
  date: string;
  /** The last day of a period (ISO); absent for a single day. */
  end?: string;
  /** Swedish: the date as the user reads it ("senast 31 mars 2015", "under 2015", "20 februari 2014 (januaridata)"). */
  when: string;
}

/** An obligation the sources give no date. */
export interface UndatedEntry extends EntryBase {
  note: string;
}

export interface Calendar {
  dated: CalendarEntry[];
  undated: UndatedEntry[];
}

export interface CalendarFilter {
  /** Only this agreement (id). */
  agreement?: string;
  /** Only what concerns a county: obligations of local parties (kommunerna, landstingen, huvudmännen, länet) for every county or this one. */
  county?: string;
  /** Only entries on or after this ISO date (periods: those not ended before it). */
  from?: string;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "2014-03" + 1 month → "2014-04". */
function nextMonth(ym: string): string {
  const [y, m] = ym.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${pad2(m + 1)}`;
}

/** An ISO date plus `days` (UTC arithmetic). */
export function addDays(iso: string, days: number): string {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`inte ett datum: ${iso}`);
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

/** "2014-01-01"–"2014-12-31" → "under 2014"; otherwise "1 juli – 31 december 2011". */
function periodText(from: string, to: string): string {
  const f = parseIsoDate(from)!;
  const t = parseIsoDate(to)!;
  if (f.year === t.year && f.month === 1 && f.day === 1 && t.month === 12 && t.day === 31) return `under ${f.year}`;
  const start = f.year === t.year ? `${f.day} ${SWEDISH_MONTHS[f.month - 1]}` : formatDateLong(from);
  return `${start} – ${formatDateLong(to)}`;
}

/** The summary line: the obligation's own words (which name the party). */
function titleOf(o: Obligation): string {
  return o.what;
}

/** The party as a capitalised subject: "Kommunerna", "SKL". */
export function partyName(p: ObligationParty): string {
  return p.charAt(0).toUpperCase() + p.slice(1);
}

/** Whether an obligation concerns `county` (see CalendarFilter.county). */
function concernsCounty(o: Obligation, county: string): boolean {
  if (o.counties && !o.counties.includes(county)) return false;
  return LOCAL_PARTIES.includes(o.who);
}

/** Expands the agreements' obligations to a calendar in date order. */
export function obligationCalendar(agreements: readonly Agreement[], filter: CalendarFilter = {}): Calendar {
  const dated: CalendarEntry[] = [];
  const undated: UndatedEntry[] = [];
  for (const a of agreements) {
    if (filter.agreement && a.id !== filter.agreement) continue;
    for (const o of a.obligations ?? []) {
      if (filter.county && !concernsCounty(o, filter.county)) continue;
      const base = {
        agreement: a.id,
        agreementTitle: a.title,
        obligationId: o.id,
        title: titleOf(o),
        what: o.what,
        who: o.who,
        to: o.to,
        consequence: o.consequence,
        consequenceSourced: o.consequenceSourced,
        source: o.source,
        status: o.status,
        assumptions: o.assumptions ?? [],
      };
      const key = `${a.id}/${o.id}`;
      const due = o.due;
      switch (due.kind) {
        case "date":
          dated.push({ ...base, key, date: due.date, when: `${due.from ? "från och med" : "senast"} ${formatDateLong(due.date)}` });
          break;
        case "period":
          dated.push({ ...base, key, date: due.from, end: due.to, when: periodText(due.from, due.to) });
          break;
        case "monthly":
          for (let m = due.from; m <= due.to; m = nextMonth(m)) {
            const date = `${nextMonth(m)}-${pad2(due.day)}`;
            const month = SWEDISH_MONTHS[Number(m.slice(5)) - 1];
            dated.push({ ...base, key: `${key}/${m}`, date, when: `senast ${formatDateLong(date)} (uppgifter för ${month} ${m.slice(0, 4)})` });
          }
          break;
        case "none":
          undated.push({ ...base, key, note: due.note });
          break;
      }
    }
  }
  const kept = filter.from ? dated.filter((e) => (e.end ?? e.date) >= filter.from!) : dated;
  kept.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { dated: kept, undated };
}

export type EntryTiming = "passerat" | "pågår" | "kommande";

/** Whether an entry lies before `today` (ISO), spans it, or is still to come. */
export function entryTiming(e: Pick<CalendarEntry, "date" | "end">, today: string): EntryTiming {
  if ((e.end ?? e.date) < today) return "passerat";
  return e.date <= today ? "pågår" : "kommande";
}

/** The consequence as shown: the source's words, or marked as our reading. */
export function consequenceText(e: Pick<CalendarEntry, "consequence" | "consequenceSourced">): string {
  if (e.consequenceSourced || /^Källan (anger|säger)/.test(e.consequence)) return e.consequence;
  return `${e.consequence} (vår läsning; källan anger ingen uttrycklig följd)`;
}

/**
 * The calendar as Swedish text lines (the CLI's output; other faces use the
 * same entries). With `today`, each dated entry says whether it has passed.
 */
export function calendarLines(cal: Calendar, options: { today?: string; heading?: string } = {}): string[] {
  const out: string[] = [];
  if (options.heading) out.push(options.heading, "");
  if (!cal.dated.length && !cal.undated.length) {
    out.push("Inga åtaganden matchar urvalet.");
    return out;
  }
  for (const e of cal.dated) {
    const timing = options.today && isIsoDate(options.today) ? ` [${entryTiming(e, options.today)}]` : "";
    out.push(`${e.date}${e.end ? ` – ${e.end}` : ""}  ${e.agreement}${timing}`);
    out.push(...entryDetail(e, e.when));
  }
  if (cal.undated.length) {
    out.push("", "Utan datum i källorna:");
    for (const e of cal.undated) {
      out.push(`–  ${e.agreement}`);
      out.push(...entryDetail(e, e.note));
    }
  }
  return out;
}

function entryDetail(e: CalendarEntry | UndatedEntry, when: string): string[] {
  const lines = [`    ${e.title} (${when})`, `    Vem: ${partyName(e.who)}${e.to ? `; till ${e.to}` : ""}`];
  lines.push(`    Om det missas: ${consequenceText(e)}`);
  const assumption = e.status === "assumption" || e.assumptions.length ? `; antaganden: ${e.assumptions.join(", ") || "se källan"}` : "";
  lines.push(`    Källa: ${formatCitation(e.source, "short")}${assumption}`);
  return lines;
}
