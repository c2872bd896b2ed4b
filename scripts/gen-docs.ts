/**
 * Writes docs/agreements.md and docs/cli.md from the agreement data and from
 * real runs of the CLI, so the documentation cannot drift from the code.
 * Run: npm run docs. A test checks that the committed files are current.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allCommands } from "../src/cli/commands";
import { CliResult, run, runAsync } from "../src/cli/main";
import { formatCitation, formatDate, formatKr, formatPeriod, formatRate, formatThreshold, SOURCE_KIND_SV } from "../src/core/format";
import { Agreement, Citation, GATE_SV, POT_KIND_SV, RECIPIENT_LEVEL_SV, Requirement, RULE_LEVEL_SV, SPLIT_MODE_SV } from "../src/core/model";

/** An item's status in words. */
const STATUS_SV: Readonly<Record<"sourced" | "assumption", string>> = { sourced: "enligt källan", assumption: "antagande" };
import { consequenceText, obligationCalendar } from "../src/core/obligations";
import { SOURCE_DOCUMENTS } from "../src/reference/sources";
import { AGREEMENTS, ALL_CONFLICTS } from "../src/agreements";
import { traceDoc } from "./gen-trace-doc";
import { makeValidateExample } from "./make-validate-example";

/** A citation in a table cell or list: "(Psykisk ohälsa 2014 §3.4.2)"; the table of source documents gives the full form. */
const cite = (c: Citation) => `(${formatCitation(c, "short")})`;

/** The source registry as a table: what each short name stands for. */
function sourcesTable(out: string[]): void {
  out.push("## Källdokument");
  out.push("");
  out.push("| kortnamn | dokument | typ | utfärdare | datum | nummer | roll | fil |");
  out.push("|---|---|---|---|---|---|---|---|");
  for (const d of SOURCE_DOCUMENTS) {
    const date = d.date ? `${formatDate(d.date.iso)}${d.date.role === "signed" ? " (undertecknad)" : ""}` : "anges inte";
    out.push(
      `| ${d.short} | ${d.name}: ”${d.title}” | ${SOURCE_KIND_SV[d.kind]} | ${d.issuer} | ${date} | ${d.reference ?? "—"} | ${d.role === "primary" ? "primär" : "sekundär"} | \`${d.doc}\` |`,
    );
  }
}

/** What the agreement requires besides money, in date order (stim kalender shows the same). */
function obligationsTable(a: Agreement, out: string[]): void {
  const cal = obligationCalendar([a]);
  out.push("");
  out.push("### Åtaganden och datum");
  out.push("");
  out.push("Det som ska göras utöver fördelningen av pengar: av vem, senast när, och vad som händer annars. `stim kalender` visar dem i datumordning och skriver dem som iCalendar-fil.");
  out.push("");
  out.push("| när | vem | vad | om det missas | källa | status |");
  out.push("|---|---|---|---|---|---|");
  const cell = (t: string) => t.replace(/\|/g, "\\|");
  const seen = new Set<string>();
  for (const e of cal.dated) {
    if (seen.has(e.obligationId)) continue; // a monthly rule: one row for the rule
    seen.add(e.obligationId);
    const o = a.obligations!.find((x) => x.id === e.obligationId)!;
    const when = o.due.kind === "monthly" ? `den ${o.due.day}:e månaden efter varje mätmånad ${o.due.from} – ${o.due.to}` : e.when;
    out.push(`| ${when} | ${e.who}${e.to ? ` → ${cell(e.to)}` : ""} | ${cell(e.what)} | ${cell(consequenceText(e))} | ${cite(e.source)} | ${e.status === "assumption" ? `antagande (${e.assumptions.map((x) => `\`${x}\``).join(", ")})` : "källa"} |`);
  }
  for (const e of cal.undated) {
    out.push(`| ${e.note} | ${e.who}${e.to ? ` → ${cell(e.to)}` : ""} | ${cell(e.what)} | ${cell(consequenceText(e))} | ${cite(e.source)} | ${e.status === "assumption" ? "antagande" : "källa"} |`);
  }
}

