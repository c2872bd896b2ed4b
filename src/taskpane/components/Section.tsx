/**
 * A section that opens and closes (native <details>/<summary>: keyboard
 * and screen-reader support come with the browser), styled with Fluent's
 * tokens like Fluent's Accordion, without its animation and focus libraries.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  details: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  summary: {
    cursor: "pointer",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  heading: { display: "inline", margin: 0, font: "inherit" },
  body: { paddingBottom: tokens.spacingVerticalM },
});

export function Section({ title, open, children, testId }: { title: string; open?: boolean; children: ReactNode; testId?: string }) {
  const styles = useStyles();
  return (
    <details className={styles.details} open={open} data-testid={testId}>
      <summary className={styles.summary}>
        <h3 className={styles.heading}>{title}</h3>
      </summary>
      <div className={styles.body}>{children}</div>
    </details>
  );
}
