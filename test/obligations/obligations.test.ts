/**
 * Obligations: every one cited and dated, and the dates are those the
 * sources state. The expected table below is read from the seed documents
 * (section as printed, and the date the text gives); it is independent of
 * the data files it checks.
 */
import { AGREEMENTS } from "../../src/agreements";
import { checkAgreement, obligationDueProblem, statedDate } from "../../src/core/check";
import { Agreement } from "../../src/core/model";
import { addDays, calendarLines, entryTiming, obligationCalendar } from "../../src/core/obligations";

const byId = (id: string): Agreement => AGREEMENTS.find((a) => a.id === id)!;

/** [agreement, obligation, section, due as the source gives it]. */
const EXPECTED: [string, string, string, string][] = [
  // 002 Sammanhållen vård och omsorg om de mest sjuka äldre 2014
  ["aldre-2014", "genomforandeplan", "8", "2014-01-31"], // "under januari 2014"
  ["aldre-2014", "manadsrapportering", "5.3", "monthly 20 2013-12..2014-09"],
  ["aldre-2014", "rapportering-vardcentral", "5.3", "2014-01-20"],
  ["aldre-2014", "rapportering-utskrivningsklara", "5.3", "2014-04-20"],
  ["aldre-2014", "abic-beslut", "Bilaga 2", "2014-09-30"], // "före 1 oktober 2014"
  ["aldre-2014", "grundkrav-uppfoljning", "7", "2014-10-01"],
  ["aldre-2014", "prognos-delredovisning", "7", "2014-10-10"],
  ["aldre-2014", "resultat-till-socialstyrelsen", "7", "2014-11-01"],
  ["aldre-2014", "verksamhet-till-och-med", "12", "2014-12-31"],
  ["aldre-2014", "utvecklingsledare-huvudman", "5.2", "2015-01-01"],
  ["aldre-2014", "medel-2015", "2", "2015-01-01/2015-12-31"],
  ["aldre-2014", "slutlig-verksamhetsrapport", "7", "2015-03-31"],
  ["aldre-2014", "ekonomisk-redovisning", "10", "2015-03-31"],
  ["aldre-2014", "aterbetalning", "10", "2015-03-31"],
  ["aldre-2014", "utvardering-statskontoret", "11", "none"],
  ["aldre-2014", "famna-vardforetagarna-eu", "5.2", "none"],
  // 004 psykisk ohälsa 2014
  ["prio-2014", "skl-medel-2014", "2", "2014-01-01/2014-12-31"],
  ["prio-2014", "forhandsgranskning-begaran", "4", "2014-09-01"],
  ["prio-2014", "forhandsgranskning-svar", "4", "2014-09-30"], // "före den 1 oktober 2014"
  ["prio-2014", "prognos-delredovisning", "6", "2014-10-10"],
  ["prio-2014", "kontroll-inrapportering", "4", "2014-11-01"],
  ["prio-2014", "skl-till-socialstyrelsen", "4", "2014-11-14"],
  ["prio-2014", "slutlig-bedomning", "4", "2014-11-30"],
  ["prio-2014", "rekvisition", "5", "2014-12-01"],
  ["prio-2014", "samfinansiering-samrad", "5", "none"],
  ["prio-2014", "medel-2015", "2", "2015-01-01/2015-12-31"],
  ["prio-2014", "slutlig-verksamhetsrapport", "6", "2015-03-31"],
  ["prio-2014", "ekonomisk-redovisning", "6", "2015-03-31"],
  ["prio-2014", "aterbetalning", "6", "2015-03-31"],
  ["prio-2014", "gemensam-uppfoljning", "4", "2015-06-01"],
  // 000 SKL-cirkulär 13:66 and 003 SKL-PM Stockholms län (ebp-2014)
  ["ebp-2014", "oj-handlingsplan", "Öppna jämförelser – Socialtjänst", "2014-02-07"],
  ["ebp-2014", "stodstrukturer-2014", "Regionala stödstrukturer", "2014-01-01/2014-12-31"],
  ["ebp-2014", "stodstrukturer-2015", "Regionala stödstrukturer", "2015-01-01/2015-12-31"],
  ["ebp-2014", "stodstrukturer-2016", "Regionala stödstrukturer", "2016-01-01"],
  ["ebp-2014", "ehalsa-avtal", "Stimulansbidrag till kommunerna och regionala avtal", "none"],
  ["ebp-2014", "ehalsa-egen-insats", "Stimulansbidrag till kommunerna och regionala avtal", "none"],
  ["ebp-2014", "ehalsa-samordnare", "Stimulansbidrag till kommunerna och regionala avtal", "none"],
  ["ebp-2014", "ehalsa-anvandning", "Stimulansbidrag till kommunerna och regionala avtal", "2014-01-01/2014-12-31"],
  ["ebp-2014", "ehalsa-privata-utforare", "Stimulansbidrag till kommunerna och regionala avtal", "2014-01-01/2014-12-31"],
  ["ebp-2014", "ehalsa-faktura", "Kommunal eHälsa", "none"],
  ["ebp-2014", "insatser-2014", "Tidplan", "2014-01-01/2014-12-31"],
  // 001 evidensbaserad praktik 2011
  ["ebp-2011", "arlig-rapport", "3.1.1", "none"],
  ["ebp-2011", "plan-efter-statliga-medel", "3.1.1", "2011-12-31"], // "Vid utgången av år 2011"
  ["ebp-2011", "bbic-villkor", "3.1.4", "none"],
  ["ebp-2011", "bbic-anstallningar", "3.1.4", "2011-07-01/2011-12-31"], // "andra halvåret 2011"
  ["ebp-2011", "ehalsa-villkor", "3.1.5", "2011-01-01/2011-12-31"],
  ["ebp-2011", "genomforandeplan", "5", "none"],
];

