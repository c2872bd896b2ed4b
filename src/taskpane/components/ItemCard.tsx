/**
 * One item of an agreement (a pot, a requirement, a goal …) as a small card:
 * id and title, an amount, badges, a list of properties, the citation and
 * the formulas that use it. The building block of the "Överenskommelser"
 * view, kept free of agreement logic.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { noBreakAmounts } from "../format";
import { CopyText } from "./CopyButton";
import { BodyText, Caption, Pill, type Tone } from "./ui";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  head: { display: "flex", justifyContent: "space-between", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase300 },
  amount: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  props: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    "& dt": { color: tokens.colorNeutralForeground3 },
    "& dd": { margin: 0, overflowWrap: "anywhere" },
  },
  formulas: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

export interface BadgeSpec {
  label: string;
  color: Tone;
}

export interface FormulaSpec {
  formula: string;
  help: string;
}

export function ItemCard(props: {
  id: string;
  title: string;
  amount?: string;
  badges?: BadgeSpec[];
  properties?: [string, ReactNode][];
  formulas?: FormulaSpec[];
  children?: ReactNode;
}) {
  const styles = useStyles();
  const props_ = (props.properties ?? []).filter(([, v]) => v !== undefined && v !== null && v !== "");
  return (
    <article className={styles.card} aria-label={`${props.id} ${props.title}`}>
      <div className={styles.head}>
        <h4 className={styles.title}>
          {props.id} · {props.title}
        </h4>
        {props.amount && <BodyText className={styles.amount}>{props.amount}</BodyText>}
      </div>
      {props.badges && props.badges.length > 0 && (
        <div className={styles.badges}>
          {props.badges.map((b) => (
            <Pill key={b.label} tone={b.color}>
              {b.label}
            </Pill>
          ))}
        </div>
      )}
      {props_.length > 0 && (
        <dl className={styles.props}>
          {props_.map(([k, v], i) => (
            <div key={`${i}${k}`} style={{ display: "contents" }}>
              <dt>{k}</dt>
              <dd>{typeof v === "string" ? noBreakAmounts(v) : v}</dd>
            </div>
          ))}
        </dl>
      )}
      {props.children}
      {props.formulas && props.formulas.length > 0 && (
        <div className={styles.formulas}>
          {props.formulas.map((f) => (
            <div key={f.formula}>
              <CopyText text={f.formula} what={`formeln ${f.formula}`} />
              <Caption>{f.help}</Caption>
            </div>
          ))}
        </div>
      )}
    </article>
  );
}
