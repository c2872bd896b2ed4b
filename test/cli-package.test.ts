/**
 * The xlsx package checked before it is inflated (src/cli/package.ts): a zip
 * bomb, a package lying about its sizes, a very wide sheet and a sheet with
 * too many cells are refused naming the limit; a package with absolute part
 * paths (as openpyxl writes them, exceljs#2797) is read like the original.
 * The packages are built here: no large file is committed.
 */
import { strFromU8, strToU8, unzipSync, zipSync, Zippable } from "fflate";
import { randomBytes } from "node:crypto";
import { constants, deflateRawSync } from "node:zlib";
import { centralDirectory, countCells, normaliseRels, PACKAGE_LIMITS, preparePackage } from "../src/cli/package";
import { readXlsxBytes, writeXlsx } from "../src/cli/xlsx";
import { templateSpec } from "../src/cli/sheets";
import { StimError } from "../src/core/errors";

/** A zip of one or more stored raw-deflate entries, with the sizes the central directory should declare. */
function zipOf(entries: { name: string; deflated: Buffer; size: number; method?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method ?? 8, 8);
    local.writeUInt32LE(0, 14); // crc: never reached, the package is refused first
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(e.method ?? 8, 10);
    cd.writeUInt32LE(e.deflated.length, 20);
    cd.writeUInt32LE(e.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    central.push(cd, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBytes, end]);
}

/**
 * Raw deflate of `chunk` repeated `times` times, built cheaply: a chunk
 * compressed with a full flush does not refer back to earlier data, so the
 * same bytes repeated are a valid stream of the repeated text.
 */
