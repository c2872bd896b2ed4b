/**
 * "Bygg fördelningsark": the sheet layer's workbook for an agreement and a
 * scope (src/sheets `buildWorkbook`), written sheet by sheet into new
 * worksheets through the workbook adapter (`writeSheetSpec`: values,
 * formulas, formats, an Excel table, data validation). Names are made
 * unique against the sheets already there, so no existing sheet or cell is
 * touched. No layout here: this module only moves the sheet layer's sheets.
 */
import type { WorkbookAdapter } from "../../../office/workbook";
import { uniqueSheetName } from "../../../office/workbook";
import type { Report } from "../../operation";
import { AGREEMENTS, StimError, buildWorkbook, demoFacts, getLan } from "../../../runtime";

export interface BuildChoice {
  agreement: string;
  /** A länskod, or undefined for the whole country. */
  county?: string;
  /** Fill the inputs with the fictional demo data (marked FIKTIVT on the sheet). */
  demo: boolean;
}

export interface BuildResult {
  /** The sheets written, in order; the first is the allocation sheet. */
  sheets: string[];
  /** Recipient rows in the allocation table. */
  rows: number;
  fictional: boolean;
}

/** Writes the workbook for `choice` into new sheets and selects the allocation sheet. */
export async function buildSheets(workbook: WorkbookAdapter, choice: BuildChoice, report: Report): Promise<BuildResult> {
  const agreement = AGREEMENTS.find((a) => a.id === choice.agreement);
  if (!agreement) throw new StimError(`Okänd överenskommelse "${choice.agreement}"; välj en i listan.`);
  await report({ done: 0, total: 0, label: "Räknar fram bladen …" });
  const spec = buildWorkbook(agreement, { county: choice.county, facts: choice.demo ? demoFacts(agreement) : undefined });
  const taken = await workbook.listSheetNames();
  const names: string[] = [];
  for (const [i, sheet] of spec.sheets.entries()) {
    // A county's allocation sheet carries the county: "Fördelning 12 Skåne".
    const base = i === 0 && choice.county ? `${sheet.name} ${countyLabel(choice.county)}` : sheet.name;
    const name = uniqueSheetName(base, [...taken, ...names]);
    names.push(name);
  }
  const total = spec.sheets.length + 1;
  for (let i = 0; i < spec.sheets.length; i++) {
    await report({ done: i + 1, total, label: `Skriver bladet ”${names[i]}” (${i + 1} av ${spec.sheets.length}) …` });
    await workbook.writeSheetSpec({ ...spec.sheets[i], name: names[i] });
  }
  await workbook.selectRange(names[0], "A1");
  const table = spec.sheets[0].table;
  const rows = table ? tableRows(table.range) : 0;
  return { sheets: names, rows, fictional: spec.fictional };
}

/**
 * "12 Skåne" for a länskod: the code and the county's name without "län"
 * and its genitive s ("Stockholms län" → "Stockholm", "Skåne län" → "Skåne").
 * Every county's label fits a sheet name (at most 31 characters) after
 * "Fördelning ", the longest being "Fördelning 14 Västra Götaland" (29).
 */
export function countyLabel(code: string): string {
  const name = getLan(code)?.name;
  if (!name) return code;
  const short = name.replace(/ län$/, "");
  return `${code} ${short === name ? name : short.replace(/s$/, "")}`;
}

/** Data rows of a table range with its header row ("A7:AC318" → 311). */
function tableRows(range: string): number {
  const [a, b] = range.split(":").map((x) => Number(/\d+/.exec(x)?.[0] ?? 0));
  return Math.max(0, b - a);
}
