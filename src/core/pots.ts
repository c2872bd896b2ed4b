/**
 * Stage 3 of an evaluation: every pot — performance pots shared by key among
 * those who qualify (whole kronor, largest remainder), split between
 * kommuner and landsting in three ways, fixed amounts, organisations' money
 * and amounts the sources do not distribute.
 */
import { allocateInts, splitAmount } from "./allocate";
import { Compiled } from "./compile";
import { Entities, Entity, EntityLevel } from "./entities";
import { InvariantError, StimError } from "./errors";
import { pow10, Scaled, toCommonScale } from "./exact";
import { KeyValue } from "./facts";
import { KeyRef, Pot } from "./model";
import { and } from "./rules";
import { TraceEvent, Verdict } from "./trace";
import { getLan, LAN } from "../reference";

export type { RecipientStatus } from "./model";
import type { RecipientStatus } from "./model";

export interface PotShare {
  level: EntityLevel;
  code: string;
  name: string;
  status: RecipientStatus;
  amount: bigint;
  /** The key value used (after scaling to whole units), when any. */
  key?: bigint;
  events: TraceEvent[];
}

export interface PotResult {
  id: string;
  title: string;
  kind: Pot["kind"];
  amount: bigint;
  allocated: bigint;
  unallocated: bigint;
  unallocatedReason?: string;
  /** True when some candidate's data is missing: the shares may change. */
  provisional: boolean;
  missing: string[];
  payee?: string;
  /** Money outside the agreement's total, paid by another payer. */
  outside?: { payer: string; title: string };
  shares: PotShare[];
  tieBreaks: { winner: string; loser: string; by: "key" | "id" | "position" }[];
  events: TraceEvent[];
}

interface Ctx {
  compiled: Compiled;
  ents: Entities;
  trace: boolean;
  /** Every kommun, landsting and län (as a county), listed once for all pots. */
  ks: Entity[];
  ls: Entity[];
  cs: Entity[];
}

interface Candidate {
  entity: Entity;
  status: RecipientStatus;
  key: bigint | Scaled | "missing";
  events: TraceEvent[];
}

const NONE: TraceEvent[] = [];

export function evaluatePots(compiled: Compiled, ents: Entities, trace: boolean): PotResult[] {
  const ctx: Ctx = { compiled, ents, trace, ks: [...ents.kommuner.values()], ls: [...ents.landsting.values()], cs: [...ents.counties.values()] };
  return compiled.agreement.pots.map((pot) => evaluatePot(pot, ctx));
}

function evaluatePot(pot: Pot, ctx: Ctx): PotResult {
  const amount = BigInt(pot.amount);
  const result: PotResult = {
    id: pot.id,
    title: pot.title,
    kind: pot.kind,
    amount,
    allocated: 0n,
    unallocated: 0n,
    provisional: false,
    missing: [],
    payee: pot.payee,
    outside: pot.outside,
    shares: [],
    tieBreaks: [],
    events: [],
  };
  for (const c of ctx.compiled.agreement.conflicts) {
    if (c.pots?.includes(pot.id)) {
      result.events.push({ kind: "conflict", applied: true, pot: pot.id, conflict: c.id, subject: c.subject, resolution: c.resolution, source: c.claims[0]?.source });
    }
  }
  const potEvent = (type: "organisation" | "unspecified" | "fixed", extra: { assigned?: bigint; unallocated?: bigint } = {}) =>
    result.events.push({
      kind: "pot",
      applied: type === "unspecified" ? null : true,
      pot: pot.id,
      title: pot.title,
      type,
      amount,
      payee: pot.payee,
      outside: pot.outside?.payer,
      source: pot.source,
      assumptions: pot.assumptions,
      ...extra,
    });
  if (pot.kind === "organisation") {
    result.allocated = amount;
    potEvent("organisation");
  } else if (pot.kind === "unspecified") {
    result.unallocated = amount;
    result.unallocatedReason = "Källorna anger inte hur beloppet fördelas mellan mottagarna.";
    potEvent("unspecified");
    applyFixed(pot, ctx, result);
  } else if (pot.kind === "fixed") {
    applyFixed(pot, ctx, result);
    potEvent("fixed", { assigned: result.allocated, unallocated: result.unallocated });
  } else {
    performancePot(pot, ctx, result);
  }
  if (result.allocated + result.unallocated !== amount) {
    throw new InvariantError(`${pot.id}: fördelat ${result.allocated} + ofördelat ${result.unallocated} ≠ ${amount}`);
  }
  const shareSum = result.shares.reduce((s, x) => s + x.amount, 0n);
  if (pot.kind !== "organisation" && shareSum !== result.allocated) {
    throw new InvariantError(`${pot.id}: andelarnas summa ${shareSum} ≠ fördelat ${result.allocated}`);
  }
  return result;
}

