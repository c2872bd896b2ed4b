/**
 * The obligation calendar as an iCalendar file (RFC 5545) that Outlook,
 * Google Calendar and Apple Calendar import: all-day events (DTSTART;VALUE=DATE),
 * a stable UID per entry, DTSTAMP, escaped text, lines folded at 75 octets
 * and ended by CRLF, and a reminder (VALARM) a week before each deadline.
 * A period (funds usable during 2015) is one event on its last day.
 * Pure: the caller passes the time stamp.
 */
import { CalendarEntry, addDays, consequenceText, partyName } from "./obligations";
import { formatCitation } from "./format";

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/**
 * Folds a content line so no line exceeds 75 octets (RFC 5545 §3.1): a
 * continuation starts with one space. Never splits a UTF-8 character.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (octets + n > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74; // the leading space counts
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** "2014-03-31" → "20140331". */
const icalDate = (iso: string) => iso.replace(/-/g, "");

export interface ICalendarOptions {
  /** DTSTAMP in UTC, "YYYYMMDDTHHMMSSZ". */
  stamp: string;
  /** Days before a deadline to remind (default 7; 0 = no reminder). */
  remindDays?: number;
  /** Calendar name shown by the client. */
  name?: string;
}

/** A VCALENDAR with one all-day VEVENT per entry. */
export function toICalendar(entries: readonly CalendarEntry[], options: ICalendarOptions): string {
  if (!/^\d{8}T\d{6}Z$/.test(options.stamp)) throw new Error(`DTSTAMP ska vara ÅÅÅÅMMDDTHHMMSSZ (fick ${options.stamp})`);
  const remind = options.remindDays ?? 7;
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Stimulans//Åtaganden i överenskommelserna//SV",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(options.name ?? "Stimulansmedel: åtaganden")}`,
  ];
  for (const e of entries) {
    const description = [
      e.what,
      `Vem: ${partyName(e.who)}${e.to ? `; till ${e.to}` : ""}`,
      `När: ${e.when}`,
      `Om det missas: ${consequenceText(e)}`,
      `Källa: ${formatCitation(e.source, "full")}`,
      e.assumptions.length ? `Antaganden: ${e.assumptions.join(", ")}` : "",
      `Överenskommelse: ${e.agreementTitle} (${e.agreement})`,
    ].filter(Boolean);
    // A period is one event on its last day (a year-long banner helps no one); its span is in the text.
    const day = e.end ?? e.date;
    const summary = `${partyName(e.who)} (${e.agreement}): ${e.title}${e.end ? ` – sista dagen (${e.when})` : ""}`;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.key.replace(/[^A-Za-z0-9/-]/g, "-")}@stimulans`,
      `DTSTAMP:${options.stamp}`,
      `DTSTART;VALUE=DATE:${icalDate(day)}`,
      `DTEND;VALUE=DATE:${icalDate(addDays(day, 1))}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description.join("\n"))}`,
      `CATEGORIES:${escapeText(e.agreement)}`,
      "TRANSP:TRANSPARENT",
    );
    if (remind > 0) {
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", `TRIGGER:-P${remind}D`, `DESCRIPTION:${escapeText(`Om ${remind} dagar: ${e.title}`)}`, "END:VALARM");
    }
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
