/**
 * View "Överenskommelser" (finance staff): an agreement → its pots → its
 * basic requirements and goals, with thresholds, keys, splits, recipients,
 * dates, citations in human form, a badge on every assumption and source
 * conflict, and the STIM.* formula for each item with a copy button.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Agreement, Cited, SourceConflict } from "../../../core/model";
import { CopyText } from "../../components/CopyButton";
import { ItemCard, type BadgeSpec } from "../../components/ItemCard";
import { ObligationList } from "../../components/ObligationList";
import { Section } from "../../components/Section";
import { BodyText, Caption, SelectField } from "../../components/ui";
import { useFormulaLocale } from "../../hostContext";
import type { ViewProps } from "../registry";
import {
  GATE,
  LEVEL,
  POT_KIND,
  assumptionsFormula,
  conflictsCiting,
  criterionRequirement,
  dateText,
  fixedText,
  keyText,
  potFormula,
  ruleFormulas,
  sourceFormula,
  splitText,
  thresholdText,
} from "./text";
import { AGREEMENTS, ALL_CONFLICTS, formatCitation, formulaText } from "../../../runtime";
import { formatKr, noBreakAmounts } from "../../format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  summary: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  criteria: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  claims: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

/** Badges for an item's status, the assumptions that shape it and the conflicts about it. */
function badgesFor(item: Cited, conflicts: SourceConflict[]): BadgeSpec[] {
  const out: BadgeSpec[] = [];
  if (item.status === "assumption" || (item.assumptions?.length ?? 0) > 0) {
    out.push({ label: item.status === "assumption" ? "Antagande" : `Antagande (${item.assumptions!.length})`, color: "warning" });
  }
  if (conflicts.length > 0) out.push({ label: "Källkonflikt", color: "danger" });
  return out;
}

function assumptionTitles(a: Agreement, ids: readonly string[] | undefined): string | undefined {
  if (!ids || ids.length === 0) return undefined;
  return ids.map((id) => a.assumptions.find((x) => x.id === id)?.title ?? id).join("; ");
}

