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
    // A Map, not an object: "__proto__", "constructor" or "toString" are ids like any other (unknown ones are refused by the core).
    const chosen = new Map<string, string>();
    for (const s of values.assume) {
      const eq = s.indexOf("=");
      if (eq <= 0) throw new StimError(`--assume väntar <id>=<alternativ>, fick "${s}".`);
      const id = s.slice(0, eq);
      if (chosen.has(id)) throw new StimError(`--assume ${id} är angivet två gånger; välj ett alternativ.`);
      chosen.set(id, s.slice(eq + 1));
    }
    const assume: Record<string, string> = Object.fromEntries(chosen);
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

/** The county coverage, county-wide rule or failing landsting that shut a county out, as one line. */
function countyReason(ev: Evaluation, lan: string): string {
  const events = ev.counties[lan]?.events ?? [];
  const decisive = events.filter(
    (e) => (e.kind === "coverage" && e.outcome !== "receive" && e.outcome !== "complying-only") || (e.kind === "county-all" && e.applied !== true) || e.kind === "failing-landsting",
  );
  if (decisive.length) return renderEvent(decisive[0]);
  if (ev.counties[lan]?.gate === null) return "Uppgifter om grundkraven saknas, så det kan inte avgöras om länet får medel.";
  if (ev.counties[lan]?.gate === false) return "Grundkraven är inte uppfyllda i länet.";
  // Otherwise pot by pot: the goals nobody reached, and why the other pots pay nothing here.
  const open = ev.pots.filter((p) => ev.recipients.some((r) => r.lan === lan && r.pots.some((x) => x.pot === p.id && x.status !== "not-applicable")));
  const goals = open.filter((p) => p.kind === "performance").map((p) => p.id);
  const parts = [
    ...(goals.length ? [`ingen mottagare i länet nådde målet i ${andList(goals)}`] : []),
    ...open.filter((p) => p.kind !== "performance").map((p) => `${p.id}: ${lowerFirst(p.unallocatedReason ?? "inget belopp till länet")}`),
  ];
  return parts.length ? `${upperFirst(parts.join("; "))}${/[.!?]$/.test(parts[parts.length - 1]) ? "" : "."}` : "Ingen pott i överenskommelsen betalar något till länet.";
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Västerbottens län och Norrbottens län", "A, B och C". */
function andList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

function evaluationText(ev: Evaluation, lan: string | undefined, explain: boolean): string {
  const out: string[] = [];
  const recips = ev.recipients.filter((r) => !lan || r.lan === lan);
  const cmd = `stim evaluate ${ev.agreement}${ev.fictional ? " --scenario demo" : " --input <fil>"}`;

  // Counties in code order; those whose recipients could receive something but get nothing.
  const lanCodes = [...new Set(ev.recipients.map((r) => r.lan))];
  const lanTotal = (code: string) => ev.recipients.filter((r) => r.lan === code).reduce((s, r) => s + r.total, 0n);
  const canReceive = (code: string) => ev.recipients.some((r) => r.lan === code && r.pots.some((p) => p.status !== "not-applicable"));
  const empty = lanCodes.filter((c) => canReceive(c) && lanTotal(c) === 0n);
  const lanName = (code: string) => getLan(code)?.name ?? code;

  out.push(`${ev.title} (${ev.agreement})`);
  if (ev.fictional) out.push("FIKTIVA demouppgifter, inte verkliga: beloppen visar hur modellen räknar.");
  out.push("");
  out.push("Sammanfattning");
  out.push(`  Totalt ${formatKr(ev.total)}: fördelat ${formatKr(ev.allocated)}, ofördelat ${formatKr(ev.unallocated)}.`);
  for (const o of ev.outside) {
    out.push(`  Utöver totalen betalar ${o.payer} ${formatKr(o.amount)} (${o.pots.join(", ")}): fördelat ${formatKr(o.allocated)}, ofördelat ${formatKr(o.unallocated)}.`);
  }
  const open = ev.pots.filter((p) => p.unallocated > 0n);
  if (open.length === 0) out.push(ev.pots.length === 2 ? "  Båda potterna är helt fördelade." : `  Alla ${ev.pots.length} potter är helt fördelade.`);
  else {
    out.push(open.length === ev.pots.length ? `  ${ev.pots.length === 2 ? "Båda potterna" : `Alla ${ev.pots.length} potter`} har ofördelade medel:` : `  ${open.length} av ${ev.pots.length} potter har ofördelade medel:`);
    for (const p of open) out.push(`    ${p.id}: ${formatKr(p.unallocated)} ofördelat. ${p.unallocatedReason ?? ""}`.trimEnd());
  }
  const provisional = ev.pots.filter((p) => p.provisional);
  if (provisional.length) out.push(`  Preliminärt: uppgifter saknas i ${provisional.map((p) => p.id).join(", ")}; beloppen kan ändras när de fylls i.`);
  const receiving = recips.filter((r) => r.total > 0n).length;
  out.push(`  ${formatInt(receiving)} av ${formatInt(recips.length)} mottagare${lan ? ` i ${lanName(lan)}` : ""} får medel, ${formatInt(recips.length - receiving)} får inget.`);
  if (!lan && lanCodes.length > 1) {
    const paid = lanCodes.filter((c) => lanTotal(c) > 0n).length;
    out.push(
      `  ${paid === lanCodes.length ? `Alla ${paid}` : `${paid} av ${lanCodes.length}`} län får medel` +
        (empty.length === 0
          ? "."
          : empty.length <= 8
            ? `; ${andList(empty.map(lanName))} får inget (skälet under ”Län som inte får något”).`
            : `; ${empty.length} län får inget (länen och skälen under ”Län som inte får något”).`),
    );
  }
  out.push(...overrideLines(ev));
  out.push("");
  out.push("Prova härnäst");
  const tryCounty = lan ?? empty[empty.length - 1] ?? lanCodes[0];
  if (!explain && tryCounty) {
    out.push(
      `  ${cmd} --county ${tryCounty} --explain`,
      `      varje belopp i ${lanName(tryCounty)} med regler, värden och källor${empty.includes(tryCounty) ? ` (varför länet inte får något)` : ""}`,
    );
  }
  if (!lan && lanCodes.length > 1) out.push(`  ${cmd} --county 01`, "      bara ett län (länskod med två siffror)");
  out.push(`  stim assumptions ${ev.agreement}`, "      antagandena och deras alternativ (välj med --assume <id>=<alternativ>)");
  out.push(`  ${cmd} --json`, "      samma resultat som JSON, för andra program");
  out.push("");
  out.push("Så läses tabellerna");
  out.push("  Alla belopp är i kronor, hela kronor.");
  out.push("  –       potten gäller inte mottagaren (t.ex. en pott som bara går till landstingen)");
  out.push("  0       mottagaren kan få ur potten men får inget: målet är inte nått eller grundkraven inte uppfyllda");
  out.push("  saknas  uppgifter saknas; beloppet kan inte räknas än");
  out.push("");
  out.push("Antaganden där källorna är tysta eller oklara");
  for (const x of ev.assumptions) {
    const reading = x.valueLabel === x.title ? x.title : `${x.title}: ${x.valueLabel}`;
    out.push(`  ${reading}${x.isDefault ? "" : ` (valt med --assume ${x.id}=${x.value})`}`);
  }
  if (ev.assumptions.every((x) => x.isDefault) && ev.assumptions.length) out.push("  (alla är standardval)");
  out.push("");
  out.push("Potter");
  out.push(
    indent(
      table(
        [
          ["Pott", "Belopp, kr", "Fördelat, kr", "Ofördelat, kr", "Anmärkning", "Vad potten gäller"],
          ...ev.pots.map((p) => [
            p.id,
            formatInt(p.amount),
            formatInt(p.allocated),
            formatInt(p.unallocated),
            [
              p.provisional ? "preliminär" : "",
              p.outside ? `utanför totalen, betalas av ${p.outside.payer}` : "",
              p.payee ? `till ${p.payee}` : "",
              p.unallocated > 0n ? (p.unallocatedReason ?? "") : "",
            ]
              .filter(Boolean)
              .join("; "),
            p.title,
          ]),
        ],
        [1, 2, 3],
      ),
    ),
  );
  if (!lan && lanCodes.length > 1) {
    out.push("");
    out.push("Per län");
    out.push(
      indent(
        table(
          [
            ["Kod", "Län", "Mottagare som får medel", "Totalt, kr"],
            ...lanCodes.map((c) => {
              const rs = ev.recipients.filter((r) => r.lan === c);
              return [c, lanName(c), `${rs.filter((r) => r.total > 0n).length} av ${rs.length}`, formatInt(lanTotal(c))];
            }),
          ],
          [2, 3],
        ),
      ),
    );
  }
  const shownEmpty = lan ? empty.filter((c) => c === lan) : empty;
  if (shownEmpty.length) {
    out.push("");
    out.push("Län som inte får något");
    for (const c of shownEmpty) out.push(`  ${c} ${lanName(c)}: ${countyReason(ev, c)}`);
  }
  out.push("");
  if (lan) {
    out.push(`${lanName(lan)}:`);
    for (const e of ev.counties[lan].events) if (e.kind === "coverage" || e.kind === "county-all" || e.kind === "failing-landsting") out.push(`  ${renderEvent(e)}`);
    out.push("");
  }
  out.push(`Mottagare${lan ? ` i ${lanName(lan)}` : ", län för län (kommunerna, sedan landstinget)"}; belopp i kronor`);
  const potIds = ev.pots.filter((p) => p.kind === "performance" || p.kind === "fixed").map((p) => p.id);
  out.push(
    indent(
      table(
        [
          ["Kod", "Mottagare", "Totalt, kr", ...potIds],
          ...recips.map((r) => [
            r.code,
            r.name,
            formatInt(r.total),
            ...potIds.map((id) => {
              const rp = r.pots.find((x) => x.pot === id);
              return rp ? formatRecipientAmount(rp.status, rp.amount) : formatRecipientAmount("not-applicable", 0n);
            }),
          ]),
        ],
        [2, ...potIds.map((_, i) => 3 + i)],
      ),
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
        out.push(`  - ${text}${e.assumptions?.length ? ` [${e.assumptions.length > 1 ? "antaganden" : "antagande"}: ${e.assumptions.map(assumptionTitle(ev)).join("; ")}]` : ""}`);
      }
      for (const rp of r.pots) if (rp.status !== "not-applicable") out.push(`  ${rp.pot}: ${formatRecipientStatus(rp.status)}, ${formatKr(rp.amount)}`);
    }
  }
  return out.join("\n");
}

/** An assumption id as its Swedish title (the id when unknown). */
function assumptionTitle(ev: Evaluation): (id: string) => string {
  return (id) => {
    const x = ev.assumptions.find((a) => a.id === id);
    return x ? `${x.title.charAt(0).toLowerCase()}${x.title.slice(1)}` : id;
  };
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
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