function statusOf(met: Verdict): RecipientStatus {
  return met === true ? "eligible" : met === false ? "not-eligible" : "missing-data";
}

/** Fixed amounts per recipient; whatever the entries do not cover stays unallocated. */
function applyFixed(pot: Pot, ctx: Ctx, result: PotResult): void {
  const { ents } = ctx;
  let assigned = 0n;
  let conditional = 0;
  let withheld = 0;
  let unmet = 0;
  const entries = pot.fixed ?? [];
  const listed = new Set(entries.flatMap((f) => (f.recipients === "*" ? [] : f.recipients)));
  for (const f of entries) {
    const codes =
      f.recipients === "*"
        ? (f.level === "kommun" ? [...ents.kommuner.keys()] : LAN.map((l) => l.code)).filter((c) => !listed.has(c))
        : f.recipients;
    for (const code of codes) {
      const e = f.level === "kommun" ? ents.kommuner.get(code) : f.level === "landsting" || f.level === "lan" ? ents.landsting.get(code) : undefined;
      if (!e) continue;
      const asLevel: EntityLevel = f.level === "kommun" ? "kommun" : "landsting";
      const lan = f.level === "lan" ? getLan(code) : undefined;
      const who = lan ? { level: "lan" as const, code, name: lan.name } : e.who;
      const paidTo = lan ? (f.payee ? { level: "lan" as const, code, name: `${f.payee} i ${lan.name}` } : e.who) : undefined;
      const fixedEvent = (amt: bigint | null, applied: Verdict, condition?: string, rule?: string): TraceEvent => ({
        kind: "fixed",
        applied,
        pot: pot.id,
        title: pot.title,
        who,
        paidTo,
        amount: amt,
        condition,
        rule,
        source: f.source,
        assumptions: f.assumptions,
      });
      if (f.rule) {
        // A condition the facts answer (a rule of the agreement): paid when met,
        // not paid when not met, still conditional while unanswered.
        const answerer = ents.answererOf(f.rule, f.level === "lan" ? ents.counties.get(code)! : e);
        const rr = ents.ruleFor(answerer, f.rule);
        const events: TraceEvent[] = ctx.trace ? [...rr.events] : [];
        const amt = f.amount === null ? null : BigInt(f.amount);
        events.push(fixedEvent(amt, rr.met, f.condition, f.rule));
        if (rr.met === true && amt !== null) {
          assigned += amt;
          result.shares.push({ level: asLevel, code, name: e.name, status: "eligible", amount: amt, events });
        } else {
          if (rr.met === false) unmet++;
          else conditional++;
          result.shares.push({ level: asLevel, code, name: e.name, status: rr.met === false ? "not-eligible" : "missing-data", amount: 0n, events });
        }
        continue;
      }
      if (f.amount === null || f.condition) {
        // Announced later, or conditional on something not assessed here.
        conditional++;
        result.shares.push({
          level: asLevel,
          code,
          name: e.name,
          status: "missing-data",
          amount: 0n,
          events: [fixedEvent(f.amount === null ? null : BigInt(f.amount), null, f.condition)],
        });
        continue;
      }
      const amt = BigInt(f.amount);
      const events: TraceEvent[] = [];
      let gate: Verdict = true;
      if (pot.gated && ctx.compiled.requirements.length) {
        const g = f.level === "lan" ? ents.counties.get(code)!.gate : e.gate;
        gate = g;
        events.push({ kind: "gate", applied: g, pot: pot.id, who, source: pot.source, assumptions: pot.assumptions });
      }
      events.push(fixedEvent(amt, gate));
      if (gate !== true) {
        withheld++;
        if (gate === null) {
          result.provisional = true;
          result.missing.push(`${asLevel}:${code}`);
        }
        result.shares.push({ level: asLevel, code, name: e.name, status: statusOf(gate), amount: 0n, events });
        continue;
      }
      assigned += amt;
      result.shares.push({ level: asLevel, code, name: e.name, status: "eligible", amount: amt, events });
    }
  }
  const amount = BigInt(pot.amount);
  if (assigned > amount) throw new InvariantError(`${pot.id}: fasta belopp ${assigned} > potten ${amount}`);
  result.allocated = assigned;
  result.unallocated = amount - assigned;
  if (result.unallocated > 0n && pot.kind === "fixed") {
    result.unallocatedReason = withheld
      ? `${withheld} mottagare uppfyller inte grundkraven (eller uppgift saknas); deras belopp betalas inte ut.`
      : unmet
        ? `${unmet} mottagare uppfyller inte villkoret; deras belopp betalas inte ut.${conditional ? ` För ${conditional} mottagare saknas uppgift om villkoret.` : ""}`
        : conditional
        ? `Villkorade belopp eller belopp som meddelas senare (${conditional} mottagare) ingår inte.`
        : "Delar av potten har ingen angiven mottagare i källorna.";
  }
}

