/**
 * Dynamic arrays in an xlsx package, written the way Excel stores them:
 * ExcelJS writes a spill anchor as a plain formula with its cached value;
 * this marks it as a dynamic array afterwards — `<f t="array" ref="…">` on
 * the anchor, `cm="1"` on its cell, and `xl/metadata.xml` (XLDAPR,
 * `fDynamic="1"`) with its content type and workbook relationship
 * (docs/workbook.md, "How Excel stores a custom function in the file").
 * The covered cells keep their cached values as plain values, as in a file
 * Excel saves. Only moves bytes: which cells spill is the sheet layer's
 * (`CellSpec.spill`).
 */
import { colLetters, WorkbookSpec } from "../sheets";

// fflate's plain build, as in ./package.ts: the one-file CLI must not require `module`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { strFromU8, strToU8, unzipSync, zipSync } = require("fflate/browser") as typeof import("fflate");

const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>' +
  "</metadata>";

const METADATA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml";
const METADATA_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata";

/** The spill anchors of a workbook spec: sheet index → [A1 of the anchor, A1 range of the spill]. */
export function spillAnchors(spec: WorkbookSpec): Map<number, { at: string; ref: string }[]> {
  const out = new Map<number, { at: string; ref: string }[]>();
  spec.sheets.forEach((s, i) => {
    s.cells.forEach((row, r) =>
      row.forEach((c, k) => {
        if (!c?.spill) return;
        const at = `${colLetters(k)}${r + 1}`;
        const ref = `${at}:${colLetters(k + c.spill.cols - 1)}${r + c.spill.rows}`;
        out.set(i, [...(out.get(i) ?? []), { at, ref }]);
      }),
    );
  });
  return out;
}

/** Marks the spill anchors of `spec` in the package ExcelJS wrote. Returns the bytes unchanged when there is none. */
export function markSpills(bytes: Buffer, spec: WorkbookSpec): Buffer {
  const anchors = spillAnchors(spec);
  if (anchors.size === 0) return bytes;
  const files = unzipSync(new Uint8Array(bytes));
  const sheetPaths = sheetPartPaths(files);
  for (const [index, list] of anchors) {
    const path = sheetPaths[index];
    if (!path || !files[path]) throw new Error(`Bladet ${spec.sheets[index].name} saknas i paketet.`);
    let xml = strFromU8(files[path]);
    for (const { at, ref } of list) {
      const re = new RegExp(`<c r="${at}"([^>]*)><f>`);
      if (!re.test(xml)) throw new Error(`Spillcellen ${at} på ${spec.sheets[index].name} har ingen formel i paketet.`);
      xml = xml.replace(re, (_m, attrs: string) => `<c r="${at}"${attrs} cm="1"><f t="array" ref="${ref}">`);
    }
    files[path] = strToU8(xml);
  }
  files["xl/metadata.xml"] = strToU8(METADATA_XML);
  const types = strFromU8(files["[Content_Types].xml"]);
  if (!types.includes("/xl/metadata.xml")) {
    files["[Content_Types].xml"] = strToU8(types.replace("</Types>", `<Override PartName="/xl/metadata.xml" ContentType="${METADATA_TYPE}"/></Types>`));
  }
  const relsPath = "xl/_rels/workbook.xml.rels";
  const rels = strFromU8(files[relsPath]);
  if (!rels.includes(METADATA_REL)) {
    files[relsPath] = strToU8(rels.replace("</Relationships>", `<Relationship Id="rIdStimMetadata" Type="${METADATA_REL}" Target="metadata.xml"/></Relationships>`));
  }
  return Buffer.from(zipSync(files, { level: 6 }));
}

/** The worksheet parts in the workbook's sheet order (xl/workbook.xml and its relationships). */
function sheetPartPaths(files: Record<string, Uint8Array>): string[] {
  const wb = strFromU8(files["xl/workbook.xml"]);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]);
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const t = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, t.startsWith("/") ? t.slice(1) : `xl/${t}`);
  }
  return [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => target.get(/\br:id="([^"]+)"/.exec(m[0])?.[1] ?? "") ?? "");
}
