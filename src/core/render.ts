/**
 * The one renderer of the typed trace: Swedish sentences for the CLI,
 * STIM.EXPLAIN, the task pane and xlsx explanation columns. Values stay
 * values until here. Percentages shown next to an exact verdict get as many
 * decimals as it takes for the number shown to agree with the verdict.
 */
import {
  formatChange,
  formatCitation,
  formatComparison,
  formatDecimal,
  formatInt,
  formatKr,
  formatPercent,
  formatRate,
  formatShareAgainst,
  formatVerdict,
} from "./format";
import { Fraction, fromDecimal, mul } from "./fraction";
import { Citation, Comparison } from "./model";
import { CriterionEvent, TraceEvent, Verdict } from "./trace";

/** "(Psykisk ohälsa 2014 §3.4.1)": a short citation for running text (src/core/format.ts). */
export function cite(c: Citation | undefined): string {
  return c ? `(${formatCitation(c, "short")})` : "";
}

export function verdictText(met: Verdict): string {
  return formatVerdict(met);
}

export function comparisonText(op: Comparison): string {
  return formatComparison(op);
}

/**
 * A percentage that agrees with its comparison: 2 decimals, more when the
 * figure shown would otherwise equal or cross the threshold while the exact
 * value does not (79,99967 % is not "80,00 %"), up to 8; beyond that,
 * "knappt"/"drygt" (src/core/format.ts, formatShareAgainst).
 */
export function percentText(f: Fraction, threshold?: string, op: Comparison = ">="): string {
  return threshold === undefined ? formatPercent(f) : formatShareAgainst(f, threshold, op);
}

/** An exact decimal number with up to `max` decimals ("≈ " when rounded). */
const decimalText = (f: Fraction, max = 2): string => formatDecimal(f, max);

const signed = (f: Fraction): string => formatChange(f);

function partText(part: "kommuner" | "landsting" | undefined): string {
  return part === "kommuner" ? " (kommunernas del)" : part === "landsting" ? " (landstingens del)" : "";
}

function listNames(names: readonly string[]): string {
  return names.length > 6 ? `${names.slice(0, 6).join(", ")} m.fl. (${names.length})` : names.join(", ");
}

function criterionText(e: CriterionEvent): string {
  const src = cite(e.source);
  const v = e.value;
  switch (v.type) {
    case "missing":
      return `${e.label}: uppgift saknas ${src}.`;
    case "boolean":
      return `${e.label}: ${v.answer ? "ja" : "nej"} ${src} → ${verdictText(e.applied)}.`;
    case "not-applicable":
      return `${e.label}: ej aktuellt, räknas som ${v.countsAsMet ? "uppfyllt" : "inte uppfyllt"} ${src} → ${verdictText(e.applied)}.`;
    case "share": {
      const thr = `${comparisonText(v.op)} ${formatRate(v.threshold)}`;
      const pct = percentText(v.value, v.threshold, v.op);
      const shown = v.counts ? `${formatInt(v.counts.part)} av ${formatInt(v.counts.total)} (${pct})` : pct;
      return `${e.label}: ${shown} ${e.applied ? "" : "inte "}${thr} ${src} → ${verdictText(e.applied)}.`;
    }
    case "target-count": {
      const line = mul(fromDecimal(v.threshold), v.target);
      const base = v.population === null ? "angiven målsiffra" : `${formatRate(v.rate)} av ${formatInt(v.population)} invånare`;
      return (
        `${e.label}: ${formatInt(v.count)} registrerade; målsiffran är ${decimalText(v.target)} (${base}) och ` +
        `${formatRate(v.threshold)} av den är ${decimalText(line, 3)}: ${formatInt(v.count)} ${e.applied ? "" : "inte "}${comparisonText(v.op)} ${decimalText(line, 3)} ${src} → ${verdictText(e.applied)}.`
      );
    }
    case "months-lower": {
      const rule = v.match === "exactly" ? "exakt" : "minst";
      return `${e.label}: lägre än samma månad året innan i ${v.lower} av ${v.months} månader (krav: ${rule} ${v.required}; lika räknas inte som lägre) ${src} → ${verdictText(e.applied)}.`;
    }
    case "improvement": {
      if (v.undefinedRelative) return `${e.label}: relativ förbättring kan inte beräknas när ett utgångsvärde är 0 ${src}.`;
      const unit = v.unit === "relative" ? "%" : "procentenheter";
      const op = comparisonText(v.op);
      const parts = v.indicators.map(
        (i) => `${i.name} ${decimalText(i.baseline)} → ${decimalText(i.result)}: ${signed(i.improvement)}${i.hundredRule ? " (100 %-regeln)" : ""}`,
      );
      const improved =
        v.basis === "each"
          ? `Varje indikator ska förbättras ${op} ${v.min} ${unit}: ${v.improved ? "ja" : "nej"}`
          : `Genomsnittlig förbättring ${signed(v.average)} ${unit} ${v.improved ? op : v.op === ">=" ? "<" : "≤"} ${v.min}`;
      const alt = v.attainment
        ? `; genomsnittlig måluppfyllelse ${decimalText(v.attainment.average)} % ${v.attainment.met ? "≥" : "<"} ${v.attainment.level} %`
        : "";
      return `${e.label}: ${parts.join("; ")}. ${improved}${alt} ${src} → ${verdictText(e.applied)}.`;
    }
  }
}