/** A key value for an entity: whole units, or an exact decimal; capped where the key says so. */
function keyValue(e: Entity, key: KeyRef, pot: Pot, ctx: Ctx, events: TraceEvent[]): bigint | Scaled | "missing" {
  if (!key.input && key.id === "population") return e.population;
  const v: KeyValue | null | undefined = e.facts?.keys.get(key.id);
  if (v === undefined || v === null) return "missing";
  if (!key.cap) {
    if (Array.isArray(v)) throw new StimError(`${key.label}: en lista per stadsdel gäller bara begränsade nycklar.`, `keys.${key.id}`);
    return v.scale === 0 ? v.mantissa : v;
  }
  const parts = Array.isArray(v) ? v : [v];
  const max = BigInt(key.cap.max);
  let given = 0n;
  let used = 0n;
  for (const p of parts) {
    if (p.scale > 0 && p.mantissa % pow10(p.scale) !== 0n) {
      throw new StimError(`${e.name}: ${key.label} ska vara hela antal (fick ${p.mantissa}e-${p.scale}).`, `keys.${key.id}`);
    }
    const n = p.mantissa / pow10(p.scale);
    given += n;
    used += n > max ? max : n;
  }
  if (ctx.trace) {
    events.push({
      kind: "key-cap",
      applied: used < given,
      pot: pot.id,
      key: key.label,
      who: e.who,
      given,
      used,
      max: key.cap.max,
      districts: Array.isArray(v) ? v.length : 0,
      source: key.cap.source,
      assumptions: key.assumptions,
    });
  }
  return used;
}