function repeatedDeflate(chunk: Buffer, times: number, head = Buffer.alloc(0), tail = Buffer.alloc(0)): Buffer {
  const flushed = (b: Buffer) => deflateRawSync(b, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const one = flushed(chunk);
  return Buffer.concat([flushed(head), ...Array.from({ length: times }, () => one), deflateRawSync(tail)]);
}

const refusal = (bytes: Uint8Array): string => {
  try {
    preparePackage(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(StimError);
    return (e as Error).message;
  }
  throw new Error("not refused");
};

describe("a zip bomb is refused from the zip directory, before inflating", () => {
  // 3 800 × 1 MB of zeros: about 3.8 MB compressed, 3.8 GB inflated.
  const MB = 1_000_000;
  const bomb = repeatedDeflate(Buffer.alloc(MB), 3_800);

  test("the bomb is what the issue describes: a few MB that would inflate to gigabytes", () => {
    expect(bomb.length).toBeGreaterThan(3_000_000);
    expect(bomb.length).toBeLessThan(5_000_000);
  });

  test("declared honestly (3.8 GB): refused naming the limit, without inflating", () => {
    const zip = zipOf([{ name: "xl/worksheets/sheet1.xml", deflated: bomb, size: 3_800 * MB }]);
    const before = process.memoryUsage().rss;
    const message = refusal(zip);
    expect(message).toMatch(/^Delen xl\/worksheets\/sheet1\.xml i filen packas upp till 3 800 MB; gränsen för en del är 50 MB\.$/);
    // Nothing of the 3.8 GB was allocated.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  test("spread over many entries under the per-entry limit: the total is refused", () => {
    // Each entry is within the per-entry limit and ratio; together they are not (refused from the directory alone).
    const part = deflateRawSync(randomBytes(MB));
    const zip = zipOf(Array.from({ length: 5 }, (_, i) => ({ name: `xl/media/image${i}.bin`, deflated: part, size: 12 * MB })));
    expect(refusal(zip)).toBe("Filen packas upp till 60 MB; gränsen för en arbetsbok är 50 MB.");
  });

  test("a smaller bomb under the size limits: refused by its compression ratio", () => {
    const part = repeatedDeflate(Buffer.alloc(MB), 20);
    const zip = zipOf([{ name: "xl/sharedStrings.xml", deflated: part, size: 20 * MB }]);
    expect(refusal(zip)).toMatch(/^Delen xl\/sharedStrings\.xml i filen är packad \d[\d ]* gånger \(20 MB\); gränsen är 200 gånger: filen ser ut som en zip-bomb\.$/);
  });

  test("a package that lies about its size (declares 1 000 bytes, holds 3.8 GB): refused as soon as it passes the figure", () => {
    const zip = zipOf([{ name: "xl/worksheets/sheet1.xml", deflated: bomb, size: 1_000 }]);
    expect(refusal(zip)).toMatch(/^Filen kan inte läsas som \.xlsx \(skadad eller ofullständig\): delen xl\/worksheets\/sheet1\.xml är större än zip-katalogen uppger;/);
  });

  test("too many entries", () => {
    const empty = deflateRawSync(Buffer.alloc(0));
    const zip = zipOf(Array.from({ length: PACKAGE_LIMITS.entries + 1 }, (_, i) => ({ name: `x/${i}`, deflated: empty, size: 0 })));
    expect(refusal(zip)).toBe("Filen har 5 001 delar; gränsen för en arbetsbok är 5 000.");
  });

  test("through readXlsxBytes, the bomb is one Swedish line (StimError), not a crash", async () => {
    const zip = zipOf([{ name: "xl/worksheets/sheet1.xml", deflated: bomb, size: 3_800 * MB }]);
    await expect(readXlsxBytes(zip, "bomb.xlsx")).rejects.toThrow(/gränsen för en del är 50 MB/);
  });
});

describe("sheets with too many cells are refused before a grid is built", () => {
  const sheetHead = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const sheetTail = Buffer.from("</sheetData></worksheet>");

  test("16 384 columns × 300 rows on a second sheet: refused naming a limit", () => {
    const row = Buffer.from(`<row>${"<c><v>1</v></c>".repeat(16_384)}</row>`);
    const wide = repeatedDeflate(row, 300, sheetHead, sheetTail);
    const size = sheetHead.length + row.length * 300 + sheetTail.length;
    const small = deflateRawSync(Buffer.from(`${sheetHead}<row><c><v>1</v></c></row>${sheetTail}`));
    const zip = zipOf([
      { name: "xl/worksheets/sheet1.xml", deflated: small, size: sheetHead.length + 26 + sheetTail.length },
      { name: "xl/worksheets/sheet2.xml", deflated: wide, size },
    ]);
    expect(refusal(zip)).toMatch(/gränsen för (en del|en arbetsbok) är 50 MB|gränsen är 200 gånger|gränsen för ett blad är 200 000/);
  });

  test("a sheet within the byte limits but with more cells than the limit: counted in the XML and refused", () => {
    // Varied values so that neither the size nor the ratio refuses it: only the cell count does.
    const rows: string[] = [];
    for (let r = 0; r < 700; r++) {
      const cells: string[] = [];
      for (let c = 0; c < 300; c++) cells.push(`<c r="${r}:${c}" t="n"><v>${(r * 7919 + c * 104_729) % 1_000_003}</v></c>`);
      rows.push(`<row r="${r + 1}">${cells.join("")}</row>`);
    }
    const xml = Buffer.from(`${sheetHead}${rows.join("")}${sheetTail}`);
    const zip = zipOf([{ name: "xl/worksheets/sheet1.xml", deflated: deflateRawSync(xml), size: xml.length }]);
    expect(centralDirectory(zip)[0].size).toBeLessThan(PACKAGE_LIMITS.entryBytes);
    expect(refusal(zip)).toBe("Bladet i xl/worksheets/sheet1.xml har mer än 200 000 celler; gränsen för ett blad är 200 000 (en fördelningstabell har högst omkring 50 000).");
  });

  test("two sheets each under the per-sheet limit, together over the workbook's: refused", () => {
    const sheetOf = (n: number) => {
      const cells: string[] = [];
      for (let i = 0; i < n; i++) cells.push(`<c><v>${(i * 7919) % 100_003}</v></c>`);
      return Buffer.from(`${sheetHead}<row>${cells.join("")}</row>${sheetTail}`);
    };
    const xml = sheetOf(150_001);
    const part = deflateRawSync(xml);
    const zip = zipOf([1, 2].map((i) => ({ name: `xl/worksheets/sheet${i}.xml`, deflated: part, size: xml.length })));
    expect(refusal(zip)).toBe("Arbetsbokens blad har tillsammans mer än 300 000 celler; gränsen för en arbetsbok är 300 000.");
  });

  test("countCells counts cell elements only, also with a namespace prefix", () => {
    const xml = '<sheetData><row r="1"><c r="A1"><v>1</v></c><c/><c\tr="C1"></c><x:c r="D1"/><cols/><col/><cfRule/><row/></row></sheetData>';
    expect(countCells(Buffer.from(xml))).toBe(4);
    expect(countCells(Buffer.from("<c/>".repeat(10)), 3)).toBe(4);
  });

  test("the largest workbook Stimulans writes passes every limit unchanged", async () => {
    const bytes = await writeXlsx(templateSpec("aldre-2014", undefined, true));
    expect(preparePackage(bytes)).toBe(bytes);
  }, 60_000);
});

describe("the row limit counts rows that hold content", () => {
  test("an empty styled row 1048576 (as LibreOffice writes after row edits) is read, not refused", async () => {
    const original = await writeXlsx(templateSpec("prio-2014", "01", true));
    const files = unzipSync(original);
    const xml = strFromU8(files["xl/worksheets/sheet1.xml"]);
    files["xl/worksheets/sheet1.xml"] = strToU8(xml.replace("</sheetData>", '<row r="1048576" s="1" customFormat="1"></row></sheetData>'));
    const grids = await readXlsxBytes(Buffer.from(zipSync(files)), "lo.xlsx");
    const plain = await readXlsxBytes(Buffer.from(original), "mall.xlsx");
    expect(grids[0].values.filter((r) => r.some((v) => v !== "" && v !== undefined))).toEqual(plain[0].values.filter((r) => r.some((v) => v !== "" && v !== undefined)));
  }, 60_000);
});

describe("absolute part paths (openpyxl) are made relative before ExcelJS reads the package", () => {
  test("normaliseRels: relative to the part's folder; external links kept; unknown note names unlinked", () => {
    const rels = (body: string) => `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
    const ws = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    const link = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
    const com = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
    expect(normaliseRels("xl/_rels/workbook.xml.rels", rels(`<Relationship Type="${ws}" Target="/xl/worksheets/sheet1.xml" Id="rId1"/>`))).toBe(
      rels(`<Relationship Type="${ws}" Target="worksheets/sheet1.xml" Id="rId1"/>`),
    );
    expect(normaliseRels("_rels/.rels", rels(`<Relationship Target="/xl/workbook.xml" Id="rId1" Type="x"/>`))).toBe(rels(`<Relationship Target="xl/workbook.xml" Id="rId1" Type="x"/>`));
    expect(normaliseRels("xl/worksheets/_rels/sheet1.xml.rels", rels(`<Relationship Type="t" Target="/xl/tables/table1.xml" Id="rId1"/>`))).toBe(
      rels(`<Relationship Type="t" Target="../tables/table1.xml" Id="rId1"/>`),
    );
    // Already relative, or an external link: unchanged.
    expect(normaliseRels("xl/_rels/workbook.xml.rels", rels(`<Relationship Type="${ws}" Target="worksheets/sheet1.xml" Id="rId1"/>`))).toBeUndefined();
    expect(normaliseRels("xl/worksheets/_rels/sheet1.xml.rels", rels(`<Relationship Type="${link}" Target="/x" TargetMode="External" Id="rId1"/>`))).toBeUndefined();
    // Notes where ExcelJS expects them stay; openpyxl's names are unlinked.
    expect(normaliseRels("xl/worksheets/_rels/sheet1.xml.rels", rels(`<Relationship Type="${com}" Target="../comments1.xml" Id="c"/>`))).toBeUndefined();
    expect(normaliseRels("xl/worksheets/_rels/sheet1.xml.rels", rels(`<Relationship Type="${com}" Target="/xl/comments/comment1.xml" Id="c"/>`))).toBe(rels(""));
  });

  test("a generated template re-packed with absolute paths and openpyxl's note names reads exactly like the original", async () => {
    const original = await writeXlsx(templateSpec("prio-2014", "01", true));
    const files = unzipSync(original);
    const out: Zippable = {};
    let rewritten = 0;
    for (const [name, data] of Object.entries(files)) {
      let outName = name;
      let bytes: Uint8Array = data;
      if (name.endsWith(".rels")) {
        const base = name.replace(/_rels\/[^/]*\.rels$/, "");
        let text = strFromU8(data).replace(/Target="(?!\/)([^"]+)"/g, (m, t: string) => {
          if (/^https?:/.test(t)) return m;
          rewritten++;
          const parts = (base + t).split("/");
          const stack: string[] = [];
          for (const p of parts) {
            if (p === "..") stack.pop();
            else if (p) stack.push(p);
          }
          return `Target="/${stack.join("/")}"`;
        });
        text = text.replace(/\/xl\/comments(\d+)\.xml/g, "/xl/comments/comment$1.xml");
        bytes = strToU8(text);
      }
      const m = /^xl\/comments(\d+)\.xml$/.exec(name);
      if (m) outName = `xl/comments/comment${m[1]}.xml`;
      out[outName] = bytes;
    }
    expect(rewritten).toBeGreaterThan(5);
    const absolute = zipSync(out);
    expect(strFromU8(unzipSync(absolute)["xl/_rels/workbook.xml.rels"])).toContain('Target="/xl/worksheets/sheet1.xml"');
    const [a, b] = [await readXlsxBytes(Buffer.from(original), "a.xlsx"), await readXlsxBytes(Buffer.from(absolute), "b.xlsx")];
    expect(b.map((g) => g.name)).toEqual(["Fördelning", "Regler", "Antaganden", "Källkonflikter", "Kalender"]);
    expect(b).toEqual(a);
  }, 60_000);
});
