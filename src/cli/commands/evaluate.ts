import { getAgreement } from "../../agreements";
import { demoFacts } from "../../agreements/demo";
import { StimError } from "../../core/errors";
import { Evaluation, evaluate as evaluateAgreement } from "../../core/evaluate";
import { formatChange, formatInt, formatKr, formatRecipientAmount, formatRecipientStatus } from "../../core/format";
import { renderEvent, renderEvents } from "../../core/render";
import { parseFactsJson } from "../../core/facts";
import { getLan, normaliseCode } from "../../reference";
import { defineCommand, JSON_FLAG } from "../command";
import { readInputFile } from "../input";
import { table, toJson } from "../output";

export const command = defineCommand({
  name: "evaluate",
  args: ["<överenskommelse>"],
  summary: "fördelar en överenskommelses potter utifrån fakta om län, landsting och kommuner",
  details: ["Ange fakta med antingen --scenario demo (fiktivt) eller --input <fil.json|fil.xlsx> (se docs/facts-format.md)."],
  options: {
    scenario: { type: "string", value: "<namn>", help: "ett inbyggt scenario: demo (fiktiva uppgifter)" },
    input: { type: "string", value: "<fil.json|fil.xlsx>", help: "fakta som JSON-fil (högst 10 MB) eller ifyllt fördelningsark" },
    county: { type: "string", value: "<länskod>", help: "visar bara ett läns mottagare (två siffror, t.ex. 01)" },
    assume: { type: "string", value: "<id>=<alternativ>", multiple: true, help: "väljer ett annat alternativ för ett antagande" },
    explain: { type: "boolean", help: "bygger och visar förklaringen till varje belopp, med källhänvisningar" },
    json: JSON_FLAG,
  },
  run({ positionals, values }) {
    const a = getAgreement(positionals[0]);
    if (values.scenario !== undefined && values.input !== undefined) throw new StimError("Ange antingen --scenario eller --input, inte båda.");
    const assume: Record<string, string> = {};
    for (const s of values.assume) {
      const eq = s.indexOf("=");
      if (eq <= 0) throw new StimError(`--assume väntar <id>=<alternativ>, fick "${s}".`);
      const id = s.slice(0, eq);
      if (id in assume) throw new StimError(`--assume ${id} är angivet två gånger; välj ett alternativ.`);
      assume[id] = s.slice(eq + 1);
    }
    let lan: string | undefined;
    if (values.county !== undefined) {
      const c = normaliseCode(values.county);
      if (!c || c.kind !== "lan") throw new StimError(`Okänd länskod "${values.county}" (två siffror, t.ex. 01).`);
      lan = c.code;
    }
    const finish = (facts: unknown, note?: string): string => {
      const ev = evaluateAgreement(a, facts, { assumptions: assume, explain: values.explain });
      if (values.json) return evaluationJson(ev, lan, values.explain);
      return (note ? `${note}\n` : "") + evaluationText(ev, lan, values.explain);
    };
    if (values.scenario !== undefined) {
      if (values.scenario !== "demo") throw new StimError(`Okänt scenario "${values.scenario}" (finns: demo).`);
      return finish(demoFacts(a));
    }
    if (values.input === undefined) throw new StimError("Ange --scenario demo eller --input <fil.json|fil.xlsx>.");
    if (/\.xlsx$/i.test(values.input)) {
      // A workbook is read asynchronously through ExcelJS, loaded only here: a JSON run never pays for it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { factsFromXlsx } = require("../sheets") as typeof import("../sheets");
      return factsFromXlsx(values.input, positionals[0]).then((p) => finish(p.facts, p.note));
    }
    return finish(parseFactsJson(readInputFile(values.input)));
  },
});

function evaluationJson(ev: Evaluation, lan: string | undefined, explain: boolean): string {
  const recipients = ev.recipients
    .filter((r) => !lan || r.lan === lan)
    .map((r) => ({
      level: r.level,
      code: r.code,
      name: r.name,
      lan: r.lan,
      total: r.total,
      grundkrav: r.gate,
      pots: r.pots,
      ...(r.outside ? { outside: r.outside } : {}),
      ...(explain ? { explanation: renderEvents(r.events), trace: r.events } : {}),
    }));
  return toJson({
    agreement: ev.agreement,
    title: ev.title,
    fictional: ev.fictional,
    total: ev.total,
    allocated: ev.allocated,
    unallocated: ev.unallocated,
    assumptions: ev.assumptions,
    pots: ev.pots.map((p) => ({
      id: p.id,
      title: p.title,
      kind: p.kind,
      amount: p.amount,
      allocated: p.allocated,
      unallocated: p.unallocated,
      unallocatedReason: p.unallocatedReason ?? null,
      provisional: p.provisional,
      missing: p.missing,
      payee: p.payee ?? null,
      tieBreaks: p.tieBreaks,
      ...(p.outside ? { outside: p.outside } : {}),
      ...(explain ? { explanation: renderEvents(p.events), trace: p.events } : {}),
    })),
    outside: ev.outside,
    overrides: ev.overrides.map((o) => ({ key: o.key, level: o.who.level, code: o.who.code, name: o.who.name, given: o.given, scb: o.embedded, text: renderEvent(o) })),
    ...(lan ? { county: lan, countyExplanation: { gate: ev.counties[lan].gate, explanation: renderEvents(ev.counties[lan].events), trace: ev.counties[lan].events } } : {}),
    recipients,
  });
}