function performancePot(pot: Pot, ctx: Ctx, result: PotResult): void {
  const { compiled, ents, trace } = ctx;
  const amount = BigInt(pot.amount);
  const key = pot.key;
  if (!key) throw new InvariantError(`${pot.id}: prestationspott utan fördelningsnyckel`);
  const goal = pot.goal;
  const required = goal ? compiled.withRequired(goal).slice(1) : [];
  const higher = (pot.excludedBy ?? []).map((id) => compiled.pots.get(id)!).filter((p) => p.goal);
  const gated = pot.gated === true && compiled.requirements.length > 0;

  const candidateFor = (e: Entity): Candidate => {
    const events: TraceEvent[] = trace ? [] : NONE;
    let met: Verdict = true;
    if (gated) {
      met = e.gate;
      if (trace) events.push({ kind: "gate", applied: e.gate, pot: pot.id, who: e.who });
    }
    if (goal) {
      for (const t of higher) {
        if (ents.ruleFor(e, t.goal!).met === true) {
          met = false;
          if (trace) events.push({ kind: "excluded", applied: true, pot: pot.id, by: t.id, who: e.who, assumptions: pot.assumptions });
        }
      }
      for (const r of required) {
        const rr = ents.ruleFor(ents.answererOf(r.id, e), r.id);
        met = and(met, rr.met);
        if (trace) for (const ev of rr.events) events.push(ev);
      }
      const g = ents.ruleFor(e, goal);
      met = and(met, g.met);
      if (trace) for (const ev of g.events) events.push(ev);
    }
    let kv = keyValue(e, key, pot, ctx, events);
    if (kv === "missing") {
      if (trace) events.push({ kind: "key-missing", applied: null, pot: pot.id, key: key.label, who: e.who, source: key.source });
      if (met === true) met = null;
    }
    if (met === false) kv = 0n;
    return { entity: e, status: statusOf(met), key: kv, events };
  };

  const { ks, ls, cs } = ctx;
  const split = pot.split;
  if (!split) {
    const list = pot.level === "kommun" ? ks : pot.level === "landsting" ? ls : pot.level === "lan" ? cs : [...ks, ...ls];
    share(pot, amount, list.map(candidateFor), result, ctx);
    return;
  }
  const rates = [split.kommuner, split.landsting];
  const splitEvent = (scope: "pot" | "kommun" | "lan" | "landsting-total", amt: bigint, kp: bigint, lp: bigint, who?: Entity, landsting?: Entity): TraceEvent => ({
    kind: "split",
    applied: true,
    pot: pot.id,
    title: pot.title,
    scope,
    who: who?.who,
    landsting: landsting?.who,
    amount: amt,
    kommunPart: kp,
    landstingPart: lp,
    kommunRate: split.kommuner,
    landstingRate: split.landsting,
    source: split.source,
    assumptions: split.assumptions,
  });
  const withhold = (e: Entity, amt: bigint, gate: Verdict, events: TraceEvent[]) => {
    result.unallocated += amt;
    result.unallocatedReason ??= "Del av potten går till en mottagare som inte uppfyller grundkraven (eller saknar uppgifter); den betalas inte ut.";
    if (gate === null) {
      result.provisional = true;
      result.missing.push(`${e.level}:${e.code}`);
    }
    if (trace) events.push({ kind: "withheld", applied: gate, pot: pot.id, who: e.who, amount: amt, source: pot.source, assumptions: pot.assumptions });
  };
  const ownGate = (e: Entity): Verdict => (gated ? e.gate : true);

  if (split.mode === "pot") {
    const [kPart, lPart] = splitAmount(amount, rates);
    result.events.push(splitEvent("pot", amount, kPart, lPart));
    share(pot, kPart, ks.map(candidateFor), result, ctx, "kommuner");
    share(pot, lPart, ls.map(candidateFor), result, ctx, "landsting");
    return;
  }
  if (split.mode === "per-kommun") {
    const landstingAmounts = new Map<string, bigint>();
    const landstingEvents = new Map<string, TraceEvent[]>();
    for (const s of firstStage(pot, amount, ks.map(candidateFor), result, ctx)) {
      if (s.amount === 0n) {
        result.shares.push(s);
        continue;
      }
      const [kp, lp] = splitAmount(s.amount, rates);
      const k = ents.kommuner.get(s.code)!;
      const l = ents.landsting.get(k.lan)!;
      if (trace) s.events.push(splitEvent("kommun", s.amount, kp, lp, k, l));
      s.amount = kp; // the first stage's share is this pot's kommun share (not kept elsewhere)
      result.shares.push(s);
      const g = ownGate(l);
      if (g !== true) {
        let evs = landstingEvents.get(l.code);
        if (!evs) landstingEvents.set(l.code, (evs = []));
        withhold(l, lp, g, evs);
        continue;
      }
      landstingAmounts.set(l.code, (landstingAmounts.get(l.code) ?? 0n) + lp);
    }
    for (const l of ls) {
      const lp = landstingAmounts.get(l.code) ?? 0n;
      const events = landstingEvents.get(l.code) ?? (trace ? [] : NONE);
      if (lp > 0n && trace) events.push(splitEvent("landsting-total", lp, 0n, lp, undefined, l));
      result.shares.push({
        level: "landsting",
        code: l.code,
        name: l.name,
        status: lp > 0n ? "eligible" : l.gate === false ? "not-eligible" : l.gate === null ? "missing-data" : "not-applicable",
        amount: lp,
        events,
      });
    }
    result.allocated = result.shares.reduce((s, x) => s + x.amount, 0n);
    return;
  }
  // per-lan: each län's share is split; the kommun part is divided among the county's kommuner.
  const kKey = split.kommunKey ?? { id: "population", label: "Antal invånare 31 december 2013", input: false, source: split.source, status: split.status };
  for (const s of firstStage(pot, amount, cs.map(candidateFor), result, ctx)) {
    const lan = getLan(s.code)!;
    const l = ents.landsting.get(s.code)!;
    const kEnts = lan.kommuner.map((c) => ents.kommuner.get(c)!);
    const countyEvents = s.events;
    if (s.amount === 0n) {
      result.shares.push({ ...s, level: "landsting", name: l.name, events: countyEvents });
      for (const ke of kEnts) result.shares.push({ level: "kommun", code: ke.code, name: ke.name, status: s.status, amount: 0n, events: countyEvents });
      continue;
    }
    const [kp, lp] = splitAmount(s.amount, rates);
    const sEvent = trace ? splitEvent("lan", s.amount, kp, lp, ents.counties.get(s.code), l) : undefined;
    const lEvents = trace ? extended(countyEvents, sEvent!) : NONE;
    const lg = ownGate(l);
    if (lg === true) {
      result.shares.push({ level: "landsting", code: s.code, name: l.name, status: "eligible", amount: lp, key: s.key, events: lEvents });
    } else {
      const evs = trace ? [...lEvents] : NONE;
      withhold(l, lp, lg, evs);
      result.shares.push({ level: "landsting", code: s.code, name: l.name, status: statusOf(lg), amount: 0n, events: evs });
    }
    // Kommuner that fail their own requirements take no part of the kommun part.
    const kGates = kEnts.map(ownGate);
    const kKeys = kEnts.map((e, i) => {
      if (kGates[i] !== true) return 0n;
      const v = keyValue(e, kKey, pot, ctx, []);
      if (v === "missing") {
        throw new StimError(`${pot.id}: nyckeln "${kKey.label}" saknas för ${e.name} (${e.code}); den behövs för att dela kommunernas del i ${lan.name}.`, `keys.${kKey.id}`);
      }
      return v;
    });
    const ints = toInts(kKeys);
    const eligible = kGates.map((g) => g === true);
    const a = allocateInts(kp, ints, "largest-remainder", eligible, lan.kommuner);
    if (a.unallocated > 0n) {
      result.unallocated += a.unallocated;
      result.unallocatedReason ??= "Ingen kommun i länet uppfyller grundkraven; kommunernas del betalas inte ut.";
      for (const [i, e] of kEnts.entries()) if (kGates[i] === null) {
        result.provisional = true;
        result.missing.push(`kommun:${e.code}`);
      }
    }
    for (const [i, ke] of kEnts.entries()) {
      let events = NONE;
      if (trace) {
        if (eligible[i]) {
          events = extended(countyEvents, sEvent!, {
            kind: "division",
            applied: true,
            pot: pot.id,
            lan: lan.name,
            amount: kp,
            kommuner: eligible.filter(Boolean).length,
            key: kKey.label,
            who: ke.who,
            share: a.amounts[i],
            source: kKey.source,
            assumptions: kKey.assumptions,
          });
        } else events = extended(countyEvents, sEvent!, gateEvent(pot, ke, kGates[i]));
      }
      result.shares.push({
        level: "kommun",
        code: ke.code,
        name: ke.name,
        status: eligible[i] ? "eligible" : statusOf(kGates[i]),
        amount: a.amounts[i],
        key: ints[i],
        events,
      });
    }
  }
  result.allocated = result.shares.reduce((s, x) => s + x.amount, 0n);
}

