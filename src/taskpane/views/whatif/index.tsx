/**
 * View "Tänk om" (trainers): in the fictional demo scenario, make a
 * recipient meet or miss its basic requirements or a goal, or give it another
 * key value, and see the allocation move — a one-line summary exact to the
 * krona, a chart and a table by recipient or by county. Works the same in
 * Excel and in the browser preview: nothing is written to the workbook.
 */
import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from "@fluentui/react-components";
import { forwardRef, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { Agreement, Rule } from "../../../core/model";
import { ErrorMessage } from "../../components/ErrorMessage";
import { ActionButton, BodyText, Caption, RadioField, SelectField, Spinner, TextField } from "../../components/ui";
import type { ViewProps } from "../registry";
import { ChangeChart, topBars, type Bar } from "./ChangeChart";
import {
  NO_EDITS,
  WHATIF_AGREEMENTS,
  baseScenario,
  findRecipient,
  goalsOf,
  hasEdits,
  headline,
  keyValue,
  keysOf,
  recipientsIn,
  requirementsOf,
  runWhatIf,
  type Edits,
  type Outcome,
  type Recipient,
  type WhatIfResult,
  whyNothing,
} from "./scenario";
import { LAN, scanDecimal } from "../../../runtime";
import { formatInt, formatKr, formatKrChange } from "../../format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  fieldset: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  headlineBox: {
    // Across the pane's whole width, edge to edge: room for two lines.
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalM})`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  // Regular weight: the sentence fits two lines of a 450 px pane even in wide fallback fonts (DejaVu Sans).
  headline: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground1 },
  why: { margin: 0 },
  sentence: { margin: 0, color: tokens.colorNeutralForeground2 },
  presenter: {
    width: "100vw",
    maxWidth: "100vw",
    height: "100vh",
    maxHeight: "100vh",
    borderRadius: 0,
    fontSize: "24px",
    lineHeight: 1.35,
  },
  presenterHeadline: { fontSize: "40px", lineHeight: 1.25, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  presenterBody: { display: "flex", flexDirection: "column", rowGap: "24px" },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
    "& th": { textAlign: "left", fontWeight: tokens.fontWeightSemibold },
  },
  num: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  muted: { color: tokens.colorNeutralForeground3 },
});

const OUTCOME_LABEL: Record<Outcome, string> = { unchanged: "Som i scenariot", met: "Uppfyllt", "not-met": "Inte uppfyllt" };

const OUTCOMES = (Object.keys(OUTCOME_LABEL) as Outcome[]).map((o) => [o, OUTCOME_LABEL[o]] as const);

function OutcomeSelect({ label, value, onChange, hint }: { label: string; value: Outcome; onChange: (o: Outcome) => void; hint?: string }) {
  return <SelectField label={label} hint={hint} value={value} onChange={(v) => onChange(v as Outcome)} options={OUTCOMES} />;
}

/** A whole number typed the Swedish way ("350 000"); undefined for an empty field, NaN for anything else. */
export function parseWhole(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  // The core's one parser: spaces only as thousands separators ("1 2" is no number).
  const s = scanDecimal(text);
  if (typeof s === "string" || s.negative || s.scale > 0 || s.digits.length > 15) return Number.NaN;
  return Number(s.digits);
}

function KeyField({ label, base, onChange }: { label: string; base: number | undefined; onChange: (v: number | undefined) => void }) {
  const [text, setText] = useState("");
  const parsed = parseWhole(text);
  const invalid = parsed !== undefined && Number.isNaN(parsed);
  return (
    <TextField
      label={label}
      value={text}
      inputMode="numeric"
      placeholder={base === undefined ? "" : formatInt(base)}
      hint={base === undefined ? "Inget värde i scenariot." : `I scenariot: ${formatInt(base)}. Lämna tomt för att behålla.`}
      error={invalid ? "Ange ett heltal ≥ 0, till exempel 350 000." : undefined}
      onChange={(value) => {
        setText(value);
        const v = parseWhole(value);
        if (v === undefined || !Number.isNaN(v)) onChange(v);
      }}
    />
  );
}

/** "Prestationsmål A 3: …" as it is when the title names the id; otherwise "PALL1 God vård …". */
function ruleLabel(r: Rule): string {
  return r.title.replace(/\s/g, "").includes(r.id) ? r.title : `${r.id} ${r.title}`;
}

/** The chart's bars and the table's rows of a result. */
function rowsOf(result: WhatIfResult, by: "recipient" | "county") {
  const { diff } = result;
  const extra: Bar[] = [];
  if (diff.unallocated.delta !== 0n) extra.push({ label: "Ofördelat", delta: diff.unallocated.delta });
  if (diff.organisations.delta !== 0n) extra.push({ label: "Organisationer", delta: diff.organisations.delta });
  const rows =
    by === "recipient"
      ? diff.recipients.map((r) => ({ key: `${r.level}:${r.code}`, label: r.name, before: r.before, after: r.after, delta: r.delta }))
      : diff.counties.map((c) => ({ key: c.lan, label: c.name, before: c.before, after: c.after, delta: c.delta }));
  const bars = topBars(
    [...rows.map((r) => ({ label: r.label, delta: r.delta })), ...extra].sort((a, b) => {
      const x = a.delta < 0n ? -a.delta : a.delta;
      const y = b.delta < 0n ? -b.delta : b.delta;
      return x > y ? -1 : x < y ? 1 : 0;
    }),
    10,
    (n) => `Övriga (${n})`,
  );
  return { rows, extra, bars };
}

/** The headline (at most two lines), why nothing moved when nothing did, and the presenter button. */
const Headline = forwardRef<HTMLButtonElement, { result: WhatIfResult; why?: string; onPresent: () => void }>(function Headline({ result, why, onPresent }, ref) {
  const styles = useStyles();
  return (
    <section className={styles.headlineBox} aria-label="Resultat">
      <p className={styles.headline} role="status" aria-live="polite" data-testid="whatif-headline">
        {headline(result)}
      </p>
      {why && (
        <BodyText className={styles.why}>
          <span data-testid="whatif-why">{why}</span>
        </BodyText>
      )}
      <div>
        <ActionButton ref={ref} appearance="subtle" onClick={onPresent} title="Visar resultatet över hela fönstret med stor text, för en projektor">
          Presentera
        </ActionButton>
      </div>
    </section>
  );
});

function Result({ result, by, recipient }: { result: WhatIfResult; by: "recipient" | "county"; recipient: Recipient }) {
  const styles = useStyles();
  const { diff } = result;
  const { rows, extra, bars } = rowsOf(result, by);
  const shown = rows.slice(0, 25);
  return (
    <>
      <p className={styles.sentence} data-testid="whatif-sentence">
        {result.sentence}
      </p>
      {diff.moved > 0n && (
        <>
          <ChangeChart bars={bars} label={`Diagram: ${headline(result)}`} />
          <table className={styles.table} data-testid="whatif-table">
            <caption className={styles.muted} style={{ textAlign: "left" }}>
              Förändring per {by === "recipient" ? "mottagare" : "län"} ({rows.length}
              {rows.length > shown.length ? `, de ${shown.length} största visas` : ""})
            </caption>
            <thead>
              <tr>
                <th scope="col">{by === "recipient" ? "Mottagare" : "Län"}</th>
                <th scope="col" className={styles.num}>
                  Före
                </th>
                <th scope="col" className={styles.num}>
                  Förändring
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.key} data-key={r.key} data-delta={r.delta.toString()}>
                  <th scope="row" style={{ fontWeight: r.key === recipient.id ? 600 : 400 }}>
                    {r.label}
                  </th>
                  <td className={styles.num}>{formatKr(r.before)}</td>
                  <td className={styles.num}>{formatKrChange(r.delta)}</td>
                </tr>
              ))}
              {extra.map((e) => (
                <tr key={e.label}>
                  <th scope="row">{e.label}</th>
                  <td className={styles.num} />
                  <td className={styles.num}>{formatKrChange(e.delta)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

function Controls({ agreement: a, recipient: r, edits, setEdits }: { agreement: Agreement; recipient: Recipient; edits: Edits; setEdits: (e: Edits) => void }) {
  const styles = useStyles();
  const base = baseScenario(a);
  const reqs = requirementsOf(a, r.level);
  const goals = goalsOf(a, r.level);
  const countyRules = [...a.requirements, ...a.goals].filter((x) => x.level === "lan");
  const keys = keysOf(a, r.level);
  const status = base.evaluation.recipients.find((x) => x.level === r.level && x.code === r.code);
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Ändra för {r.name}</legend>
      {status && (
        <Caption>
          I scenariot: {formatKr(status.total)}
          {status.gate === true ? ", grundkraven uppfyllda" : status.gate === false ? ", grundkraven inte uppfyllda (själv eller i länet)" : ""}.
        </Caption>
      )}
      {reqs.length > 0 && (
        <OutcomeSelect
          label={reqs.length === 1 ? `Grundkrav ${ruleLabel(reqs[0])}` : `Grundkraven (${reqs.map((x) => x.id).join(", ")})`}
          value={edits.requirements}
          onChange={(o) => setEdits({ ...edits, requirements: o })}
        />
      )}
      {goals.map((g) => (
        <OutcomeSelect
          key={g.id}
          label={ruleLabel(g)}
          value={edits.goals[g.id] ?? "unchanged"}
          onChange={(o) => setEdits({ ...edits, goals: { ...edits.goals, [g.id]: o } })}
        />
      ))}
      {countyRules.map((g) => (
        <OutcomeSelect
          key={g.id}
          label={`Länet: ${ruleLabel(g)}`}
          hint="Besvaras av länet som helhet."
          value={edits.countyRules[g.id] ?? "unchanged"}
          onChange={(o) => setEdits({ ...edits, countyRules: { ...edits.countyRules, [g.id]: o } })}
        />
      ))}
      {keys.map((k) => (
        <KeyField
          key={k.id}
          label={`Nyckel: ${k.label}`}
          base={keyValue(base.facts, r, k.id)}
          onChange={(v) => {
            const next = { ...edits.keys };
            if (v === undefined) delete next[k.id];
            else next[k.id] = v;
            setEdits({ ...edits, keys: next });
          }}
        />
      ))}
    </fieldset>
  );
}

/** Recipients whose name contains the text, or whose code starts with it (case and diacritics as typed). */
export function matching(all: readonly Recipient[], text: string): Recipient[] {
  const q = text.trim().toLocaleLowerCase("sv-SE");
  return all.filter((r) => r.name.toLocaleLowerCase("sv-SE").includes(q) || r.code.startsWith(q));
}

export default function WhatIfView(_props: ViewProps) {
  const styles = useStyles();
  const [agreementId, setAgreementId] = useState(WHATIF_AGREEMENTS[0].id);
  const [lan, setLan] = useState("01");
  const [recipientId, setRecipientId] = useState("kommun:0180");
  const [edits, setEdits] = useState<Edits>(NO_EDITS);
  const [by, setBy] = useState<"recipient" | "county">("recipient");
  // Bumped by "Återställ" so the key fields forget what was typed.
  const [resets, setResets] = useState(0);
  const agreement = WHATIF_AGREEMENTS.find((a) => a.id === agreementId) ?? WHATIF_AGREEMENTS[0];
  // Type-ahead over all 311 recipients: a Fluent Input filters the recipient list across the
  // country (Fluent's Combobox would add 25 KB to a page at its 300 KB ceiling).
  const [query, setQuery] = useState("");
  const everyone = useMemo(() => LAN.flatMap((l) => recipientsIn(l.code)), []);
  const recipients = useMemo(() => (query.trim() ? matching(everyone, query) : recipientsIn(lan)), [everyone, query, lan]);
  const recipient = findRecipient(recipientId) ?? recipients[0];

  // The evaluation runs on deferred input: typing and selecting stay responsive, and a spinner shows while it catches up.
  const request = useMemo(() => ({ agreement, recipient, edits }), [agreement, recipient, edits]);
  const deferred = useDeferredValue(request);
  const outcome = useMemo(() => {
    try {
      return { result: runWhatIf(deferred.agreement, deferred.recipient, deferred.edits) };
    } catch (error) {
      return { error };
    }
  }, [deferred]);
  const stale = deferred !== request;
  const [presenting, setPresenting] = useState(false);
  // Focus goes back to "Presentera" when presenter mode closes (the dialog has no trigger of its own).
  const presentButton = useRef<HTMLButtonElement>(null);
  const wasPresenting = useRef(false);
  useEffect(() => {
    if (wasPresenting.current && !presenting) presentButton.current?.focus();
    wasPresenting.current = presenting;
  }, [presenting]);
  const result = "result" in outcome ? outcome.result : undefined;
  const why = result && recipient ? whyNothing(deferred.recipient, deferred.edits, result) : undefined;

  return (
    <div className={styles.root}>
      <Caption>
        Utgår från det <strong>fiktiva demoscenariot</strong> (påhittade svar, verklig folkmängd). Ingenting skrivs i arbetsboken.
      </Caption>
      {result && <Headline ref={presentButton} result={result} why={why} onPresent={() => setPresenting(true)} />}
      {result && presenting && (
        <Dialog open modalType="modal" onOpenChange={(_, d) => setPresenting(d.open)}>
          <DialogSurface className={styles.presenter} aria-label="Presentationsläge">
            <DialogBody>
              <DialogTitle action={<ActionButton onClick={() => setPresenting(false)}>Stäng (Esc)</ActionButton>}>Tänk om</DialogTitle>
              <DialogContent className={styles.presenterBody}>
                <p className={styles.presenterHeadline} data-testid="presenter-headline">
                  {headline(result)}
                </p>
                {why && <p>{why}</p>}
                {result.diff.moved > 0n && <ChangeChart bars={rowsOf(result, by).bars} label={`Diagram: ${headline(result)}`} />}
              </DialogContent>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
      <SelectField
        label="Överenskommelse"
        value={agreement.id}
        onChange={(v) => {
          setAgreementId(v);
          setEdits(NO_EDITS);
        }}
        options={WHATIF_AGREEMENTS.map((a) => [a.id, `${a.id} – ${a.title}`] as const)}
        testId="whatif-agreement"
      />
      <SelectField
        label="Län"
        value={lan}
        onChange={(v) => {
          setLan(v);
          setQuery("");
          setRecipientId(recipientsIn(v)[0]?.id ?? "");
          setEdits(NO_EDITS);
        }}
        options={LAN.map((l) => [l.code, `${l.code} ${l.name}`] as const)}
        testId="whatif-county"
      />
      <TextField
        label="Sök mottagare i hela landet"
        value={query}
        placeholder="namn eller kod, t.ex. Malmö eller 1280"
        hint={query.trim() ? (recipients.length ? `${recipients.length} ${recipients.length === 1 ? "träff" : "träffar"} i listan nedan` : undefined) : undefined}
        error={query.trim() && recipients.length === 0 ? "Ingen kommun eller landsting matchar." : undefined}
        onChange={(v) => {
          setQuery(v);
          const first = v.trim() ? matching(everyone, v)[0] : undefined;
          if (first) {
            setLan(first.lan);
            setRecipientId(first.id);
            setEdits(NO_EDITS);
          }
        }}
      />
      <SelectField
        label="Mottagare"
        value={recipient?.id ?? ""}
        onChange={(v) => {
          setRecipientId(v);
          const r = findRecipient(v);
          if (r) setLan(r.lan);
          setEdits(NO_EDITS);
        }}
        options={(recipients.some((r) => r.id === recipient?.id) || !recipient ? recipients : [recipient, ...recipients]).map((r) => [r.id, `${r.name} (${r.code})`] as const)}
        testId="whatif-recipient"
      />
      {recipient && <Controls key={`${agreement.id}/${recipient.id}/${resets}`} agreement={agreement} recipient={recipient} edits={edits} setEdits={setEdits} />}
      {hasEdits(edits) && (
        <div>
          <ActionButton
            onClick={() => {
              setEdits(NO_EDITS);
              setResets((n) => n + 1);
            }}
          >
            Återställ
          </ActionButton>
        </div>
      )}
      <RadioField
        label="Visa förändringen"
        value={by}
        onChange={(v) => setBy(v as "recipient" | "county")}
        options={[
          ["recipient", "Per mottagare"],
          ["county", "Per län"],
        ]}
      />
      {stale && <Spinner label="Räknar om …" />}
      {"error" in outcome ? <ErrorMessage error={outcome.error} /> : result && recipient && <Result result={result} by={by} recipient={recipient} />}
    </div>
  );
}
