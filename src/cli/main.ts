/**
 * `stim`: the command line over the rules core. `run(argv)` is pure apart
 * from reading an --input file, so tests call it directly.
 */
import { readFileSync } from "node:fs";
import { allocate, METHODS, Method, splitAmount } from "../core/allocate";
import { checkAgreement, checkSourceTexts } from "../core/check";
import { renderEvent, renderEvents } from "../core/render";
import { StimError } from "../core/errors";
import { Evaluation, evaluate } from "../core/evaluate";
import { D, parseKronor } from "../core/exact";
import { formatCitation, formatKr, formatKrChange, formatRate, formatRecipientAmount, formatRecipientStatus, formatSummaryKind } from "../core/format";
import { cofinancingMet, stateShareInModelYear, takeOver } from "../core/thresholds";
import { EBP_NEW_MODEL_BASE_YEARS, EBP_NEW_MODEL_STATE_SHARE, EBP_TAKEOVER_SCHEDULE, EHALSA_COFINANCING } from "../agreements/ebp-2014";
import { countySummary } from "../core/summary";
import { seedReader, seedResolver, defaultSeedDir } from "../core/seeds";
import { AGREEMENTS, ALL_CONFLICTS, getAgreement } from "../agreements";
import { demoFacts } from "../agreements/demo";
import { parseFactsJson } from "../core/facts";
import { getLan, normaliseCode, population, REFERENCE_SOURCE } from "../reference";
import { join } from "node:path";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const USAGE = `Användning: stim <kommando> [flaggor]

Kommandon:
  agreements [--json]                         överenskommelserna med totalbelopp
  pots <överenskommelse> [--json]             potterna i en överenskommelse
  assumptions <överenskommelse> [--json]      antagandena och deras standardval
  allocate --pot <kr> --keys <k1,k2,…> [--eligible 1,0,…] [--ids <kod,…>]
           [--method largest-remainder|round|exact] [--json]
  population <kommunkod|länskod> [--json]     folkmängd 31 december 2013 (SCB)
  evaluate <överenskommelse> (--scenario demo | --input <fil.json|fil.xlsx>)
           [--county <länskod>] [--assume <id>=<val>]… [--json] [--explain]
  demo <överenskommelse>                      skriver det fiktiva demoscenariot som JSON
  summary --county <länskod> [--json]         allt ett län kan få, med minimibelopp
  conflicts [--json]                          kända motsägelser mellan källorna
  takeover --cost <kr> --year <år> [--json]   huvudmännens övertagande av stödstrukturernas kostnader
  model-year --year <n> [--amount <kr>] [--json]  statens andel i den nya finansieringsmodellen
  cofinancing --grant <kr> --own <kr> [--json]    eHälsa: länets egen insats minst lika stor
  check [--seeds <mapp>]                      kör självkontrollerna och källhänvisningarna
  template <överenskommelse> [--county <länskod>] [--demo] --out <fil.xlsx>
                                              skriver ett fördelningsark (Excel) med formler
  validate <fil.xlsx | mapp> [--agreement <id>] [--json] [--out <rapport.xlsx>]
                                              granskar ifyllda fördelningsark mot reglerna`;

interface Parsed {
  positional: string[];
  flags: Map<string, string[]>;
}

const BOOLEAN_FLAGS = new Set(["json", "explain", "help"]);

function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      let name = a.slice(2);
      let value: string | undefined;
      const eq = name.indexOf("=");
      if (eq >= 0) {
        value = name.slice(eq + 1);
        name = name.slice(0, eq);
      }
      if (BOOLEAN_FLAGS.has(name)) value = value ?? "true";
      else if (value === undefined) {
        value = argv[i + 1];
        if (value === undefined || (value.startsWith("--") && value.length > 2)) {
          throw new StimError(`Flaggan --${name} behöver ett värde.`);
        }
        i++;
      }
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else positional.push(a);
  }
  return { positional, flags };
}

function flag(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  return v ? v[v.length - 1] : undefined;
}

function allowFlags(p: Parsed, allowed: string[]): void {
  for (const f of p.flags.keys()) {
    if (!allowed.includes(f)) throw new StimError(`Okänd flagga --${f} för detta kommando (tillåtna: ${allowed.map((x) => "--" + x).join(", ") || "inga"}).`);
  }
}

/** JSON with BigInt as numbers (all amounts are far below 2^53). */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v) => {
      if (typeof v === "bigint") {
        if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) return v.toString();
        return Number(v);
      }
      return v;
    },
    2,
  );
}