export function agreementsDoc(): string {
  const out: string[] = [];
  out.push("# Överenskommelserna i Stimulans");
  out.push("");
  out.push("Genererad av `npm run docs` från `src/agreements/` — redigera inte för hand.");
  out.push("Källhänvisningar anges med dokumentets kortnamn och avsnitt, t.ex. (Psykisk ohälsa 2014 §3.4.2); tabellen Källdokument säger vad varje kortnamn står för.");
  out.push("Titel, datum och nummer är hämtade ur dokumenten och kontrolleras mot dem (`stim check`).");
  out.push("");
  out.push("| id | överenskommelse | totalt | potter | antaganden |");
  out.push("|---|---|---:|---:|---:|");
  for (const a of AGREEMENTS) out.push(`| \`${a.id}\` | ${a.title} | ${formatKr(a.total)} | ${a.pots.length} | ${a.assumptions.length} |`);
  out.push("");
  sourcesTable(out);
  for (const a of AGREEMENTS) {
    out.push("");
    out.push(`## \`${a.id}\`: ${a.title}`);
    out.push("");
    out.push(`Totalt ${formatKr(a.total)}. Källa: ${formatCitation(a.source)}.`);
    for (const n of a.notes ?? []) out.push(`\n> ${n}`);
    out.push("");
    out.push("### Potter");
    out.push("");
    out.push("| pott | belopp | slag | mottagare | nyckel | fördelning | källa | status |");
    out.push("|---|---:|---|---|---|---|---|---|");
    for (const p of a.pots) {
      out.push(
        `| \`${p.id}\` | ${formatKr(p.amount)} | ${POT_KIND_SV[p.kind]} | ${p.payee ?? RECIPIENT_LEVEL_SV[p.level]} | ${p.key ? `${p.key.label}${p.key.input ? ` (indata \`${p.key.id}\`)` : ""}` : "—"} | ${p.split ? `${formatRate(p.split.kommuner)} kommuner, ${formatRate(p.split.landsting)} landsting (${SPLIT_MODE_SV[p.split.mode]})` : "—"} | ${cite(p.source)} ${p.source.label} | ${STATUS_SV[p.status]} |`,
      );
    }
    if (a.requirements.length || a.goals.length) {
      out.push("");
      out.push("### Grundkrav och prestationsmål");
      out.push("");
      out.push("| regel | nivå | kriterier | källa |");
      out.push("|---|---|---|---|");
      for (const r of [...a.requirements, ...a.goals]) {
        const crit = r.criteria
          .map((c) => {
            const thr =
              c.kind === "share"
                ? ` ${formatThreshold(c.op, c.threshold)}`
                : c.kind === "months-lower"
                  ? ` (minst ${c.required} av ${c.months} månader lägre)`
                  : c.kind === "indicator-improvement"
                    ? ` (förbättring ≥ ${c.minImprovement}${c.attainmentAlternative ? ` eller måluppfyllelse ≥ ${c.attainmentAlternative} %` : ""})`
                    : "";
            return `\`${c.id}\` ${c.label}${thr}`;
          })
          .join("<br>");
        const gate = "gate" in r ? ` (grundkrav: ${GATE_SV[(r as Requirement).gate]})` : "";
        out.push(`| \`${r.id}\` ${r.title}${gate} | ${RULE_LEVEL_SV[r.level]} | ${crit} | ${cite(r.source)} |`);
      }
    }
    if (a.assumptions.length) {
      out.push("");
      out.push("### Antaganden");
      out.push("");
      out.push("Välj ett alternativ med `--assume <id>=<alternativ>` (koderna inom parentes) eller i faktafilen.");
      out.push("");
      out.push("| id | antagande | standardval | alternativ | skäl | källa |");
      out.push("|---|---|---|---|---|---|");
      const option = (o: { id: string; label: string }) => `${o.label} (\`${o.id}\`)`;
      for (const x of a.assumptions)
        out.push(
          `| \`${x.id}\` | ${x.title} | ${option(x.options.find((o) => o.id === x.default)!)} | ${x.options.filter((o) => o.id !== x.default).map(option).join("<br>")} | ${x.reason} | ${cite(x.source)} |`,
        );
    }
    if (a.totals.length) {
      out.push("");
      out.push("### Summor som kontrolleras vid laddning");
      out.push("");
      for (const t of a.totals) out.push(`- ${t.label}: ${formatKr(t.amount)} ${cite(t.source)}`);
    }
    if (a.dates.length) {
      out.push("");
      out.push("### Datum och mätperioder");
      out.push("");
      for (const d of a.dates) out.push(`- ${d.label}: ${formatPeriod(d.date)} ${cite(d.source)}${d.status === "assumption" ? " (antagande)" : ""}`);
    }
    if (a.obligations?.length) obligationsTable(a, out);
  }
  out.push("");
  out.push("## Kända motsägelser mellan källorna");
  out.push("");
  for (const c of ALL_CONFLICTS) {
    out.push(`- **${c.id}** (${c.agreement}): ${c.subject}`);
    for (const cl of c.claims) out.push(`  - ${cl.source.label}: ${cl.value}. Källa: ${formatCitation(cl.source)}.`);
    out.push(`  - Används: ${c.resolvedValue}. ${c.resolution}`);
  }
  return out.join("\n") + "\n";
}

/**
 * Real runs shown under each command, in the order `stim help` lists them.
 * Paths are relative: the workbook commands run in a fresh temporary folder.
 * A command missing here fails `cliDoc()`, so a new command cannot go undocumented.
 */
