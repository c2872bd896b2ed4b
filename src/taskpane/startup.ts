/**
 * Where the task pane runs, decided once at start:
 * - inside Excel (office.js loaded, Office.onReady reports Excel): the
 *   workbook is Excel's, through office.js; theme and language are Office's;
 * - anywhere else (office.js missing, e.g. the CDN is unreachable, or loaded
 *   outside Office, or another Office application): the browser preview,
 *   against an in-memory workbook.
 */
import type { FormulaLocale } from "../functions/formula";
import type { OfficeThemeColors } from "./theme";
import { formulaLocaleFor } from "../runtime";

export type Where =
  | { kind: "excel"; theme?: OfficeThemeColors; formulaLocale: FormulaLocale }
  | { kind: "preview"; reason: "no-office-js" | "outside-office" | "other-host" };

/** The subset of office.js the start-up reads (so tests can pass a stand-in). */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  HostType: { Excel: unknown };
  context?: { officeTheme?: OfficeThemeColors; displayLanguage?: string };
}

export async function detectHost(office: OfficeLike | undefined): Promise<Where> {
  if (office === undefined) return { kind: "preview", reason: "no-office-js" };
  const info = await office.onReady();
  if (info.host === null || info.host === undefined) return { kind: "preview", reason: "outside-office" };
  if (info.host !== office.HostType.Excel) return { kind: "preview", reason: "other-host" };
  let theme: OfficeThemeColors | undefined;
  let language: string | undefined;
  try {
    theme = office.context?.officeTheme;
    language = office.context?.displayLanguage;
  } catch {
    // officeTheme throws on hosts that do not support it: keep the defaults.
  }
  return { kind: "excel", theme, formulaLocale: formulaLocaleFor(language) };
}
