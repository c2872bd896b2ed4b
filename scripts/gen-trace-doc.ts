/**
 * docs/trace.md: one explanation rendered from the typed trace of a real
 * evaluation (prio-2014 on the fictional demo scenario), and the events it
 * was rendered from, so a reader sees both the values and the text.
 * Written by `npm run docs`; a test keeps it current.
 */
import { evaluate } from "../src/core/evaluate";
import { renderEvent } from "../src/core/render";
import { TraceEvent } from "../src/core/trace";
import { getAgreement } from "../src/agreements";
import { demoFacts } from "../src/agreements/demo";

function json(e: TraceEvent): string {
  return JSON.stringify(e, (_k, v) => (typeof v === "bigint" ? `${v}n` : v), 2);
}

export function traceDoc(): string {
  const a = getAgreement("prio-2014");
  const ev = evaluate(a, demoFacts(a));
  const r = ev.recipients.find((x) => x.level === "landsting" && x.code === "03")!;
  const out: string[] = [];
  out.push("# Förklaringar: den typade spårningen och hur den återges");
  out.push("");
  out.push("Genererad av `npm run docs` från en riktig körning — redigera inte för hand.");
  out.push("");
  out.push(
    "Varje steg i en beräkning sparas som en händelse (`TraceEvent`, `src/core/trace.ts`) med en sort, exakta värden (heltal som `bigint`, andelar som bråk `{ n, d }`, gränser som decimaltext ur avtalsdatan), källhänvisningen, de antaganden som gällde och om steget uppfylldes (`applied`: sant, falskt eller `null` när uppgift saknas). En enda återgivare (`src/core/render.ts`) gör svensk text av händelserna; kommandoraden, `STIM.EXPLAIN`, aktivitetsfönstret och xlsx-filerna använder samma återgivare.",
  );
  out.push("");
  out.push("Beräkningen går i steg: fakta tolkas och överenskommelsen kompileras med valda antaganden (`facts.ts`, `compile.ts`) → mottagarna (`entities.ts`) → grundkrav och länsregler (`gates.ts`) → potterna (`pots.ts`) → summor och kontroller (`evaluate.ts`).");
  out.push("");
  out.push("## Händelsesorter i denna körning");
  out.push("");
  out.push("| sort | antal (hela landet) |");
  out.push("|---|---:|");
  const kinds = new Map<string, number>();
  const seen = new Set<TraceEvent>();
  const all: TraceEvent[] = [...Object.values(ev.counties).flatMap((c) => c.events), ...ev.pots.flatMap((p) => [...p.events, ...p.shares.flatMap((s) => s.events)])];
  for (const rr of ev.recipients) all.push(...rr.events);
  for (const e of all) {
    if (seen.has(e)) continue;
    seen.add(e);
    kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  }
  for (const [k, n] of [...kinds].sort((x, y) => y[1] - x[1])) out.push(`| \`${k}\` | ${n} |`);
  out.push("");
  out.push(`## ${r.name}, ${ev.title} (fiktivt demoscenario)`);
  out.push("");
  out.push("Så här återges hela förklaringen för en mottagare (`stim evaluate prio-2014 --scenario demo --county 03 --explain` visar samma rader):");
  out.push("");
  const lines = new Set<string>();
  for (const e of r.events) lines.add(renderEvent(e));
  for (const t of lines) out.push(`- ${t}`);
  out.push("");
  out.push("## Samma steg som data");
  out.push("");
  out.push("Tre av händelserna ovan, som de lagras (bigint skrivs här med `n`):");
  for (const kind of ["coverage", "criterion", "share"] as const) {
    const e = r.events.find((x) => x.kind === kind && (kind !== "criterion" || (x as { value: { type: string } }).value.type === "share"))!;
    out.push("");
    out.push("```json");
    out.push(json(e));
    out.push("```");
    out.push("");
    out.push(`> ${renderEvent(e)}`);
  }
  return out.join("\n") + "\n";
}
