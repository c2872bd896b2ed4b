/**
 * View "Förklara" (finance staff, analysts, trainers): select a cell or a
 * row of an allocation sheet, or any cell with a STIM formula, and read why
 * it shows what it shows — the verdict, each criterion with its value and
 * threshold (failing ones first), the assumptions in force and the sources.
 * Every sentence is the core's (src/core/render.ts); this view lays them out.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { Verdict } from "../../../core/trace";
import { OperationStatus } from "../../components/OperationStatus";
import { ActionButton, Alert, BodyText, Caption, CheckboxField, Pill, type Tone } from "../../components/ui";
import { useWorkbook } from "../../hostContext";
import { useOperation } from "../../operation";
import type { ViewProps } from "../registry";
import { formatRecipientStatus, formatVerdict } from "../../../runtime";
import { formatKr, noBreakAmounts } from "../../format";
import { explainSelection, type ExplainResult, type Explanation, type Line, type Section } from "./explain";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0, overflowWrap: "anywhere" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  line: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  criteria: { listStyle: "none", margin: `${tokens.spacingVerticalXS} 0 0`, padding: `0 0 0 ${tokens.spacingHorizontalM}`, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  summary: {
    cursor: "pointer",
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  amount: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  failing: { borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`, paddingLeft: tokens.spacingHorizontalS },
});

const VERDICT_TONE = (v: Verdict): Tone => (v === true ? "success" : v === false ? "danger" : "warning");
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function VerdictPill({ verdict }: { verdict: Verdict }) {
  return <Pill tone={VERDICT_TONE(verdict)}>{capital(formatVerdict(verdict))}</Pill>;
}

/** The titles of the assumptions in force, by id, for the badges of the lines they shaped. */
const AssumptionTitles = createContext<ReadonlyMap<string, string>>(new Map());

function Assumptions({ ids }: { ids: string[] }) {
  const titles = useContext(AssumptionTitles);
  if (ids.length === 0) return null;
  return (
    <span>
      {ids.map((id) => (
        <Pill key={id} tone="warning">
          Antagande: {titles.get(id) ?? "se listan över antaganden"}
        </Pill>
      ))}
    </span>
  );
}

function LineView({ line }: { line: Line }) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.line, line.verdict === false && styles.failing)}>
      <BodyText>{noBreakAmounts(line.text)}</BodyText>
      <Assumptions ids={line.assumptions} />
      {line.citation && <Caption>Källa: {line.citation}</Caption>}
    </div>
  );
}

