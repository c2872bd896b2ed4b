/**
 * The pane follows Office's theme: a dark Office theme (Excel's "Black" or
 * "Dark Gray") gives Fluent's web dark theme, anything else the light one.
 * In the browser preview the system's colour scheme decides. The values are
 * Fluent UI v9's, for the tokens the pane uses (themes.json, written by
 * `npm run themes` and checked against Fluent's themes by the tests).
 */
import themes from "./themes.json";

/** Token name → CSS value, as in Fluent's Theme objects. */
export type PaneTheme = Readonly<Record<string, string | number>>;

/** Relative luminance (0 black … 1 white) of "#rrggbb"; null when the text is no such colour. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex?.trim() ?? "");
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** Office's theme colours, as `Office.context.officeTheme` gives them (any may be missing). */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
}

/** Dark when Office's body background is dark; otherwise `prefersDark` (the system's setting) decides when Office says nothing. */
export function isDark(office: OfficeThemeColors | undefined, prefersDark = false): boolean {
  const l = luminance(office?.bodyBackgroundColor);
  return l === null ? prefersDark : l < 0.4;
}

export function fluentTheme(dark: boolean): PaneTheme {
  return dark ? themes.dark : themes.light;
}