function gateEvent(pot: Pot, e: Entity, gate: Verdict): TraceEvent {
  return { kind: "gate", applied: gate, pot: pot.id, who: e.who };
}

/** A copy of `events` with one or two more at the end, sized once (no growth while copying). */
function extended(events: readonly TraceEvent[], a: TraceEvent, b?: TraceEvent): TraceEvent[] {
  const n = events.length;
  const out: TraceEvent[] = new Array(n + (b ? 2 : 1));
  for (let i = 0; i < n; i++) out[i] = events[i];
  out[n] = a;
  if (b) out[n + 1] = b;
  return out;
}

/** Keys to integers on one common scale (exact). */
function toInts(keys: (bigint | Scaled)[]): bigint[] {
  if (keys.every((k) => typeof k === "bigint")) return keys as bigint[];
  return toCommonScale(keys.map((k) => (typeof k === "bigint" ? { mantissa: k, scale: 0 } : k)));
}

/**
 * The first stage of a two-stage split: shares the pot among the candidates
 * (kommuner or län), recording events, ties and missing data on the pot, and
 * returns the stage's shares for the caller to split further.
 */
function firstStage(pot: Pot, amount: bigint, cands: Candidate[], result: PotResult, ctx: Ctx): PotShare[] {
  const stage: PotResult = { ...result, shares: [], events: [], tieBreaks: [], allocated: 0n, unallocated: 0n, missing: [] };
  share(pot, amount, cands, stage, ctx);
  result.events.push(...stage.events);
  result.tieBreaks.push(...stage.tieBreaks);
  result.missing.push(...stage.missing);
  result.provisional = stage.provisional;
  result.unallocated += stage.unallocated;
  result.unallocatedReason = stage.unallocatedReason;
  return stage.shares;
}