const EXAMPLES: Record<string, string[][]> = {
  agreements: [["agreements"], ["agreements", "--json=false"]],
  pots: [["pots", "prio-2014"]],
  assumptions: [["assumptions", "prio-2014"]],
  allocate: [
    ["allocate", "--pot", "100", "--keys", "1,1,1", "--ids", "0114,0115,0117"],
    ["allocate", "--pot", "100", "--keys", "1,1,1", "--method", "round"],
    ["allocate", "--pot", "1000000", "--keys", "41449,31616,40495", "--json"],
  ],
  population: [["population", "0180"], ["population", "01"]],
  evaluate: [
    ["evaluate", "prio-2014", "--scenario", "demo"],
    ["evaluate", "prio-2014", "--scenario", "demo", "--county", "09", "--explain"],
    ["evaluate", "prio-2014", "--input", "missing.json"],
  ],
  demo: [["demo", "prio-2014"]],
  summary: [
    ["summary", "--county", "01"],
    ["summary", "--county", "01", "--json"],
  ],
  conflicts: [["conflicts"]],
  takeover: [
    ["takeover", "--cost", "1133000", "--year", "2015"],
    ["takeover", "--cost", "1133000", "--year", "0x7DF"],
  ],
  "model-year": [["model-year", "--year", "5", "--amount", "1000000"]],
  cofinancing: [["cofinancing", "--grant", "1000000", "--own", "900000"]],
  template: [["template", "prio-2014", "--county", "01", "--demo", "--out", "01.xlsx"]],
  validate: [
    ["validate", "01.xlsx"],
    // The folder made by scripts/make-validate-example.ts (see below).
    ["validate", "lan", "--out", "rapport.xlsx"],
  ],
  check: [["check", "/saknas"]],
  kalender: [["kalender", "--agreement", "prio-2014", "--from", "2014-10-01"], ["kalender", "--agreement", "aldre-2014", "--county", "01", "--ics", "aldre-01.ics"]],
};

/** Each example's output, at most `max` lines. */
function shown(args: string[], r: CliResult, max = 60): string[] {
  const out = ["```text", `$ npm run --silent stim -- ${args.join(" ")}`];
  let text = (r.stdout || r.stderr).trimEnd();
  const lines = text.split("\n");
  if (lines.length > max) text = [...lines.slice(0, max), `… (${lines.length - max} rader till)`].join("\n");
  out.push(text);
  if (r.code !== 0) out.push(`(slutkod ${r.code})`);
  out.push("```");
  return out;
}

export async function cliDoc(): Promise<string> {
  const out: string[] = [];
  out.push("# `stim` — kommandoraden");
  out.push("");
  out.push("Genererad av `npm run docs` med riktiga körningar — redigera inte för hand.");
  out.push(
    "`npm ci` bygger kommandot till en fil, `build/stim.cjs` (paketets `bin`). Kör det som `npm run --silent stim -- <kommando> [flaggor]` eller direkt: `node build/stim.cjs <kommando> [flaggor]`.",
  );
  out.push("Slutkoder: 0 allt i ordning, 1 avvikelser eller fel i granskade filer, 2 indata som inte kan användas (felet på en rad till stderr).");
  out.push("");
  out.push("```text");
  out.push(run(["help"]).stdout.trimEnd());
  out.push("```");
  const commands = allCommands();
  out.push("");
  out.push(commands.map((c) => `[${c.name}](#stim-${c.name})`).join(" · "));
  const here = process.cwd();
  const work = mkdtempSync(join(tmpdir(), "stim-docs-"));
  try {
    // The workbook examples run in an empty folder, so every path in the output is relative and the same each time.
    process.chdir(work);
    await makeValidateExample("lan");
    for (const c of commands) {
      const examples = EXAMPLES[c.name];
      if (!examples) throw new Error(`docs/cli.md: inget exempel för "stim ${c.name}"; lägg till det i EXAMPLES i scripts/gen-docs.ts`);
      out.push("");
      out.push(`## stim ${c.name}`);
      out.push("");
      out.push("```text");
      out.push(run([c.name, "--help"]).stdout.trimEnd());
      out.push("```");
      if (c.name === "validate") {
        out.push("");
        out.push(
          "Mappen `lan` i exemplet byggs av `npx tsx scripts/make-validate-example.ts lan`: tre länsark från `stim template … --demo`, där 03 har ett belopp inskrivet för hand och 05 en andel skriven som 9000 %, och 06.xlsx som inte är en arbetsbok.",
        );
      }
      for (const args of examples) {
        out.push("");
        out.push(...shown(args, await runAsync(args), c.name === "demo" ? 25 : 60));
      }
    }
  } finally {
    process.chdir(here);
    rmSync(work, { recursive: true, force: true });
  }
  return out.join("\n") + "\n";
}

if (require.main === module) {
  const dir = join(__dirname, "..", "docs");
  writeFileSync(join(dir, "agreements.md"), agreementsDoc());
  writeFileSync(join(dir, "trace.md"), traceDoc());
  cliDoc().then(
    (text) => {
      writeFileSync(join(dir, "cli.md"), text);
      console.log("Wrote docs/agreements.md, docs/cli.md and docs/trace.md");
    },
    (e: Error) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
