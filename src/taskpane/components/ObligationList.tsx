/**
 * The agreements' obligations in date order for the task pane: what must be
 * done, by whom, by when, what happens otherwise, the source, and whether the
 * date has passed. Renders the core's calendar (core/obligations.ts); holds
 * no rule. The Överenskommelser view shows it for an agreement, Länsöversikt
 * for the chosen county (`county`).
 */
import { Badge, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Agreement } from "../../core/model";
import type { EntryTiming } from "../../core/obligations";
import { consequenceText, entryTiming, formatCitation, obligationCalendar, partyName } from "../../runtime";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  dated: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  entry: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  head: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  date: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  detail: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  undated: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const BADGE: Record<EntryTiming, { color: "subtle" | "informative" | "brand"; text: string }> = {
  passerat: { color: "subtle", text: "passerat" },
  pågår: { color: "informative", text: "pågår" },
  kommande: { color: "brand", text: "kommande" },
};

/** Today's date (ISO) in local time. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

export interface ObligationListProps {
  agreements: readonly Agreement[];
  /** Only this agreement (id). */
  agreement?: string;
  /** Only what concerns this county's kommuner, landsting and principals (länskod). */
  county?: string;
  /** The day "passerat" is measured against (ISO); default today. */
  today?: string;
  /** Leave out what has passed. */
  hidePassed?: boolean;
}

export function ObligationList({ agreements, agreement, county, today = todayIso(), hidePassed = false }: ObligationListProps) {
  const styles = useStyles();
  const cal = obligationCalendar(agreements, { agreement, county, from: hidePassed ? today : undefined });
  if (cal.dated.length === 0 && cal.undated.length === 0) {
    return <Text>{hidePassed ? "Inga kommande åtaganden." : "Inga åtaganden i källorna för det här urvalet."}</Text>;
  }
  return (
    <div className={styles.root}>
      {/* An ordered list, not a table: at 350 px three columns leave the text a few words wide. */}
      <ol className={styles.dated} aria-label="Åtaganden och sista datum">
        {cal.dated.map((e) => {
          const timing = entryTiming(e, today);
          return (
            <li key={e.key} className={styles.entry} data-obligation={e.key}>
              <div className={styles.head}>
                <Text className={styles.date} weight="semibold">
                  {e.end ? `${e.date} – ${e.end}` : e.date}
                </Text>
                <Badge appearance="tint" color={BADGE[timing].color}>
                  {BADGE[timing].text}
                </Badge>
              </div>
              <div className={styles.detail}>
                <Text>{e.what}</Text>
                <Caption1>
                  {partyName(e.who)}
                  {e.to ? `, till ${e.to}` : ""}; {e.when}
                </Caption1>
                <Caption1>Om det missas: {consequenceText(e)}</Caption1>
                <Caption1 className={styles.muted}>
                  {formatCitation(e.source, "short")}
                  {e.status === "assumption" ? ` (antagande: ${e.assumptions.join(", ")})` : ""}
                </Caption1>
              </div>
            </li>
          );
        })}
      </ol>
      {cal.undated.length > 0 && (
        <div>
          <Text weight="semibold">Utan datum i källorna</Text>
          <ul className={styles.undated} aria-label="Åtaganden utan datum">
            {cal.undated.map((e) => (
              <li key={e.key} data-obligation={e.key}>
                <Text>{e.what}</Text>{" "}
                <Caption1 className={styles.muted}>
                  ({partyName(e.who)}; {e.note} {formatCitation(e.source, "short")})
                </Caption1>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export default ObligationList;
