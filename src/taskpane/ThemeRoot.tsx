/**
 * The root of the pane: Fluent UI v9's FluentProvider with the theme chosen
 * by theme.ts (web light, web dark or high contrast), which also gives
 * Fluent's components their portals, focus management and text direction.
 */
import { FluentProvider, makeStyles } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { fluentTheme, type ThemeKind } from "./theme";

const useStyles = makeStyles({
  root: { minHeight: "100vh", textAlign: "left" },
});

export function ThemeRoot({ theme, children }: { theme: ThemeKind; children: ReactNode }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.root} lang="sv" dir="ltr" data-theme={theme}>
      {children}
    </FluentProvider>
  );
}