function dueText(a: Agreement, id: string): string {
  const o = a.obligations!.find((x) => x.id === id)!;
  const d = o.due;
  switch (d.kind) {
    case "date":
      return d.date;
    case "period":
      return `${d.from}/${d.to}`;
    case "monthly":
      return `monthly ${d.day} ${d.from}..${d.to}`;
    case "none":
      return "none";
  }
}

test("every obligation is in the expected table and nothing else is", () => {
  const actual = AGREEMENTS.flatMap((a) => (a.obligations ?? []).map((o) => `${a.id}/${o.id}`)).sort();
  expect(actual).toEqual(EXPECTED.map(([a, o]) => `${a}/${o}`).sort());
});

test.each(EXPECTED)("%s %s: §%s, %s", (agreement, id, section, due) => {
  const a = byId(agreement);
  const o = a.obligations!.find((x) => x.id === id);
  expect(o).toBeDefined();
  expect(o!.source.section).toBe(section);
  expect(dueText(a, id)).toBe(due);
  expect(o!.what.trim()).not.toBe("");
  expect(o!.consequence.trim()).not.toBe("");
});

test("a quote that states a full date ('senast den 31 mars 2015') states the obligation's date", () => {
  let checked = 0;
  for (const a of AGREEMENTS) {
    for (const o of a.obligations ?? []) {
      if (o.due.kind !== "date" || !o.source.quote) continue;
      const stated = statedDate(o.source.quote);
      if (!stated) continue;
      // "före den 1 oktober 2014" ends the day before; "senast den …" and "från och med den …" are the day itself.
      expect(/före/.test(o.source.quote) ? addDays(stated, -1) : stated).toBe(o.due.date);
      checked++;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(12);
});

test("the self-check accepts the data and refuses an obligation without a citation or with a bad date", () => {
  for (const a of AGREEMENTS) expect(checkAgreement(a).filter((i) => i.item.startsWith("åtagande"))).toEqual([]);
  const a = byId("prio-2014");
  const broken: Agreement = {
    ...a,
    obligations: [
      { ...a.obligations![0], id: "x1", due: { kind: "date", date: "2014-02-30" } },
      { ...a.obligations![0], id: "x2", source: undefined as never },
      { ...a.obligations![0], id: "x3", due: { kind: "monthly", day: 20, from: "2014-09", to: "2014-01" } },
      { ...a.obligations![0], id: "x4", due: { kind: "none", note: " " } },
    ],
  };
  const issues = checkAgreement(broken).filter((i) => i.item.startsWith("åtagande"));
  expect(issues.map((i) => i.item)).toEqual(["åtagande x1", "åtagande x2", "åtagande x3", "åtagande x4"]);
  expect(issues[0].message).toMatch(/2014-02-30/);
  expect(issues[1].message).toMatch(/källhänvisning/);
  expect(obligationDueProblem({ kind: "period", from: "2015-01-01", to: "2014-01-01" })).toMatch(/börjar/);
});

describe("the calendar", () => {
  test("the monthly rule expands to the 20th of each following month, 20 January – 20 October 2014", () => {
    const cal = obligationCalendar(AGREEMENTS, { agreement: "aldre-2014" });
    const monthly = cal.dated.filter((e) => e.obligationId === "manadsrapportering").map((e) => e.date);
    expect(monthly).toEqual(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"].map((m) => `2014-${m}-20`));
  });

  test("entries are in date order; --from keeps what has not ended before it", () => {
    const cal = obligationCalendar(AGREEMENTS, { from: "2015-01-01" });
    const dates = cal.dated.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    // Periods that run into 2015 stay (funds usable during 2015); everything ending in 2014 goes.
    expect(cal.dated.every((e) => (e.end ?? e.date) >= "2015-01-01")).toBe(true);
    expect(cal.dated.map((e) => e.key)).toContain("prio-2014/aterbetalning");
    expect(cal.dated.map((e) => e.key)).not.toContain("prio-2014/rekvisition");
  });

  test("a county sees the local parties' obligations only", () => {
    const cal = obligationCalendar(AGREEMENTS, { county: "01" });
    expect(new Set(cal.dated.map((e) => e.who))).toEqual(new Set(["kommunerna", "landstingen", "huvudmännen", "länet"]));
    expect(cal.dated.map((e) => e.key)).toContain("ebp-2014/oj-handlingsplan");
    expect(cal.dated.map((e) => e.key)).not.toContain("prio-2014/rekvisition");
  });

  test("timing against a day: passed, ongoing, to come", () => {
    expect(entryTiming({ date: "2014-12-01" }, "2014-12-02")).toBe("passerat");
    expect(entryTiming({ date: "2014-12-01" }, "2014-12-01")).toBe("pågår");
    expect(entryTiming({ date: "2015-01-01", end: "2015-12-31" }, "2015-06-01")).toBe("pågår");
    expect(entryTiming({ date: "2015-03-31" }, "2014-12-01")).toBe("kommande");
  });

  test("the text says what, who, when, the consequence and the source, in Swedish", () => {
    const text = calendarLines(obligationCalendar(AGREEMENTS, { agreement: "prio-2014" }), { today: "2014-11-20" }).join("\n");
    expect(text).toMatch(/2014-12-01 {2}prio-2014 \[kommande\]\n {4}SKL rekvirerar medlen .*\(senast 1 december 2014\)\n {4}Vem: SKL; till Kammarkollegiet\n {4}Om det missas: Rätten till bidraget för avsnitt 3\.1–3\.3 förfaller/);
    expect(text).toMatch(/Källa: Psykisk ohälsa 2014 §5/);
    expect(text).toMatch(/2014-11-14 {2}prio-2014 \[passerat\]/);
    expect(text).toMatch(/Utan datum i källorna:/);
    // A start ("från och med den 20 januari 2014", 002 §5.3) is not a deadline.
    const aldre = calendarLines(obligationCalendar(AGREEMENTS, { agreement: "aldre-2014" })).join("\n");
    expect(aldre).toMatch(/per vårdcentral och enhetsnivå \(från och med 20 januari 2014\)/);
    expect(aldre).toMatch(/övertas|tar över finansieringen från 2015 \(från och med 1 januari 2015\)/);
  });
});
