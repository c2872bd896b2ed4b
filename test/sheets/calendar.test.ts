/** The sheet "Kalender" in the generated workbook: the obligations in date order, from the sources. */
import { getAgreement } from "../../src/agreements";
import { buildWorkbook } from "../../src/sheets/layout";
import { CALENDAR_HEADER, calendarSheet } from "../../src/sheets/calendar";

const values = (rows: ({ value?: unknown } | null)[][]) => rows.map((r) => r.map((c) => (c?.value ?? "") as string));

test("every workbook of an agreement with obligations ends with the sheet Kalender", () => {
  const wb = buildWorkbook(getAgreement("aldre-2014"));
  expect(wb.sheets.map((s) => s.name)).toEqual(["Fördelning", "Regler", "Antaganden", "Källkonflikter", "Kalender"]);
  expect(buildWorkbook(getAgreement("missbruk-2014")).sheets.map((s) => s.name)).not.toContain("Kalender");
});

test("aldre-2014: header, date order, and the dates of 002 §7, §10 and §5.3", () => {
  const sheet = calendarSheet(getAgreement("aldre-2014"));
  const v = values(sheet.cells);
  expect(v[3]).toEqual([...CALENDAR_HEADER]);
  const body = v.slice(4);
  const dated = body.filter((r) => r[0] !== "utan datum").map((r) => r[0]);
  expect(dated).toEqual([...dated].sort());
  const row = (what: RegExp) => body.find((r) => what.test(r[4]))!;
  expect(row(/ekonomisk redovisning/)).toEqual(expect.arrayContaining(["2015-03-31", "SKL", "Kammarkollegiet"]));
  expect(row(/ekonomisk redovisning/)[6]).toMatch(/återkräva stödet/);
  expect(row(/ekonomisk redovisning/)[7]).toBe("Mest sjuka äldre 2014 §10");
  expect(body.filter((r) => /SKL:s databas senast den 20:e/.test(r[4])).map((r) => r[0])).toEqual(
    ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"].map((m) => `2014-${m}-20`),
  );
  expect(body.filter((r) => /SKL:s databas senast den 20:e/.test(r[4])).every((r) => r[8] === "antagande")).toBe(true);
  expect(row(/Statskontoret/)[0]).toBe("utan datum");
  expect(sheet.freeze).toEqual({ rows: 4, columns: 0 });
  expect(sheet.columnWidths).toHaveLength(CALENDAR_HEADER.length);
});

test("a county workbook shows the county's parties only", () => {
  const sheet = buildWorkbook(getAgreement("prio-2014"), { county: "01" }).sheets.find((s) => s.name === "Kalender")!;
  const who = values(sheet.cells).slice(4).map((r) => r[3]);
  expect(new Set(who)).toEqual(new Set(["huvudmännen"]));
  expect(values(sheet.cells)[1][0]).toMatch(/län 01/);
});