function AgreementDetails({ agreement: a }: { agreement: Agreement }) {
  const styles = useStyles();
  const locale = useFormulaLocale();
  const conflicts = useMemo(() => ALL_CONFLICTS.filter((c) => c.agreement === a.id), [a]);
  const goalsById = new Map(a.goals.map((g) => [g.id, g]));

  return (
    <>
      <section className={styles.summary} aria-label="Överenskommelsen">
        <BodyText>
          <strong>{a.title}</strong> ({a.year}) – totalt <strong>{formatKr(a.total)}</strong>
        </BodyText>
        <Caption>Id i formler:</Caption>
        <CopyText text={a.id} what={`id ${a.id}`} />
        <Caption>Källa: {formatCitation(a.source)}</Caption>
        {(a.notes ?? []).map((n) => (
          <Caption key={n}>{n}</Caption>
        ))}
      </section>

      <div>
        <Section title={`Potter (${a.pots.length})`} testId="section-pots">
            <div className={styles.list}>
              {a.pots.map((pot) => {
                const potConflicts = conflictsCiting(conflicts, pot);
                const goal = pot.goal ? goalsById.get(pot.goal) : undefined;
                return (
                  <ItemCard
                    key={pot.id}
                    id={pot.id}
                    title={pot.title}
                    amount={formatKr(pot.amount)}
                    badges={[{ label: POT_KIND[pot.kind], color: "informative" }, ...badgesFor(pot, potConflicts)]}
                    properties={[
                      ["Mottagare", pot.payee ?? LEVEL[pot.level]],
                      ["Mål", goal ? `${goal.id} ${goal.title}` : pot.goal],
                      ["Grundkrav", pot.gated === undefined ? undefined : pot.gated ? "krävs" : "krävs inte"],
                      ["Nyckel", pot.key ? keyText(pot.key) : undefined],
                      ["Fördelning", pot.split ? splitText(pot.split) : undefined],
                      ...(pot.fixed ?? []).map((f, i): [string, string] => [i === 0 ? "Belopp" : "\u00a0", fixedText(f)]),
                      ["Antaganden", assumptionTitles(a, [...(pot.assumptions ?? []), ...(pot.key?.assumptions ?? []), ...(pot.split?.assumptions ?? [])])],
                      ["Källkonflikt", potConflicts.map((c) => c.subject).join("; ")],
                      ["Anmärkning", pot.note],
                      ["Källa", formatCitation(pot.source)],
                    ]}
                    formulas={[potFormula(a, pot, locale), sourceFormula(a, pot.id, locale)]}
                  />
                );
              })}
            </div>
          </Section>

        {a.requirements.length > 0 && (
          <Section title={`Grundkrav (${a.requirements.length})`} testId="section-requirements">
              <div className={styles.list}>
                {a.requirements.map((r) => {
                  const rc = conflictsCiting(conflicts, r);
                  return (
                    <ItemCard
                      key={r.id}
                      id={r.id}
                      title={r.title}
                      badges={badgesFor(r, rc)}
                      properties={[
                        ["Besvaras av", LEVEL[r.level]],
                        ["Gäller", GATE[r.gate]],
                        [
                          "Länsregel",
                          r.coverage
                            ? `de kommuner som uppfyller kravet har ${thresholdText(r.coverage.op, r.coverage.threshold)} av länets invånare`
                            : undefined,
                        ],
                        ["Antaganden", assumptionTitles(a, [...(r.assumptions ?? []), ...(r.coverage?.assumptions ?? [])])],
                        ["Källkonflikt", rc.map((c) => c.subject).join("; ")],
                        ["Källa", formatCitation(r.source)],
                      ]}
                      formulas={ruleFormulas(a, r, true, locale)}
                    >
                      <Criteria agreement={a} rule={r} />
                    </ItemCard>
                  );
                })}
              </div>
            </Section>
        )}

        {a.goals.length > 0 && (
          <Section title={`Prestationsmål (${a.goals.length})`} testId="section-goals">
              <div className={styles.list}>
                {a.goals.map((g) => {
                  const gc = conflictsCiting(conflicts, g);
                  const pots = a.pots.filter((p) => p.goal === g.id);
                  return (
                    <ItemCard
                      key={g.id}
                      id={g.id}
                      title={g.title}
                      badges={badgesFor(g, gc)}
                      properties={[
                        ["Besvaras av", LEVEL[g.level]],
                        ["Förutsätter", (g.requires ?? []).join(", ")],
                        ["Pott", pots.map((p) => `${p.id} (${formatKr(p.amount)})`).join(", ") || "förutsättning för andra mål"],
                        ["Antaganden", assumptionTitles(a, g.assumptions)],
                        ["Källkonflikt", gc.map((c) => c.subject).join("; ")],
                        ["Källa", formatCitation(g.source)],
                      ]}
                      formulas={ruleFormulas(a, g, false, locale)}
                    >
                      <Criteria agreement={a} rule={g} />
                    </ItemCard>
                  );
                })}
              </div>
            </Section>
        )}

        {a.dates.length > 0 && (
          <Section title={`Datum (${a.dates.length})`} testId="section-dates">
              <div className={styles.list}>
                {a.dates.map((d) => (
                  <ItemCard
                    key={d.id}
                    id={dateText(d.date)}
                    title={d.label}
                    badges={badgesFor(d, conflictsCiting(conflicts, d))}
                    properties={[
                      ["Antaganden", assumptionTitles(a, d.assumptions)],
                      ["Källa", formatCitation(d.source)],
                    ]}
                  />
                ))}
              </div>
            </Section>
        )}

        {(a.obligations?.length ?? 0) > 0 && (
          <Section title={`Åtaganden och sista datum (${a.obligations!.length})`} testId="section-obligations">
            <ObligationList agreements={AGREEMENTS} agreement={a.id} />
          </Section>
        )}

        {a.assumptions.length > 0 && (
          <Section title={`Antaganden (${a.assumptions.length})`} testId="section-assumptions">
              <div className={styles.list}>
                <CopyText text={assumptionsFormula(a, locale).formula} what="formeln för antagandena" />
                {a.assumptions.map((x) => {
                  const chosen = x.options.find((o) => o.id === x.default);
                  const others = x.options.filter((o) => o.id !== x.default);
                  return (
                    <ItemCard
                      key={x.id}
                      id={x.id}
                      title={x.title}
                      badges={[{ label: "Antagande", color: "warning" }, ...badgesFor({ ...x, status: "sourced" }, conflictsCiting(conflicts, x))]}
                      properties={[
                        ["Varför", x.reason],
                        ["Standard", chosen?.label ?? x.default],
                        ["Alternativ", others.map((o) => o.label).join("; ")],
                        ["Källa", formatCitation(x.source)],
                      ]}
                    />
                  );
                })}
              </div>
            </Section>
        )}

        {conflicts.length > 0 && (
          <Section title={`Källkonflikter (${conflicts.length})`} testId="section-conflicts">
              <div className={styles.list}>
                {conflicts.map((c) => (
                  <ItemCard
                    key={c.id}
                    id={c.id}
                    title={c.subject}
                    badges={[{ label: "Källkonflikt", color: "danger" }]}
                    properties={[
                      ["Vi använder", c.resolvedValue],
                      ["Varför", c.resolution],
                    ]}
                  >
                    <ul className={styles.claims} aria-label="Vad källorna säger">
                      {c.claims.map((cl) => (
                        <li key={`${cl.source.doc}${cl.source.section}${cl.value}`}>
                          {cl.value} – {formatCitation(cl.source)}
                        </li>
                      ))}
                    </ul>
                  </ItemCard>
                ))}
              </div>
            </Section>
        )}
      </div>
    </>
  );
}

/** A rule's criteria: label, what is required, and a badge when an assumption shapes it. */
function Criteria({ agreement: a, rule }: { agreement: Agreement; rule: Agreement["goals"][number] }) {
  const styles = useStyles();
  return (
    <ul className={styles.criteria} aria-label={`Kriterier för ${rule.id}`}>
      {rule.criteria.map((c) => (
        <li key={c.id}>
          {c.label}: <strong>{noBreakAmounts(criterionRequirement(c))}</strong>
          {(c.status === "assumption" || (c.assumptions?.length ?? 0) > 0) && (
            <> (antagande: {assumptionTitles(a, c.assumptions) ?? "se källan"})</>
          )}
          {c.source.section !== rule.source.section && <> – {formatCitation(c.source)}</>}
        </li>
      ))}
    </ul>
  );
}

export default function AgreementsView(_props: ViewProps) {
  const styles = useStyles();
  const [id, setId] = useState(AGREEMENTS[0].id);
  const agreement = AGREEMENTS.find((a) => a.id === id) ?? AGREEMENTS[0];
  const locale = useFormulaLocale();
  return (
    <div className={styles.root}>
      <SelectField
        label="Överenskommelse"
        value={agreement.id}
        onChange={setId}
        options={AGREEMENTS.map((a) => [a.id, `${a.id} – ${a.title}`] as const)}
        testId="agreement-select"
      />
      <Caption>
        Formlerna är skrivna för {locale === "sv" ? "svensk Excel (semikolon mellan argumenten)" : "engelsk Excel"}; exempel:{" "}
        {formulaText("POT", [agreement.id, agreement.pots[0].id], locale)}.
      </Caption>
      <AgreementDetails key={agreement.id} agreement={agreement} />
    </div>
  );
}
