/**
 * View "Länsöversikt" (finance staff): everything one county can receive
 * across the agreements, as in the Stockholm table of SKL's memo (003):
 * fixed amounts (their sum is the minimum), conditional amounts, amounts
 * announced later and the performance pots. On request the summary is
 * written to a new sheet (a fresh name; existing sheets and cells are never
 * touched).
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { uniqueSheetName } from "../../../office/workbook";
import { ErrorMessage } from "../../components/ErrorMessage";
import { ObligationList } from "../../components/ObligationList";
import { OperationStatus } from "../../components/OperationStatus";
import { ActionButton, BodyText, Caption, SelectField } from "../../components/ui";
import { useWorkbook } from "../../hostContext";
import { useOperation } from "../../operation";
import type { ViewProps } from "../registry";
import { AGREEMENTS, countySummary, countySummarySheet, formatCitation, LAN, SUMMARY_GROUPS } from "../../../runtime";
import { formatKr } from "../../format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  totals: {
    display: "grid",
    gridTemplateColumns: "1fr max-content",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    "& dd": { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  },
  minimum: { fontWeight: tokens.fontWeightSemibold },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  groupTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: {
    display: "grid",
    gridTemplateColumns: "1fr max-content",
    columnGap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  amount: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", textAlign: "right" },
  meta: { gridColumn: "1 / -1", color: tokens.colorNeutralForeground3 },
});

export default function CountyView(_props: ViewProps) {
  const styles = useStyles();
  const workbook = useWorkbook();
  const [lan, setLan] = useState("01");
  const write = useOperation<string>();
  const result = useMemo(() => {
    try {
      return { summary: countySummary(AGREEMENTS, lan) };
    } catch (error) {
      return { error };
    }
  }, [lan]);

  if ("error" in result) return <ErrorMessage error={result.error} />;
  const s = result.summary;

  const writeSheet = () =>
    write.run("Skriver länsöversikten till ett nytt blad …", async (report) => {
      const layout = countySummarySheet(s);
      const name = uniqueSheetName(`${layout.name} ${s.name}`, await workbook.listSheetNames());
      await report({ done: 1, total: 2, label: `Skriver bladet ”${name}” …` });
      await workbook.writeSheetSpec({ ...layout, name });
      return name;
    });

  return (
    <div className={styles.root}>
      <SelectField
        label="Län"
        value={lan}
        onChange={(v) => {
          setLan(v);
          write.reset();
        }}
        options={LAN.map((l) => [l.code, `${l.code} ${l.name}`] as const)}
        testId="county-select"
      />

      <dl className={styles.totals} aria-label={`Summor för ${s.name}`}>
        <dt className={styles.minimum}>Summa (minst)</dt>
        <dd className={styles.minimum} data-testid="county-minimum">
          {formatKr(s.minimum)}
        </dd>
        <dt>Villkorade belopp (om villkoren uppfylls)</dt>
        <dd>{formatKr(s.conditional)}</dd>
        <dt>Belopp som meddelas senare</dt>
        <dd>{s.later} st.</dd>
        <dt>Prestationsbaserade potter (beror på resultat)</dt>
        <dd>{s.performance} st.</dd>
      </dl>

      <div>
        <ActionButton appearance="primary" onClick={() => void writeSheet()} disabledFocusable={write.state.status === "running"}>
          Skriv till nytt blad
        </ActionButton>
      </div>
      <OperationStatus
        state={write.state}
        done={(name) => `Länsöversikten finns nu på bladet ”${name}”. Inga befintliga celler ändrades.`}
        onRetry={() => void writeSheet()}
      />

      <section className={styles.group} aria-labelledby="stim-county-obligations">
        <h3 className={styles.groupTitle} id="stim-county-obligations">
          Åtaganden och sista datum för {s.name}
        </h3>
        <ObligationList agreements={AGREEMENTS} county={lan} />
      </section>

      {SUMMARY_GROUPS.map((g) => {
        const items = s.items.filter((i) => i.kind === g.kind);
        if (items.length === 0) return null;
        return (
          <section key={g.kind} className={styles.group} aria-labelledby={`stim-county-${g.kind}`}>
            <h3 className={styles.groupTitle} id={`stim-county-${g.kind}`}>
              {g.heading} ({items.length})
            </h3>
            <ul className={styles.list}>
              {items.map((i) => (
                <li key={`${i.agreement}/${i.pot}/${i.title}`} className={styles.item}>
                  <BodyText>{i.title}</BodyText>
                  <BodyText className={styles.amount}>{i.amount === null ? "–" : formatKr(i.amount)}</BodyText>
                  <Caption className={styles.meta}>
                    {i.agreement} · {i.pot} · {formatCitation(i.source)}
                    {i.kind !== "fixed" && (
                      <>
                        <br />
                        {i.note}
                      </>
                    )}
                  </Caption>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