/** One event as a Swedish sentence. */
export function renderEvent(e: TraceEvent): string {
  switch (e.kind) {
    case "criterion":
      return criterionText(e);
    case "rule": {
      // The verdict once, then what decided it: "inte uppfyllt (brister: …)", "uppgift saknas för …".
      const head = `${e.rule} ${e.title} ${cite(e.source)}`;
      if (e.applied === null && e.missing.length && !e.failed.length) return `${head}: uppgift saknas för ${e.missing.join(", ")}.`;
      const why = [e.failed.length ? `brister: ${e.failed.join(", ")}` : "", e.missing.length ? `uppgift saknas för ${e.missing.join(", ")}` : ""].filter(Boolean);
      return `${head}: ${verdictText(e.applied)}${why.length ? ` (${why.join("; ")})` : ""}.`;
    }
    case "county-all":
      return (
        `${e.rule} ${e.title} gäller samtliga kommuner och landstinget i länet ${cite(e.source)}: ${e.met} av ${e.of} uppfyller` +
        (e.failing.length ? `; uppfyller inte: ${listNames(e.failing)}` : "") +
        (e.missing.length ? `; uppgift saknas för ${listNames(e.missing)}` : "") +
        ` → ${e.applied === true ? "länet uppfyller kravet" : e.applied === false ? "ingen i länet kan få del av medlen" : "kan inte avgöras"}.`
      );
    case "own-gate":
      return `${e.rule} prövas för ${e.who.name} för sig ${cite(e.source)}: ${verdictText(e.applied)}.`;
    case "coverage": {
      const thr = `${comparisonText(e.op)} ${formatRate(e.threshold)}`;
      const ratio = e.total > 0n ? percentText({ n: e.covered, d: e.total }, e.threshold, e.op) : "–";
      const consequence = {
        receive: "landstinget och de kommuner som uppfyller grundkraven får ta del av medlen",
        undecided: "kan inte avgöras förrän uppgifterna för alla kommuner finns",
        "too-many-failing": `${e.failingKommuner} kommuner brister och undantaget gäller högst ${e.maxFailing ?? 1} kommun (antagande) → ingen i länet får ta del av medlen`,
        "complying-only": "enligt valt antagande får ändå de som själva uppfyller grundkraven ta del av medlen",
        nobody: "ingen i länet får ta del av de prestationsbaserade medlen (antagande)",
      }[e.outcome];
      const cmpText =
        e.applied === true ? thr : e.applied === false ? `inte ${thr}` : `(${formatInt(e.unknown)} invånare i kommuner utan uppgift), krav ${thr}`;
      return `Kommunerna som uppfyller grundkraven har ${formatInt(e.covered)} av ${formatInt(e.total)} invånare (${ratio}) ${cmpText} ${cite(e.source)} → ${consequence}.`;
    }
    case "failing-landsting":
      return `${e.who.name} uppfyller inte grundkraven; enligt valt antagande får då ingen i länet prestationsmedel.`;
    case "gate":
      // The verdict covers the recipient's own answers and the county's rules (e.g. 80 % of the inhabitants).
      return e.applied === true
        ? `${e.pot}: grundkraven är uppfyllda för ${e.who.name}.`
        : e.applied === false
          ? `${e.pot}: grundkraven är inte uppfyllda för ${e.who.name} (egna svar eller länets krav).`
          : `${e.pot}: uppgift saknas om grundkraven för ${e.who.name}.`;
    case "excluded":
      return `${e.who.name} når ${e.by} och delar därför bara ${e.by}, inte ${e.pot} (valt antagande).`;
    case "key-missing":
      return `${e.pot}: fördelningsnyckeln "${e.key}" saknas för ${e.who.name}.`;
    case "key-cap":
      return (
        `${e.pot}: ${e.who.name} har ${e.key.charAt(0).toLowerCase()}${e.key.slice(1)} ${formatInt(e.given)}` +
        `${e.districts ? ` i ${e.districts} stadsdelar` : ""}; högst ${e.max}${e.districts ? " per stadsdel" : ""} räknas → ${formatInt(e.used)} ${cite(e.source)}.`
      );
    case "allocation": {
      const what = `${e.title}${partText(e.part)}`;
      return e.recipients > 0
        ? `${what}: ${formatKr(e.amount)} ${cite(e.source)} delas mellan ${e.recipients} mottagare som nått målet, efter ${e.key} (summa ${formatInt(e.keySum)}), i hela kronor med största rest-metoden${e.leftover > 0n ? ` (${formatKr(e.leftover)} efter avrundning nedåt)` : ""}.` +
            (e.missing ? ` Preliminärt: ${e.missing} mottagare saknar uppgifter.` : "")
        : `${what}: ${formatKr(e.amount)} ${cite(e.source)}: ingen mottagare nådde målet${e.missing ? ` (${e.missing} saknar uppgifter)` : ""} → ${formatKr(e.amount)} redovisas som ofördelat.`;
    }
    case "tie-break":
      return `${e.title}${partText(e.part)}: lika rest vid sista kronan; ${e.winners.join(", ")} före ${e.losers.join(", ")} (avgjort av ${e.by === "key" ? "större nyckel" : "lägre kod"}).`;
    case "share":
      return `${e.who.name} får ${formatKr(e.amount)} av ${formatKr(e.of)} i ${e.title}${partText(e.part)} (${e.key} ${formatInt(e.keyValue)} av ${formatInt(e.keySum)}${e.extra ? ", plus 1 kr vid avrundningen" : ""}) ${cite(e.source)}.`;
    case "split": {
      const k = formatRate(e.kommunRate);
      const l = formatRate(e.landstingRate);
      const src = cite(e.source);
      switch (e.scope) {
        case "pot":
          return `${e.title}: ${formatKr(e.amount)} delas ${k} till kommunerna (${formatKr(e.kommunPart)}) och ${l} till landstingen (${formatKr(e.landstingPart)}) ${src}.`;
        case "kommun":
          return `${e.who?.name}: beräknat belopp ${formatKr(e.amount)} delas ${k} till kommunen (${formatKr(e.kommunPart)}) och ${l} till ${e.landsting?.name} (${formatKr(e.landstingPart)}) ${src}.`;
        case "lan":
          return `${e.who?.name}: ${formatKr(e.amount)} delas ${k} till länets kommuner (${formatKr(e.kommunPart)}) och ${l} till ${e.landsting?.name} (${formatKr(e.landstingPart)}) ${src}.`;
        case "landsting-total":
          return `${e.landsting?.name}: ${l} av beloppen som beräknats för länets kommuner i ${e.pot}, sammanlagt ${formatKr(e.landstingPart)} ${src}.`;
      }
      break;
    }
    case "division":
      return `Kommunernas del i ${e.lan}, ${formatKr(e.amount)}, delas mellan ${e.kommuner} av länets kommuner efter ${e.key} (största rest) ${cite(e.source)}.${e.who && e.share !== undefined ? ` ${e.who.name}: ${formatKr(e.share)}.` : ""}`;
    case "withheld":
      return `${e.who.name} ${e.applied === null ? "saknar uppgifter om grundkraven" : "uppfyller inte grundkraven"}: ${formatKr(e.amount)} av ${e.pot} betalas inte ut och redovisas som ofördelat.`;
    case "fixed": {
      const who = e.paidTo ? `${e.who.name} (betalas till ${e.paidTo.name})` : e.who.name;
      if (e.amount === null && e.rule && e.applied !== null) return `${e.title} för ${who}: villkoret (${e.rule}) är ${e.applied ? "uppfyllt" : "inte uppfyllt"}; beloppet meddelas senare ${cite(e.source)}.`;
      if (e.amount === null) return `${e.title} för ${who}: beloppet meddelas senare ${cite(e.source)}.`;
      if (e.rule) {
        if (e.applied === true) return `${e.title} för ${who}: ${formatKr(e.amount)}; villkoret (${e.rule}) är uppfyllt ${cite(e.source)}.`;
        if (e.applied === false) return `${e.title} för ${who}: ${formatKr(e.amount)} betalas inte ut, villkoret (${e.rule}) är inte uppfyllt ${cite(e.source)}.`;
        return `${e.title} för ${who}: ${formatKr(e.amount)} ${e.condition ?? ""}; uppgift om villkoret (${e.rule}) saknas ${cite(e.source)}.`;
      }
      if (e.condition) return `${e.title} för ${who}: ${formatKr(e.amount)} ${e.condition}; villkoret prövas inte här ${cite(e.source)}.`;
      if (e.applied !== true) return `${e.title} för ${who}: ${formatKr(e.amount)} betalas inte ut, grundkraven är ${verdictText(e.applied)} ${cite(e.source)}.`;
      return `${e.title} för ${who}: fast belopp ${formatKr(e.amount)} ${cite(e.source)}.`;
    }
    case "pot": {
      const src = cite(e.source);
      const outside = e.outside ? ` Betalas av ${e.outside}, utanför överenskommelsens totalbelopp.` : "";
      if (e.type === "organisation") return `${e.title}: ${formatKr(e.amount)} betalas till ${e.payee ?? "organisationen"} ${src}; ingen fördelning till kommuner eller landsting.${outside}`;
      if (e.type === "unspecified") return `${e.title}: ${formatKr(e.amount)} ${src}; fördelningen anges inte i källorna och redovisas som ofördelad.${outside}`;
      return `${e.title}: ${formatKr(e.amount)} ${src}, varav ${formatKr(e.assigned ?? 0n)} fasta belopp till mottagare${e.unallocated ? ` och ${formatKr(e.unallocated)} ofördelat` : ""}.${outside}`;
    }
    case "key-override":
      return `Folkmängden för ${e.who.name} (${e.who.code}) är angiven till ${formatInt(e.given)}, inte SCB:s ${formatInt(e.embedded)} (31 december 2013); beräkningen använder den angivna folkmängden.`;
    case "conflict":
      return `Källorna skiljer sig åt om ${e.subject.charAt(0).toLowerCase()}${e.subject.slice(1)}: ${e.resolution}`;
  }
}

/** Events as lines of text (empty texts dropped). */
export function renderEvents(events: readonly TraceEvent[]): string[] {
  return events.map(renderEvent).filter((t) => t !== "");
}
