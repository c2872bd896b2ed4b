/**
 * The root of the pane: Fluent UI v9's theme (web light or dark, following
 * Office; theme.ts) as CSS variables on one element, so every `tokens.*` in
 * the pane's makeStyles resolves, plus the base font and colours. This is
 * what Fluent's FluentProvider does for a tree without Fluent's own
 * components; the provider's other contexts (portals, focus management,
 * component overrides) serve components the pane does not use, and cost
 * about 5 KB gzipped of the page's 150 KB budget (README, "Task pane size").
 * A view that adds one of Fluent's own components needs FluentProvider (and
 * Fluent's full themes) back around it.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useInsertionEffect, useMemo, type ReactNode } from "react";
import type { PaneTheme } from "./theme";

const useStyles = makeStyles({
  root: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: "left",
    minHeight: "100vh",
  },
});

let count = 0;

/** The CSS that declares a theme's tokens as custom properties on `selector`. */
export function themeCss(theme: PaneTheme, selector: string): string {
  const vars = Object.entries(theme)
    .map(([k, v]) => `--${k}:${String(v)};`)
    .join("");
  return `${selector}{${vars}}`;
}

export function ThemeRoot({ theme, children }: { theme: PaneTheme; children: ReactNode }) {
  const styles = useStyles();
  const id = useMemo(() => `stim-theme-${++count}`, []);
  useInsertionEffect(() => {
    let tag = document.getElementById(id) as HTMLStyleElement | null;
    if (!tag) {
      tag = document.createElement("style");
      tag.id = id;
      document.head.appendChild(tag);
    }
    tag.textContent = themeCss(theme, `.${id}`);
  }, [id, theme]);
  useInsertionEffect(() => () => document.getElementById(id)?.remove(), [id]);
  return (
    <div className={mergeClasses(id, styles.root)} lang="sv" dir="ltr">
      {children}
    </div>
  );
}