/** Shares `amount` among candidates by key; records statuses, events and ties. */
function share(pot: Pot, amount: bigint, cands: Candidate[], result: PotResult, ctx: Ctx, part?: "kommuner" | "landsting"): void {
  const keyLabel = pot.key!.label;
  let nMissing = 0;
  for (const c of cands) {
    if (c.status === "missing-data") {
      nMissing++;
      result.provisional = true;
      result.missing.push(`${c.entity.level}:${c.entity.code}`);
    }
  }
  const eligible = cands.map((c) => c.status === "eligible" && c.key !== "missing");
  const ints = toInts(cands.map((c, i) => (eligible[i] ? (c.key as bigint | Scaled) : 0n)));
  const ids = cands.map((c) => c.entity.tieId);
  const a = allocateInts(amount, ints, "largest-remainder", eligible, ids);
  let keySum = 0n;
  for (const k of ints) keySum += k;
  let nEligible = 0;
  for (const e of eligible) if (e) nEligible++;
  if (a.unallocated > 0n) {
    result.unallocated += a.unallocated;
    result.unallocatedReason =
      nEligible === 0
        ? "Ingen mottagare nådde målet (eller uppfyllde grundkraven); medlen fördelas inte ut här."
        : "Mottagarna som nådde målet har nyckelvärdet 0.";
  }
  result.allocated += a.allocated;
  result.events.push({
    kind: "allocation",
    applied: nEligible > 0,
    pot: pot.id,
    title: pot.title,
    part,
    amount,
    recipients: nEligible,
    key: keyLabel,
    keySum,
    leftover: a.leftover,
    missing: nMissing,
    source: pot.source,
    keySource: pot.key?.source,
    assumptions: [...(pot.key?.assumptions ?? []), ...(pot.assumptions ?? [])],
  });
  for (const t of a.tieBreaks) result.tieBreaks.push({ winner: ids[t.winner], loser: ids[t.loser], by: t.by });
  if (a.tieBreaks.length) {
    result.events.push({
      kind: "tie-break",
      applied: true,
      pot: pot.id,
      title: pot.title,
      part,
      winners: [...new Set(a.tieBreaks.map((t) => cands[t.winner].entity.name))],
      losers: [...new Set(a.tieBreaks.map((t) => cands[t.loser].entity.name))],
      by: a.tieBreaks[0].by,
    });
  }
  let nextExtra = 0; // a.extras is in ascending row order
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    const amt = a.amounts[i];
    const extra = a.extras[nextExtra] === i;
    if (extra) nextExtra++;
    const events = ctx.trace ? c.events : NONE;
    if (ctx.trace && c.status === "eligible") {
      events.push({
        kind: "share",
        applied: true,
        pot: pot.id,
        title: pot.title,
        part,
        who: c.entity.who,
        amount: amt,
        of: amount,
        key: keyLabel,
        keyValue: ints[i],
        keySum,
        extra,
        source: pot.source,
      });
    }
    result.shares.push({
      level: c.entity.level,
      code: c.entity.code,
      name: c.entity.name,
      status: c.status,
      amount: amt,
      key: c.key === "missing" ? undefined : ints[i],
      events,
    });
  }
}