function table(rows: string[][], alignRight: number[] = []): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) => r.map((cell, c) => (alignRight.includes(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ").trimEnd())
    .join("\n");
}

function splitList(text: string | undefined, what: string): string[] {
  if (text === undefined) throw new StimError(`--${what} saknas.`);
  return text.split(",").map((s) => s.trim());
}

/** Facts already read by an async face (an .xlsx given to `evaluate --input`). */
export interface Preloaded {
  facts: unknown;
  /** A line printed before the result (e.g. how a county sheet is evaluated). */
  note?: string;
}

export function run(argv: string[], preloaded?: Preloaded): CliResult {
  try {
    const out = dispatch(argv, preloaded);
    return { code: 0, stdout: out.endsWith("\n") ? out : out + "\n", stderr: "" };
  } catch (e) {
    const msg = e instanceof StimError ? e.message : e instanceof Error ? `Oväntat fel: ${e.message}` : String(e);
    return { code: e instanceof StimError ? 2 : 1, stdout: "", stderr: `stim: ${msg.replace(/\s*\n\s*/g, " ")}\n` };
  }
}

function dispatch(argv: string[], preloaded?: Preloaded): string {
  const p = parseArgs(argv);
  const [cmd, ...rest] = p.positional;
  const json = p.flags.has("json");
  if (!cmd || cmd === "help" || p.flags.has("help")) return USAGE;
  switch (cmd) {
    case "agreements": {
      allowFlags(p, ["json"]);
      const rows = AGREEMENTS.map((a) => ({
        id: a.id,
        title: a.title,
        year: a.year,
        total: a.total,
        pots: a.pots.length,
        assumptions: a.assumptions.length,
        source: a.source,
      }));
      if (json) return toJson(rows);
      return table(
        [["Id", "Överenskommelse", "Totalt", "Potter"], ...rows.map((r) => [r.id, r.title, formatKr(r.total), String(r.pots)])],
        [2, 3],
      );
    }
    case "pots": {
      allowFlags(p, ["json"]);
      const a = getAgreement(rest[0]);
      const rows = a.pots.map((pot) => ({
        id: pot.id,
        title: pot.title,
        amount: pot.amount,
        kind: pot.kind,
        recipients: pot.level,
        key: pot.key ? { id: pot.key.id, label: pot.key.label, status: pot.key.status } : null,
        split: pot.split ? { kommuner: pot.split.kommuner, landsting: pot.split.landsting, mode: pot.split.mode } : null,
        goal: pot.goal ?? null,
        payee: pot.payee ?? null,
        source: pot.source,
        status: pot.status,
        assumptions: pot.assumptions ?? [],
      }));
      if (json) return toJson(rows);
      return (
        `${a.title} (${a.id}), totalt ${formatKr(a.total)}\n\n` +
        table(
          [
            ["Pott", "Belopp", "Mottagare", "Nyckel", "Fördelning", "Källa"],
            ...a.pots.map((pot) => [
              pot.id,
              formatKr(pot.amount),
              pot.payee ?? pot.level,
              pot.key ? pot.key.label + (pot.key.status === "assumption" ? " (antagande)" : "") : "—",
              pot.split ? `${formatRate(pot.split.kommuner)}/${formatRate(pot.split.landsting)}` : "—",
              formatCitation(pot.source, "short"),
            ]),
          ],
          [1],
        )
      );
    }
    case "assumptions": {
      allowFlags(p, ["json"]);
      const a = getAgreement(rest[0]);
      if (json) return toJson(a.assumptions);
      return a.assumptions
        .map((x) => `${x.id}\n  ${x.title}\n  Standard: ${x.default} (${x.options.find((o) => o.id === x.default)?.label ?? ""})\n  Alternativ: ${x.options.map((o) => o.id).join(", ")}\n  Skäl: ${x.reason}\n  Källa: ${formatCitation(x.source)}`)
        .join("\n\n");
    }
    case "allocate": {
      allowFlags(p, ["pot", "keys", "eligible", "ids", "method", "json"]);
      const keys = splitList(flag(p, "keys"), "keys");
      const eligibleText = flag(p, "eligible");
      const eligible = eligibleText === undefined ? undefined : splitList(eligibleText, "eligible").map((v, i) => parseFlag01(v, i));
      const ids = flag(p, "ids") === undefined ? undefined : splitList(flag(p, "ids"), "ids");
      const method = (flag(p, "method") ?? "largest-remainder") as Method;
      if (!METHODS.includes(method)) throw new StimError(`--method måste vara ett av ${METHODS.join(", ")} (fick "${method}").`);
      const potText = flag(p, "pot");
      if (potText === undefined) throw new StimError("--pot saknas (potten i hela kronor).");
      const res = allocate(potText, keys, { method, eligible, ids });
      const values = method === "exact" ? res.exact!.map((x) => (x.terminating ? x.text : `${x.numerator}/${x.denominator}`)) : res.amounts;
      if (json) {
        if (method === "exact") return toJson(values);
        return toJson(values);
      }
      const sum = res.amounts.reduce((s, x) => s + x, 0n);
      const lines = values.map((v, i) => `${ids ? ids[i] : `rad ${i + 1}`}: ${typeof v === "bigint" || !v.includes("/") ? formatKr(v) : `${v} kr`}`);
      lines.push(`Summa: ${method === "exact" ? formatKr(res.allocated) : formatKr(sum)} av ${formatKr(res.pot)}`);
      if (res.unallocated > 0n) lines.push(`Ofördelat: ${formatKr(res.unallocated)} (ingen behörig mottagare med nyckel > 0)`);
      if (method === "round" && res.difference !== 0n) lines.push(`Avvikelse mot potten (avrundning per rad): ${formatKrChange(res.difference)}`);
      for (const t of res.tieBreaks) {
        const name = (i: number) => (ids ? ids[i] : `rad ${i + 1}`);
        lines.push(`Lika rest: ${name(t.winner)} fick kronan före ${name(t.loser)} (${t.by === "key" ? "större nyckel" : t.by === "id" ? "lägre kod" : "tidigare rad"})`);
      }
      return lines.join("\n");
    }
    case "population": {
      allowFlags(p, ["json"]);
      const code = rest[0];
      const c = normaliseCode(code);
      if (!c) throw new StimError(`Okänd kod "${code ?? ""}": ange kommunkod (t.ex. 0180) eller länskod (t.ex. 01).`);
      const n = population(c.code)!;
      if (json) return toJson({ code: c.code, kind: c.kind, population: n, source: REFERENCE_SOURCE });
      return String(n);
    }
    case "demo": {
      allowFlags(p, []);
      const a = getAgreement(rest[0]);
      return toJson(demoFacts(a));
    }
    case "evaluate": {
      allowFlags(p, ["scenario", "input", "county", "json", "explain", "assume"]);
      const a = getAgreement(rest[0]);
      const scenario = flag(p, "scenario");
      const input = flag(p, "input");
      let facts: unknown;
      if (scenario !== undefined && input !== undefined) throw new StimError("Ange antingen --scenario eller --input, inte båda.");
      if (preloaded) {
        facts = preloaded.facts;
      } else if (scenario !== undefined) {
        if (scenario !== "demo") throw new StimError(`Okänt scenario "${scenario}" (finns: demo).`);
        facts = demoFacts(a);
      } else if (input !== undefined) {
        let text: string;
        try {
          text = readFileSync(input, "utf8");
        } catch {
          throw new StimError(`Kan inte läsa filen ${input}.`);
        }
        facts = parseFactsJson(text);
      } else throw new StimError("Ange --scenario demo eller --input <fil.json>.");
      const assume: Record<string, string> = {};
      for (const s of p.flags.get("assume") ?? []) {
        const eq = s.indexOf("=");
        if (eq < 0) throw new StimError(`--assume väntar <id>=<alternativ>, fick "${s}".`);
        assume[s.slice(0, eq)] = s.slice(eq + 1);
      }
      const county = flag(p, "county");
      if (county !== undefined) {
        const c = normaliseCode(county);
        if (!c || c.kind !== "lan") throw new StimError(`Okänd länskod "${county}" (två siffror, t.ex. 01).`);
      }
      const ev = evaluate(a, facts, { assumptions: assume });
      const lan = county === undefined ? undefined : normaliseCode(county)!.code;
      if (json) return evaluationJson(ev, lan, p.flags.has("explain"));
      return (preloaded?.note ? `${preloaded.note}\n` : "") + evaluationText(ev, lan, p.flags.has("explain"));
    }
    case "summary": {
      allowFlags(p, ["county", "json"]);
      const county = flag(p, "county") ?? rest[0];
      const c = normaliseCode(county);
      if (!c || c.kind !== "lan") throw new StimError(`Ange --county <länskod> (två siffror, t.ex. 01), fick "${county ?? ""}".`);
      const s = countySummary(AGREEMENTS, c.code);
      if (json) return toJson(s);
      const rows = s.items.map((i) => [i.agreement, i.title, i.amount === null ? (i.kind === "later" ? "meddelas senare" : "beror på resultat") : formatKr(i.amount), formatSummaryKind(i.kind)]);
      return [
        `Stimulansmedel 2014 för ${s.name} (${s.county})`,
        "",
        table([["Överenskommelse", "Post", "Belopp", "Typ"], ...rows], [2]),
        "",
        `Summa (minst): ${formatKr(s.minimum)} plus eventuell prestationsersättning`,
        s.conditional ? `Villkorade belopp (om länet ansöker): ${formatKr(s.conditional)}` : "",
        s.later ? `Belopp som meddelas senare: ${s.later} post(er)` : "",
      ]
        .filter((l, i, arr) => l !== "" || (i > 0 && arr[i - 1] !== ""))
        .join("\n");
    }
    case "conflicts": {
      allowFlags(p, ["json"]);
      if (json) return toJson(ALL_CONFLICTS);
      return ALL_CONFLICTS.map(
        (c) =>
          `${c.id} (${c.agreement}): ${c.subject}\n` +
          c.claims.map((cl) => `  ${cl.source.label}: ${cl.value}\n    Källa: ${formatCitation(cl.source)}`).join("\n") +
          `\n  Används: ${c.resolvedValue} — ${c.resolution}`,
      ).join("\n\n");
    }
    case "takeover": {
      allowFlags(p, ["cost", "year", "json"]);
      const year = Number(flag(p, "year"));
      const schedule = EBP_TAKEOVER_SCHEDULE.map((r) => ({ year: r.year, share: r.principalShare }));
      const t = takeOver(flag(p, "cost"), year, schedule);
      const row = [...EBP_TAKEOVER_SCHEDULE].reverse().find((r) => r.year <= year)!;
      const out = { year, cost: parseKronor(flag(p, "cost"), "kostnad"), principalShare: t.share, principal: t.principal, state: t.state, source: row.source };
      if (json) return toJson(out);
      return `År ${year}: huvudmännen bär ${formatRate(t.share)} av ${formatKr(out.cost)} = ${formatKr(t.principal)}; staten ${formatKr(t.state)} (${formatCitation(row.source, "short")}).`;
    }
    case "model-year": {
      allowFlags(p, ["year", "amount", "json"]);
      const y = Number(flag(p, "year"));
      const r = stateShareInModelYear(y, EBP_NEW_MODEL_BASE_YEARS.years, EBP_NEW_MODEL_STATE_SHARE);
      const row = EBP_NEW_MODEL_STATE_SHARE.find((x) => x.yearOfModel === y);
      const src = row?.source ?? EBP_NEW_MODEL_BASE_YEARS.source;
      const amountText = flag(p, "amount");
      let state: bigint | null = null;
      if (amountText !== undefined && r.share !== null) state = splitAmount(parseKronor(amountText, "amount"), [r.share, new D(1).minus(r.share).toString()])[0];
      if (json) return toJson({ yearOfModel: y, phase: r.phase, stateShare: r.share, state, source: src });
      if (r.share === null) return `År ${y} i modellen: statlig grundfinansiering (år 1–${EBP_NEW_MODEL_BASE_YEARS.years}); källan anger ingen andel (${formatCitation(src, "short")}).`;
      return `År ${y} i modellen: statens andel ${formatRate(r.share)}${state !== null ? ` = ${formatKr(state)}` : ""} (${formatCitation(src, "short")}).`;
    }
    case "cofinancing": {
      allowFlags(p, ["grant", "own", "json"]);
      const r = cofinancingMet(flag(p, "grant"), flag(p, "own"), EHALSA_COFINANCING.minRatio);
      if (json) return toJson({ met: r.met, required: r.required.toFixed(0), minRatio: EHALSA_COFINANCING.minRatio, source: EHALSA_COFINANCING.source });
      return `Egen insats ${r.met ? "räcker" : "räcker inte"}: minst ${formatKr(BigInt(r.required.ceil().toFixed(0)))} krävs (lika mycket som stimulansbidraget) (${formatCitation(EHALSA_COFINANCING.source, "short")}).`;
    }
    case "check": {
      allowFlags(p, ["seeds"]);
      const dir = flag(p, "seeds") ?? defaultSeedDir(join(__dirname, "..", ".."));
      const resolver = seedResolver(dir);
      const issues = [...checkSourceTexts(seedReader(dir)), ...AGREEMENTS.flatMap((a) => checkAgreement(a, resolver))];
      if (issues.length) throw new StimError(`${issues.length} fel: ${issues.map((i) => `${i.agreement} ${i.item}: ${i.message}`).join("; ")}`);
      const cites = AGREEMENTS.length;
      return `OK: ${cites} överenskommelser klarar självkontrollerna; alla källhänvisningar, och källregistrets titlar, datum och referensnummer, finns i ${dir}.`;
    }
    default:
      throw new StimError(`Okänt kommando "${cmd}". Kör "stim help" för en lista.`);
  }
}

function parseFlag01(v: string, i: number): boolean {
  const t = v.toLowerCase();
  if (["1", "true", "ja", "x", "sant"].includes(t)) return true;
  if (["0", "false", "nej", "", "falskt"].includes(t)) return false;
  throw new StimError(`--eligible: värde ${i + 1} ("${v}") ska vara 1 eller 0.`);
}

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
