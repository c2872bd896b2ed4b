/** The Antaganden and Regler sheets speak Swedish: options by their labels, amounts in kronor, recipients in words. */
import { getAgreement } from "../../src/agreements";
import { buildWorkbook, SHEET_ASSUMPTIONS } from "../../src/sheets";

test("prio-2014's Antaganden sheet: the default and the alternatives by their Swedish labels", () => {
  const spec = buildWorkbook(getAgreement("prio-2014"));
  const sheet = spec.sheets.find((s) => s.name === SHEET_ASSUMPTIONS)!;
  const rows = sheet.cells.map((r) => r.map((c) => (c && "value" in c ? String(c.value) : "")));
  expect(rows[1]).toEqual(["Id", "Antagande", "Skäl", "Standardval", "Alternativ", "Källa"]);
  const below80 = rows.find((r) => r[0] === "prio-2014/county-below-80")!;
  expect(below80[3]).toBe("Ingen i länet får prestationsmedel");
  expect(below80[4]).toBe("Endast de kommuner och det landsting som själva uppfyller grundkraven får medel");
  const text = rows.map((r) => r.slice(1).join(" ")).join("\n");
  expect(text).not.toMatch(/none-in-county|complying-only|kommuner-may-receive|not-applicable-is-met|\[at-least\]|\[combined\]/);
});

test("the Regler sheet gives pot amounts in kronor and recipients in Swedish", () => {
  const spec = buildWorkbook(getAgreement("aldre-2014"));
  const sheet = spec.sheets.find((s) => s.name === "Regler")!;
  const rows = sheet.cells.map((r) => r.map((c) => (c && "value" in c ? String(c.value) : "")));
  const lkm = rows.find((r) => r[0] === "Pott" && r[1] === "LKM-OLAMPLIGA")!;
  expect(lkm[3]).toBe("100 000 000 kr");
  expect(lkm[4]).toBe("län");
});
