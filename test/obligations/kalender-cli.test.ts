/**
 * `stim kalender`: text, JSON and an iCalendar file that a maintained
 * parser (ical.js) reads back with the dates the sources state.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- ical.js ships its CommonJS build for require()
const ICAL = require("ical.js");
import { AGREEMENTS } from "../../src/agreements";
import { escapeText, foldLine, toICalendar } from "../../src/core/ical";
import { obligationCalendar } from "../../src/core/obligations";
import { run } from "../../src/cli/main";
import { fails, json } from "../cli-helpers";

const dir = () => mkdtempSync(join(tmpdir(), "stim-kalender-"));

interface Parsed {
  uid: string;
  summary: string;
  start: string;
  end: string;
  description: string;
  alarms: number;
}

function parse(text: string): Parsed[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents("vevent").map((v: typeof ICAL.Component) => {
    const e = new ICAL.Event(v);
    expect(e.startDate.isDate).toBe(true);
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      description: e.description,
      alarms: v.getAllSubcomponents("valarm").length,
    };
  });
}

describe("stim kalender --ics", () => {
  const d = dir();
  const file = join(d, "kalender.ics");
  const r = run(["kalender", "--ics", file]);
  const text = readFileSync(file, "utf8");
  const events = parse(text);

  test("reports what it wrote", () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Skrev \d+ händelser till .*kalender\.ics/);
  });

  test("is RFC 5545 text: CRLF line ends, no line over 75 octets, required properties", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:/);
    expect(text.match(/^DTSTAMP:\d{8}T\d{6}Z$/gm)).toHaveLength(events.length);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  test("every dated obligation is one all-day event with its date and summary (a period on its last day)", () => {
    const cal = obligationCalendar(AGREEMENTS);
    expect(events).toHaveLength(cal.dated.length);
    for (const [i, e] of cal.dated.entries()) {
      expect(events[i].start).toBe(e.end ?? e.date);
      expect(events[i].end).toBe(addOne(e.end ?? e.date));
      expect(events[i].summary).toContain(e.title);
      if (e.end) expect(events[i].summary).toMatch(/sista dagen/);
    }
    // 002 §2: funds earned in 2014 may be used during 2015 — the event is on 31 December 2015.
    expect(events.find((e) => e.uid.startsWith("aldre-2014/medel-2015"))).toMatchObject({ start: "2015-12-31", end: "2016-01-01" });
  });

  test("the sources' own dates are there (read from the seeds by hand)", () => {
    const on = (date: string, words: RegExp) => events.filter((e) => e.start === date && words.test(e.summary));
    expect(on("2015-03-31", /aldre-2014.*ekonomisk redovisning/)).toHaveLength(1); // 002 §10
    expect(on("2015-03-31", /aldre-2014.*återbetalas/)).toHaveLength(1); // 002 §10
    expect(on("2014-12-01", /prio-2014.*rekvirerar/)).toHaveLength(1); // 004 §5
    expect(on("2014-10-10", /prio-2014.*prognos/)).toHaveLength(1); // 004 §6
    expect(on("2015-06-01", /prio-2014.*gemensamma uppföljning/)).toHaveLength(1); // 004 §4
    expect(on("2014-02-07", /ebp-2014.*Öppna jämförelser/)).toHaveLength(1); // 003
    expect(on("2011-12-31", /ebp-2011.*plan/)).toHaveLength(1); // 001 §3.1.1
    // 002 §5.3: by the 20th of the month after each measured month.
    expect(events.filter((e) => /SKL:s databas senast den 20:e/.test(e.summary)).map((e) => e.start)).toEqual(
      ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"].map((m) => `2014-${m}-20`),
    );
    // The consequence and the citation travel with the event.
    const reclaim = on("2015-03-31", /prio-2014.*ekonomisk redovisning/)[0];
    expect(reclaim.description).toMatch(/återkräva stödet/);
    expect(reclaim.description).toMatch(/avsnitt 6/);
  });

  test("every event has one reminder a week before", () => {
    expect(events.every((e) => e.alarms === 1)).toBe(true);
    expect(text.match(/^TRIGGER:-P7D$/gm)).toHaveLength(events.length);
  });

  test("an existing file is not replaced without --force, and nothing else is left behind", () => {
    const before = readFileSync(file, "utf8");
    fails(["kalender", "--ics", file], /finns redan; ange --force/);
    expect(readFileSync(file, "utf8")).toBe(before);
    writeFileSync(file, "gammalt");
    const again = run(["kalender", "--ics", file, "--force", "--agreement", "prio-2014"]);
    expect(again.code).toBe(0);
    expect(parse(readFileSync(file, "utf8")).every((e) => e.summary.includes("prio-2014"))).toBe(true);
    expect(readdirSync(d)).toEqual(["kalender.ics"]);
  });
});

function addOne(iso: string): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

describe("iCalendar text", () => {
  test("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });
  test("folds at 75 octets without splitting å, ä, ö", () => {
    const line = `SUMMARY:${"åäö".repeat(40)}`;
    const folded = foldLine(line).split("\r\n");
    for (const l of folded) expect(Buffer.byteLength(l, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join("")).toBe(line);
    expect(folded.slice(1).every((l) => l.startsWith(" "))).toBe(true);
  });
  test("text with commas and semicolons survives a round trip through ical.js", () => {
    const [entry] = obligationCalendar(AGREEMENTS, { agreement: "ebp-2014" }).dated.filter((e) => e.obligationId === "ehalsa-anvandning");
    const parsed = parse(toICalendar([entry], { stamp: "20141201T080000Z" }));
    expect(parsed[0].summary).toContain("e-tjänster som stödjer den enskilde; säker roll- och behörighetsidentifikation;");
    expect(parsed[0].description.split("\n")[0]).toBe(entry.what);
  });
});

describe("stim kalender (text and JSON)", () => {
  test("--county 01 lists the county's obligations in date order", () => {
    const out = json(["kalender", "--county", "1", "--json"]);
    expect(out.scope.county).toBe("01");
    const dates = out.dated.map((e: { date: string }) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(out.dated.some((e: { who: string }) => e.who === "SKL")).toBe(false);
  });
  test("the text names the source of every entry", () => {
    const r = run(["kalender", "--agreement", "aldre-2014", "--from", "2015-01-01"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Åtaganden och sista datum: aldre-2014, från 2015-01-01/);
    expect(r.stdout).toMatch(/2015-03-31 {2}aldre-2014[^\n]*\n {4}Medel som inte utnyttjats återbetalas till Kammarkollegiet \(bankgiro 5052–5781\)/);
    expect(r.stdout).toMatch(/Källa: Mest sjuka äldre 2014 §10/);
  });
  test("bad input is one Swedish line with exit 2", () => {
    fails(["kalender", "--county", "99"], /--county ska vara en länskod/);
    fails(["kalender", "--from", "2014-13-01"], /--from ska vara ett datum/);
    fails(["kalender", "--agreement", "nope"], /Okänd överenskommelse/);
    fails(["kalender", "--force"], /--force gäller bara tillsammans med --ics/);
    fails(["kalender", "--ics", join(dir(), "saknas", "k.ics")], /kan inte skriva i mappen .*saknas: den finns inte/);
    const d = dir();
    fails(["kalender", "--ics", d], /ska sluta på \.ics/);
    mkdirSync(join(d, "mapp.ics"));
    fails(["kalender", "--ics", join(d, "mapp.ics")], /är en mapp/);
    expect(existsSync(join(d, "k.ics"))).toBe(false);
  });
});
