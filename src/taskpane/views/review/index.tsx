/**
 * View "Granska länsark" (analysts): check the active sheet (or a chosen
 * one) against the rules. The sheet layer finds the table and reads it; the
 * pane shows how every column was read and lets the user correct it; every
 * finding is listed with a link that selects its cell. On request the report
 * goes to a new sheet, and the findings' cells are coloured — with a button
 * that puts the previous fills back. The checked data is never changed.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Finding, Severity } from "../../../sheets/findings";
import type { SheetGrid } from "../../../sheets/cells";
import { ErrorMessage } from "../../components/ErrorMessage";
import { OperationStatus } from "../../components/OperationStatus";
import { Section } from "../../components/Section";
import { ActionButton, Alert, BodyText, Caption, Pill, SelectField, TextField, type Tone } from "../../components/ui";
import { useWorkbook } from "../../hostContext";
import { useOperation } from "../../operation";
import type { ViewProps } from "../registry";
import { AGREEMENTS, allColumns, countFindings, findingsSummary, formatCitation, sheetColumns } from "../../../runtime";
import { cells, check, highlight, highlightingOf, loadSheet, ordered, removeHighlighting, writeReport, type ReadChoice } from "./review";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  finding: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  mapping: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  title: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
});

const SEVERITY: Record<Severity, { label: string; tone: Tone }> = {
  fel: { label: "Fel", tone: "danger" },
  avvikelse: { label: "Avvikelse", tone: "warning" },
  notering: { label: "Notering", tone: "informative" },
};

const HOW: Record<string, string> = {
  exact: "",
  guessed: "tolkad trots stavfel",
  user: "ditt val",
  unknown: "känns inte igen",
  ignored: "läses inte (ditt val)",
  duplicate: "dubblett, läses inte",
};

/**
 * The last check, kept while the pane is open: leaving the view (to explain a
 * cell, say) and coming back shows the same list without reading the sheet again.
 */
interface Remembered {
  workbook: unknown;
  sheet: string;
  /** The user picked the sheet in the list (else it follows the active sheet). */
  chosen: boolean;
  grid?: SheetGrid;
  agreementId: string;
  headerRowText: string;
  mapping: ReadonlyMap<number, string | null>;
}
let remembered: Remembered | undefined;

