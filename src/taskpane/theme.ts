/**
 * The pane follows Office's theme: a dark Office theme (Excel's "Black" or
 * "Dark Gray") gives Fluent's web dark theme, anything else the light one.
 * In the browser preview the system's colour scheme decides, and the
 * system's high-contrast mode (forced colours) gives Fluent's high-contrast
 * theme in both.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeKind = "light" | "dark" | "contrast";

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

/** Which theme: high contrast wins (the system asks for it), then dark or light. */
export function themeKind(dark: boolean, contrast = false): ThemeKind {
  return contrast ? "contrast" : dark ? "dark" : "light";
}

/** Fluent's theme for a kind. */
export function fluentTheme(kind: ThemeKind | boolean): Theme {
  const k = typeof kind === "boolean" ? themeKind(kind) : kind;
  return k === "contrast" ? teamsHighContrastTheme : k === "dark" ? webDarkTheme : webLightTheme;
}
