/**
 * Malformed numeric cells in an xlsx package (issue 15): `<v>0.9abc</v>`
 * and `<v>0x1p-1</v>` were read as 0.9 and 0 (ExcelJS uses parseFloat).
 * They are refused, naming sheet and cell.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readXlsxBytes, writeXlsx } from "../../src/cli/xlsx";
import { templateSpec } from "../../src/cli/sheets";
import { StimError } from "../../src/core/errors";
import { malformedNumbersInSheet } from "../../src/sheets/xmlcells";

describe("the cells of one worksheet part", () => {
  const sheet = (cells: string) => `<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
  test.each([
    ['<c r="A1"><v>0.9</v></c>', []],
    ['<c r="A1" t="n"><v>-1.5E-3</v></c>', []],
    ['<c r="A1"><f>1+1</f><v>2</v></c>', []],
    ['<c r="A1" t="s"><v>3</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1" t="str"><v>x</v></c>', []],
    ['<c r="A1"/><c r="B1" s="2"></c>', []],
    ['<c r="A1"><v>0.9abc</v></c>', [{ sheet: "Blad1", cell: "A1", text: "0.9abc" }]],
    ['<c r="B2" s="1"><v>0x1p-1</v></c>', [{ sheet: "Blad1", cell: "B2", text: "0x1p-1" }]],
    ['<c r="C3" t="n"><v>Infinity</v></c>', [{ sheet: "Blad1", cell: "C3", text: "Infinity" }]],
    ['<c r="D4"><v>1,5</v></c>', [{ sheet: "Blad1", cell: "D4", text: "1,5" }]],
    ['<c r="E5"><v></v></c>', []],
  ])("%s", (cells, expected) => {
    expect(malformedNumbersInSheet(sheet(cells), "Blad1")).toEqual(expected);
  });
});

describe("a package with a malformed numeric cell is refused, the cell named", () => {
  let good: Buffer;
  beforeAll(async () => {
    good = await writeXlsx(templateSpec("prio-2014", "01", true));
  }, 60_000);

  /** The package with the first numeric `<v>` of the allocation sheet replaced by `text`; the cell's address. */
  function seeded(text: string): { bytes: Buffer; cell: string } {
    const files = unzipSync(good);
    const part = Object.keys(files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && /<c r="[A-Z]+\d+"(?: s="\d+")?><v>\d/.test(strFromU8(files[n])))!;
    const xml = strFromU8(files[part]);
    const m = /<c r="([A-Z]+\d+)"((?: s="\d+")?)><v>([^<]*)<\/v>/.exec(xml)!;
    files[part] = strToU8(xml.replace(m[0], `<c r="${m[1]}"${m[2]}><v>${text}</v>`));
    return { bytes: Buffer.from(zipSync(files)), cell: m[1] };
  }

  test("the unchanged package reads", async () => {
    await expect(readXlsxBytes(good, "fil.xlsx")).resolves.toBeDefined();
  });

  test.each(["0.9abc", "0x1p-1"])("<v>%s</v>", async (text) => {
    const { bytes, cell } = seeded(text);
    const err = await readXlsxBytes(bytes, "fil.xlsx").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StimError);
    expect((err as Error).message).toContain(`!${cell} ("${text}")`);
    expect((err as Error).message).toMatch(/^Filen har talceller vars innehåll inte är ett tal: [^ ]+![A-Z]+\d+ \("/);
  });
});