function evaluationText(ev: Evaluation, lan: string | undefined, explain: boolean): string {
  const out: string[] = [];
  out.push(`${ev.title} (${ev.agreement})${ev.fictional ? " — FIKTIVT SCENARIO, inte verkliga uppgifter" : ""}`);
  out.push(`Totalt ${formatKr(ev.total)}; fördelat ${formatKr(ev.allocated)}; ofördelat ${formatKr(ev.unallocated)}`);
  for (const o of ev.outside) {
    out.push(`Utanför totalen, betalas av ${o.payer}: ${formatKr(o.amount)}; fördelat ${formatKr(o.allocated)}; ofördelat ${formatKr(o.unallocated)} (${o.pots.join(", ")})`);
  }
  out.push(...overrideLines(ev));
  out.push("");
  out.push("Antaganden:");
  for (const a of ev.assumptions) out.push(`  ${a.id} = ${a.value}${a.isDefault ? " (standard)" : " (valt)"}: ${a.valueLabel}`);
  out.push("");
  out.push(
    table(
      [
        ["Pott", "Belopp", "Fördelat", "Ofördelat", "Anm."],
        ...ev.pots.map((p) => [
          p.id,
          formatKr(p.amount),
          formatKr(p.allocated),
          formatKr(p.unallocated),
          [
            p.provisional ? "preliminär" : "",
            p.outside ? `utanför totalen, betalas av ${p.outside.payer}` : "",
            p.payee ? `till ${p.payee}` : "",
            p.unallocated > 0n ? (p.unallocatedReason ?? "") : "",
          ]
            .filter(Boolean)
            .join("; "),
        ]),
      ],
      [1, 2, 3],
    ),
  );
  const recips = ev.recipients.filter((r) => !lan || r.lan === lan);
  out.push("");
  if (lan) {
    out.push(`${getLan(lan)!.name}:`);
    for (const e of ev.counties[lan].events) if (e.kind === "coverage" || e.kind === "county-all" || e.kind === "failing-landsting") out.push(`  ${renderEvent(e)}`);
  }
  const potIds = ev.pots.filter((p) => p.kind === "performance" || p.kind === "fixed").map((p) => p.id);
  out.push(
    table(
      [
        ["Kod", "Mottagare", "Totalt", ...potIds],
        ...recips.map((r) => [
          r.code,
          r.name,
          formatKr(r.total),
          ...potIds.map((id) => {
            const rp = r.pots.find((x) => x.pot === id);
            return rp ? formatRecipientAmount(rp.status, rp.amount) : formatRecipientAmount("not-applicable", 0n);
          }),
        ]),
      ],
      [2, ...potIds.map((_, i) => 3 + i)],
    ),
  );
  if (explain) {
    for (const r of recips) {
      out.push("");
      out.push(`== ${r.name} (${r.level} ${r.code}): ${formatKr(r.total)}`);
      const seen = new Set<string>();
      for (const e of r.events) {
        const text = renderEvent(e);
        if (seen.has(text)) continue;
        seen.add(text);
        out.push(`  - ${text}${e.assumptions?.length ? ` [antagande: ${e.assumptions.join(", ")}]` : ""}`);
      }
      for (const rp of r.pots) if (rp.status !== "not-applicable") out.push(`  ${rp.pot}: ${formatRecipientStatus(rp.status)}, ${formatKr(rp.amount)}`);
    }
  }
  return out.join("\n");
}

/**
 * Populations in the facts that differ from SCB's, said out loud near the
 * top (issue 15: one typo moved 0114's amount without a word). Every
 * override is listed, also with --county: it moves money in every county.
 */
export function overrideLines(ev: Evaluation): string[] {
  if (ev.overrides.length === 0) return [];
  const out = ["", `OBS: ${ev.overrides.length === 1 ? "en folkmängd skiljer" : `${ev.overrides.length} folkmängder skiljer`} sig från SCB:s (31 december 2013); beloppen räknas med de angivna talen:`];
  for (const o of ev.overrides) {
    out.push(`  ${o.who.code} ${o.who.name}: ${formatInt(o.given)} i stället för SCB:s ${formatInt(o.embedded)} (${formatChange(o.given - o.embedded)})`);
  }
  return out;
}