export default function ReviewView(_props: ViewProps) {
  const styles = useStyles();
  const workbook = useWorkbook();
  const last = remembered?.workbook === workbook ? remembered : undefined;
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState(last?.sheet ?? "");
  const [chosen, setChosen] = useState(last?.chosen ?? false);
  const [grid, setGrid] = useState<SheetGrid | undefined>(last?.grid);
  const [agreementId, setAgreementId] = useState(last?.agreementId ?? "");
  const [headerRowText, setHeaderRowText] = useState(last?.headerRowText ?? "");
  const [mapping, setMapping] = useState<ReadonlyMap<number, string | null>>(last?.mapping ?? new Map());
  useEffect(() => {
    remembered = { workbook, sheet, chosen, grid, agreementId, headerRowText, mapping };
  }, [workbook, sheet, chosen, grid, agreementId, headerRowText, mapping]);
  const load = useOperation<SheetGrid>();
  const report = useOperation<string>();
  const colour = useOperation<string>();
  const [, setTick] = useState(0);

  // The sheets, with the active one chosen, unless the user picked one in
  // the list or a review of the current one is on show (it stays while the
  // sheet exists); a sheet built since then is picked up when the view opens.
  const listSheets = useOperation<void>();
  const refreshSheets = () =>
    listSheets.run("Läser bladen …", async () => {
      const [names, sel] = await Promise.all([workbook.listSheetNames(), workbook.getSelectedRange()]);
      setSheets(names);
      const keep = sheet !== "" && names.includes(sheet) && (chosen || grid !== undefined);
      if (!keep && sel.sheet !== sheet) {
        setSheet(sel.sheet);
        setChosen(false);
        setGrid(undefined);
        setMapping(new Map());
      }
    });
  useEffect(() => {
    // Once, when the view opens.
    void refreshSheets();
  }, []);

  const readSheet = (name = sheet) =>
    load.run(`Läser bladet ”${name}” …`, async (progress) => {
      const g = await loadSheet(workbook, name);
      await progress({ done: 1, total: 2, label: `Granskar ${g.values.length} rader …` });
      setGrid(g);
      return g;
    });

  const headerRow = headerRowText.trim() === "" ? undefined : Number(headerRowText) - 1;
  const headerRowError = headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 0) ? "Ange ett radnummer (1, 2, 3 …) eller lämna tomt." : undefined;
  const choice: ReadChoice = useMemo(
    () => ({ agreement: AGREEMENTS.find((a) => a.id === agreementId), headerRow: headerRowError ? undefined : headerRow, mapping }),
    [agreementId, headerRow, headerRowError, mapping],
  );
  const result = useMemo(() => {
    if (!grid) return undefined;
    try {
      return { ok: check(grid, choice) };
    } catch (error) {
      return { error };
    }
  }, [grid, choice]);

  const validation = result && "ok" in result ? result.ok!.validation : undefined;
  const read = result && "ok" in result ? result.ok!.read : undefined;
  const findings = useMemo(() => (validation ? ordered(validation.findings) : []), [validation]);
  const highlighted = grid ? highlightingOf(grid.name) : undefined;

  const choices = useMemo(() => {
    const agreement = read?.agreement;
    if (!agreement) return [];
    return [["", "(läses inte)"] as const, ...allColumns(sheetColumns(agreement)).map((c) => [c.id, c.header] as const)];
  }, [read?.agreement]);

  const setColumn = (col: number, id: string) => {
    const next = new Map(mapping);
    next.set(col, id === "" ? null : id);
    setMapping(next);
  };

  const goTo = (f: Finding) => void workbook.selectRange(f.sheet, f.cell!).catch(() => undefined);

  const writeTheReport = () => report.run("Skriver rapporten …", async () => writeReport(workbook, validation!));
  const colourCells = () =>
    colour.run("Färgmarkerar cellerna …", async () => {
      const n = await highlight(workbook, grid!.name, findings);
      setTick((t) => t + 1);
      return n === 0 ? "Inga celler att färgmarkera." : `${cells(n)} i ”${grid!.name}” ${n === 1 ? "är färgmarkerad" : "är färgmarkerade"}: rött fel, gult avvikelse, blått notering.`;
    });
  const uncolour = () =>
    colour.run("Tar bort färgmarkeringen …", async () => {
      const n = await removeHighlighting(workbook, grid!.name);
      setTick((t) => t + 1);
      return `Färgmarkeringen är borttagen: ${cells(n)} har fått tillbaka sin tidigare fyllning.`;
    });

  const counts = validation ? countFindings(validation.findings) : undefined;
  const tone = !counts ? "informative" : counts.fel > 0 ? "danger" : counts.avvikelse > 0 ? "warning" : "success";

  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <SelectField
          label="Blad att granska"
          value={sheet}
          onChange={(v) => {
            setSheet(v);
            setChosen(true);
            setGrid(undefined);
            setMapping(new Map());
          }}
          options={(sheets.length ? sheets : [sheet]).map((s) => [s, s] as const)}
          hint="Det aktiva bladet är förvalt."
          testId="review-sheet"
        />
      </div>
      <div className={styles.row}>
        <ActionButton appearance="primary" onClick={() => void readSheet()} disabled={!sheet} disabledFocusable={load.state.status === "running"}>
          Granska bladet
        </ActionButton>
        <ActionButton onClick={() => void refreshSheets()}>Uppdatera listan</ActionButton>
      </div>
      {listSheets.state.status === "error" && <ErrorMessage error={listSheets.state.error} onRetry={() => void refreshSheets()} />}
      <OperationStatus state={load.state} onRetry={() => void readSheet()} />

      {grid && result && "error" in result && (
        <>
          <ErrorMessage error={result.error} />
          <Caption>Välj överenskommelse eller rubrikrad nedan om bladet inte säger det tydligt.</Caption>
        </>
      )}

      {grid && validation && read && counts && (
        <>
          <Alert tone={tone} title={`${grid.name}: ${read.agreement.id}, ${read.scope ? `län ${read.scope}` : "hela riket"}`}>
            <span data-testid="review-summary">
              {findingsSummary(counts)}.{validation.checked ? "" : " Beloppen kontrolleras när felen i indata är rättade."}
              {validation.findings.length === 0 ? " Bladet stämmer med reglerna." : ""}
            </span>
          </Alert>

          {findings.length > 0 && (
            <section aria-labelledby="stim-review-findings">
              <h3 id="stim-review-findings" className={styles.title}>
                Avvikelser och fel ({findings.length})
              </h3>
              <ul className={styles.list} data-testid="review-findings">
                {findings.map((f, i) => (
                  <li key={`${f.cell ?? ""}:${f.kind}:${i}`} className={styles.finding}>
                    <span className={styles.head}>
                      <Pill tone={SEVERITY[f.severity].tone}>{SEVERITY[f.severity].label}</Pill>
                      {f.cell && (
                        <ActionButton appearance="subtle" onClick={() => goTo(f)} aria-label={`Gå till ${f.sheet}!${f.cell}`} data-cell={f.cell}>
                          {f.sheet}!{f.cell}
                        </ActionButton>
                      )}
                    </span>
                    <BodyText>{f.message}</BodyText>
                    {(f.rule || f.source) && (
                      <Caption>
                        {f.rule ? `${f.rule}${f.source ? " · " : ""}` : ""}
                        {f.source ? formatCitation(f.source) : ""}
                      </Caption>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}

          <div className={styles.row}>
            <ActionButton onClick={() => void writeTheReport()} disabledFocusable={report.state.status === "running"}>
              Skriv rapporten till ett nytt blad
            </ActionButton>
            {highlighted ? (
              <ActionButton onClick={() => void uncolour()} disabledFocusable={colour.state.status === "running"}>
                Ta bort färgmarkeringen
              </ActionButton>
            ) : (
              <ActionButton onClick={() => void colourCells()} disabled={colour.state.status === "running" || findings.every((f) => !f.cell)}>
                Färgmarkera cellerna i bladet
              </ActionButton>
            )}
          </div>
          <OperationStatus state={report.state} done={(name) => `Rapporten finns på bladet ”${name}”; cellhänvisningarna där är länkar.`} onRetry={() => void writeTheReport()} />
          <OperationStatus state={colour.state} done={(text) => text} />
          <Caption>Färgmarkeringen ändrar bara cellernas fyllning, inga värden, och kan tas bort igen medan tillägget är öppet.</Caption>
        </>
      )}

      {grid && (read || (result && "error" in result)) && (
        <Section title="Så lästes bladet" open={!!result && "error" in result} testId="review-mapping">
          <div className={styles.mapping}>
            <SelectField
              label="Överenskommelse"
              value={agreementId}
              onChange={(v) => {
                setAgreementId(v);
                setMapping(new Map());
              }}
              options={[["", read ? `Enligt bladet (${read.agreement.id})` : "Enligt bladet"] as const, ...AGREEMENTS.map((a) => [a.id, `${a.id}: ${a.title}`] as const)]}
            />
            <TextField
              label="Rubrikrad"
              value={headerRowText}
              onChange={setHeaderRowText}
              inputMode="numeric"
              placeholder={read ? String(read.headerRow + 1) : ""}
              hint={read ? `Hittades på rad ${read.headerRow + 1}; ange en annan om den blev fel.` : "Radnumret där rubrikerna (Kod, Namn …) står."}
              error={headerRowError}
            />
            {read && (
              <>
                <Caption>Varje kolumn i bladet och hur den lästes. Ändra tolkningen om en rubrik är fel; granskningen görs om direkt.</Caption>
                {read.headers.map((h) => (
                  <SelectField
                    key={h.col}
                    label={`${h.cell}: ${h.text || "(tom rubrik)"}`}
                    value={h.how === "duplicate" || h.how === "unknown" || h.how === "ignored" ? "" : (h.column ?? "")}
                    onChange={(v) => setColumn(h.col, v)}
                    options={choices}
                    hint={HOW[h.how] || undefined}
                    testId={`review-column-${h.cell}`}
                  />
                ))}
                {mapping.size > 0 && (
                  <div>
                    <ActionButton onClick={() => setMapping(new Map())}>Återställ tolkningen</ActionButton>
                  </div>
                )}
              </>
            )}
          </div>
        </Section>
      )}
    </div>
  );
}