function SectionView({ section }: { section: Section }) {
  const styles = useStyles();
  const id = `stim-explain-${section.id}`;
  return (
    <section className={styles.section} aria-labelledby={id} data-testid={`explain-section-${section.id}`}>
      <div className={styles.row}>
        <h4 id={id} className={styles.sectionTitle}>
          {section.title}
        </h4>
        {section.neutral ? null : section.status ? (
          <Pill tone={VERDICT_TONE(section.verdict)}>{capital(formatRecipientStatus(section.status))}</Pill>
        ) : (
          <VerdictPill verdict={section.verdict} />
        )}
        {section.amount !== undefined && section.status === "eligible" && <span className={styles.amount}>{formatKr(section.amount)}</span>}
      </div>
      <ul className={styles.list}>
        {section.items.map((item, i) =>
          item.type === "rule" ? (
            <li key={`${item.rule}:${i}`}>
              {/* Native disclosure, not Fluent's Accordion: a rule's summary holds its badge and full sentence, which Accordion's header button cannot wrap. */}
              <details open={item.line.verdict !== true}>
                <summary className={styles.summary}>
                  <VerdictPill verdict={item.line.verdict} /> <BodyText>{noBreakAmounts(item.line.text)}</BodyText>
                </summary>
                <Assumptions ids={item.line.assumptions} />
                {item.line.citation && <Caption>Källa: {item.line.citation}</Caption>}
                <ul className={styles.criteria} aria-label={`Kriterier för ${item.rule}`}>
                  {item.criteria.map((c, k) => (
                    <li key={k}>
                      <div className={styles.row}>
                        <VerdictPill verdict={c.verdict} />
                      </div>
                      <LineView line={c} />
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ) : (
            <li key={`${item.kind}:${i}`}>
              <LineView line={item} />
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

function ExplanationView({ e }: { e: Explanation }) {
  const styles = useStyles();
  const titles = useMemo(() => new Map(e.assumptions.map((a) => [a.id, a.title])), [e.assumptions]);
  return (
    <AssumptionTitles.Provider value={titles}>
    <article className={styles.root} aria-labelledby="stim-explain-heading" data-testid="explanation">
      <div className={styles.row}>
        <h3 id="stim-explain-heading" className={styles.heading}>
          {e.heading}
        </h3>
        {e.kind !== "pot" && <VerdictPill verdict={e.verdict} />}
        {e.fictional && <Pill tone="brand">FIKTIVT</Pill>}
      </div>
      <Caption>
        {e.where} · {e.agreement.title} ({e.agreement.id})
      </Caption>
      {e.total !== undefined && (
        <BodyText>
          {e.kind === "pot" ? "Pottens belopp" : "Summa"}: <span className={styles.amount}>{formatKr(e.total)}</span>
        </BodyText>
      )}
      {e.notes.map((n) => (
        <Alert key={n} tone="informative">
          {n}
        </Alert>
      ))}
      {e.sections.map((s) => (
        <SectionView key={s.id} section={s} />
      ))}
      {e.assumptions.length > 0 && (
        <section className={styles.section} aria-labelledby="stim-explain-assumptions" data-testid="explain-assumptions">
          <h4 id="stim-explain-assumptions" className={styles.sectionTitle}>
            Antaganden som gäller ({e.assumptions.length})
          </h4>
          <ul className={styles.list}>
            {e.assumptions.map((a) => (
              <li key={a.id} className={styles.line}>
                <span className={styles.row}>
                  <Pill tone="warning">Antagande</Pill>
                  {a.isDefault && <Pill tone="informative">Standardval</Pill>}
                </span>
                <BodyText>
                  {a.title}: <strong>{a.valueLabel}</strong>
                </BodyText>
                <Caption>
                  {a.reason} [{a.id}]
                </Caption>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
    </AssumptionTitles.Provider>
  );
}

export default function ExplainView(_props: ViewProps) {
  const styles = useStyles();
  const workbook = useWorkbook();
  const [follow, setFollow] = useState(true);
  const op = useOperation<ExplainResult>();
  const run = op.run;
  const explain = useCallback(() => run("Läser markeringen …", () => explainSelection(workbook)), [run, workbook]);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    void explain();
  }, [explain]);

  useEffect(() => {
    if (!follow) return;
    let stop: (() => void) | undefined;
    let gone = false;
    void workbook
      .onSelectionChanged(() => {
        clearTimeout(timer.current);
        // A burst of selection changes (dragging, arrow keys) is explained once, when it settles.
        timer.current = setTimeout(() => void explain(), 250);
      })
      .then((s) => (gone ? s() : (stop = s)))
      .catch(() => undefined); // without selection events the button still works
    return () => {
      gone = true;
      clearTimeout(timer.current);
      stop?.();
    };
  }, [follow, workbook, explain]);

  const state = op.state;
  return (
    <div className={styles.root}>
      <Caption>Markera en cell eller rad i ett fördelningsark, eller en cell med en STIM-formel.</Caption>
      <div className={styles.row}>
        <ActionButton appearance="primary" onClick={() => void explain()}>
          Förklara markeringen
        </ActionButton>
        <CheckboxField label="Följ markeringen" checked={follow} onChange={setFollow} />
      </div>
      {state.status === "running" || state.status === "error" ? <OperationStatus state={state} onRetry={() => void explain()} /> : null}
      {state.status === "done" &&
        (state.result.kind === "none" ? (
          <Alert tone="informative" title={state.result.where}>
            <span data-testid="explain-nothing">{state.result.message}</span>
          </Alert>
        ) : (
          <ExplanationView e={state.result} />
        ))}
    </div>
  );
}
