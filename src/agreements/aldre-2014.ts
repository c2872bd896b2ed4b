/**
 * aldre-2014: "Sammanhållen vård och omsorg om de mest sjuka äldre 2014",
 * the agreement between the government and SKL (seed 002_0dca93dae4af361b.txt).
 * 1 001 000 000 kr (§4, table §6); funded 320 000 000 from appropriation 1:6
 * and the rest from 4:5 (§8). Socialstyrelsen's 126 500 000 (Bilaga 2) lies
 * outside the total: its pots are marked `outside` (payer Socialstyrelsen)
 * and evaluated like every pot, reported apart from the 1 001 000 000.
 *
 * Reading notes — points the model cannot state by itself:
 * - GK2 (§5.1 krav 2) is answered by every kommun AND the landsting. A
 *   Requirement has one `level`; it is "kommun" here, and gate
 *   "all-in-county" makes kommuner and landsting answer it (see
 *   core/facts.ts answeringLevels).
 * - Senior alert other settings and ROAG are answered by kommuner and the
 *   landsting alike. Their goal rules have level "kommun"; because the pots
 *   have level "kommun+landsting", core/facts.ts answeringLevels lets both
 *   levels answer them.
 * - Goals UNDVIKBAR and ATERINSKRIVNING (level "lan") require
 *   LANDSTING-RAPPORTERING, a rule answered by the county's landsting.
 * - Every non-default assumption option declares its effect as patches on
 *   this data (key swaps, operators, gate scope, tiers …); see core/compile.ts.
 * - The SveDem pots are shared "i relation till antalet" diagnoses and
 *   follow-ups: by key alone among the landsting that meet the basic
 *   requirements, with no yes/no criterion of their own.
 * - The Socialstyrelsen ÄBiC key is capped at two process leaders per
 *   kommun, per city district in the three big cities (KeyRef.cap).
 */
import { Agreement, Citation, Criterion, FixedAmount, KeyRef, Pot, Rule, Split } from "../core/model";
import { ALDRE_2014_OBLIGATIONS } from "./obligations/aldre-2014";

const DOC = "002_0dca93dae4af361b.txt" as const;
const DOC_000 = "000_3dc3d7eee1c32ea7.txt" as const;
const DOC_003 = "003_df29125e70796945.txt" as const;

function src(section: string, label: string, quote?: string): Citation {
  return quote === undefined ? { doc: DOC, section, label } : { doc: DOC, section, label, quote };
}

// Assumption ids (declared in `assumptions`).
const A_GATE = "aldre-2014/grundkrav-county-gate";
const A_UNIT = "aldre-2014/improvement-unit";
const A_TIERS = "aldre-2014/pall-tiers";
const A_HUNDRED = "aldre-2014/hundred-rule-scope";
const A_PALL1_AT_LEAST = "aldre-2014/pall1-at-least";
const A_PALL2_BASIS = "aldre-2014/pall2-improvement-basis";
const A_ATTAINMENT = "aldre-2014/pall-maluppfyllelse";
const A_SA_KEY = "aldre-2014/senior-alert-key";
const A_SA_PPM = "aldre-2014/senior-alert-ppm-scope";
const A_SVEDEM_FOLLOWUP_KEY = "aldre-2014/svedem-followup-key";
const A_LAN_KEY = "aldre-2014/lan-key";
const A_KOMMUN_PART = "aldre-2014/kommun-part-division";
const A_FOUR_OF_SIX = "aldre-2014/four-of-six-at-least";
const A_REPORTING = "aldre-2014/rapportering-krav";
const A_ANALYS_RECIPIENT = "aldre-2014/analys-recipient";
const A_ANALYS_GATED = "aldre-2014/analys-gated";
const A_LEDNINGSKRAFT = "aldre-2014/ledningskraft-payee";
const A_RESULTS_PERIOD = "aldre-2014/results-period";
const A_ABIC_CITIES = "aldre-2014/abic-storstader";
const A_METRO = "aldre-2014/storstadslan";
const A_COUNTY_PAYEE = "aldre-2014/lansbelopp-mottagare";
/** A county's money paid to another body than its landsting (assumption alternatives). */
const REGIONAL_BODY = "Läns-/regionförbundet";

/** Stockholm's development leaders (SKL-PM Stockholms län 2014); the memo names no payee. */
const UL_STOCKHOLM: FixedAmount = {
  recipients: ["01"],
  level: "lan",
  amount: 7000000,
  source: { doc: DOC_003, section: "Utvecklingsledare", label: "Utvecklingsledare, Stockholms län", quote: "Medel 2014: 7 000 000 kronor" },
  status: "sourced",
  assumptions: [A_COUNTY_PAYEE],
};

// ---------------------------------------------------------------------------
// Keys and splits.

/** Senior alert alternatives (aldre-2014/senior-alert-key). */
const SA_POP65: KeyRef = {
  id: "pop65",
  label: "Antal invånare 65 år och äldre",
  input: true,
  source: src("5.3", "Preventivt arbetssätt", "50 miljoner kronor fördelas till de kommuner och landsting vars utförare oavsett"),
  status: "assumption",
  assumptions: [A_SA_KEY],
};
const SA_REGISTRATIONS: KeyRef = {
  id: "sa_registrations",
  label: "Antal registreringar i Senior alert",
  input: true,
  source: src("5.3", "Preventivt arbetssätt", "50 miljoner kronor fördelas till de kommuner och landsting vars utförare oavsett"),
  status: "assumption",
  assumptions: [A_SA_KEY],
};

const POP65: KeyRef = {
  id: "pop65",
  label: "Antal invånare 65 år och äldre",
  input: true,
  source: src("5.3", "God vård i livets slutskede", "kommunerna sker utifrån antalet personer 65 år eller äldre"),
  status: "sourced",
};

/** Senior alert: the sources state no key (assumption). */
const SA_KEY: KeyRef = {
  id: "population",
  label: "Antal invånare 31 december 2013",
  input: false,
  source: src("5.3", "Preventivt arbetssätt", "50 miljoner kronor fördelas till de kommuner och landsting vars utförare oavsett"),
  status: "assumption",
  assumptions: [A_SA_KEY],
};

/** Medication, avoidable care, readmissions: the key between län is not stated. */
const LAN_KEY: KeyRef = {
  id: "population",
  label: "Antal invånare 31 december 2013",
  input: false,
  source: src("5.3", "God läkemedelsbehandling för äldre", "100 miljoner kronor fördelas till de län som under minst 4 av 6"),
  status: "assumption",
  assumptions: [A_LAN_KEY],
};

/** How a län's kommun part (70 %) is divided among its kommuner: not stated. */
const KOMMUN_PART_KEY: KeyRef = {
  id: "population",
  label: "Antal invånare 31 december 2013",
  input: false,
  source: src("5.3", "God läkemedelsbehandling för äldre", "till kommunerna och 30 procent till landstinget i länet."),
  status: "assumption",
  assumptions: [A_KOMMUN_PART],
};

const SPLIT_PALL: Split = {
  kommuner: "0.7",
  landsting: "0.3",
  mode: "per-kommun",
  source: src("5.3", "God vård i livets slutskede", "sker på kommunnivå där kommunerna erhåller 70"),
  status: "sourced",
};

function splitPot(quote: string, label: string): Split {
  return { kommuner: "0.7", landsting: "0.3", mode: "pot", source: src("5.3", label, quote), status: "sourced" };
}

function splitPerLan(quote: string, label: string): Split {
  return {
    kommuner: "0.7",
    landsting: "0.3",
    mode: "per-lan",
    kommunKey: KOMMUN_PART_KEY,
    source: src("5.3", label, quote),
    status: "sourced",
    assumptions: [A_KOMMUN_PART],
  };
}

/** SveDem follow-ups by population instead of the count (aldre-2014/svedem-followup-key). */
const SVEDEM_POPULATION: KeyRef = {
  id: "population",
  label: "Antal invånare 31 december 2013",
  input: false,
  source: src("5.3", "God vård vid demenssjukdom", "och 25 miljoner kronor till landsting för"),
  status: "assumption",
  assumptions: [A_SVEDEM_FOLLOWUP_KEY],
};

/** 75+ as the key between län and within a län (aldre-2014/lan-key, kommun-part-division). */
const LAN_KEY_POP75: KeyRef = { ...LAN_KEY, id: "pop75", label: "Antal invånare 75 år och äldre", input: true };
const KOMMUN_PART_POP75: KeyRef = { ...KOMMUN_PART_KEY, id: "pop75", label: "Antal invånare 75 år och äldre", input: true };
const PER_LAN_POTS = ["LKM-OLAMPLIGA", "LKM-ANTIPSYKOTIKA", "LKM-NSAID", "UNDVIKBAR", "ATERINSKRIVNING"];
const SA_POTS = ["SA-SABO", "SA-OVRIGA", "SA-ROAG"];

const SPLIT_LKM = splitPerLan("av medlen för ett län som uppnått uppsatta mål för läkemedelsindikatorerna", "God läkemedelsbehandling för äldre");
const SPLIT_SAMMANHALLEN = splitPerLan("indikatorer utbetalas till kommunerna och 30 procent till landstinget.", "Sammanhållen vård och omsorg");

// ---------------------------------------------------------------------------
// Goals (§5.3).

const INDICATORS = ["Brytpunktssamtal", "Smärtskattning", "Munhälsa", "Injektion mot ångest vid behov"];

const PALL_COVERAGE = {
  id: "tackningsgrad",
  kind: "share" as const,
  label: "Andel av kommunens dödsfall registrerade i Svenska palliativregistret",
  threshold: "0.7",
  op: ">=" as const,
  source: src("5.3", "God vård i livets slutskede", "palliativregistret är minst 70 procent av dödsfallen"),
  status: "sourced" as const,
};

function monthsLowerGoal(
  id: string,
  title: string,
  label: string,
  section: { label: string; quote: string },
  extra: { requires?: string[]; assumptions?: string[] } = {},
): Rule {
  return {
    id,
    title,
    level: "lan",
    source: src("5.3", section.label, section.quote),
    status: "sourced",
    ...(extra.requires ? { requires: extra.requires } : {}),
    ...(extra.assumptions ? { assumptions: extra.assumptions } : {}),
    criteria: [
      {
        id: "manader-lagre",
        kind: "months-lower",
        label,
        months: 6,
        required: 4,
        source: src("5.3", section.label, section.quote),
        status: "sourced",
        ...(extra.assumptions ? { assumptions: extra.assumptions } : {}),
      },
    ],
  };
}

/** Point-prevalence duty for kommuner in every Senior alert pot (aldre-2014/senior-alert-ppm-scope). */
const PPM_KOMMUN: Criterion = {
  id: "punktprevalens",
  kind: "boolean",
  label: "Kommunen deltar i Senior alerts punktprevalensmätningar",
  source: src("5.3", "Preventivt arbetssätt", "Ett grundläggande krav för att få del av medlen är att kommunen deltar"),
  status: "assumption",
  assumptions: [A_SA_PPM],
  appliesTo: ["kommun"],
};

/** The further reporting duties of §5.3 as conditions (aldre-2014/rapportering-krav). */
const REPORTING_DUTIES: Criterion[] = [
  {
    id: "per-vardcentral",
    kind: "boolean",
    label: "Landstinget rapporterar data per vårdcentral och enhetsnivå (från 20 januari 2014)",
    source: src("5.3", "Sammanhållen vård och omsorg", "januari 2014 ska landstingen även rapportera in data per vårdcentral"),
    status: "assumption",
    assumptions: [A_REPORTING],
  },
  {
    id: "utskrivningsklara",
    kind: "boolean",
    label: "Landstinget rapporterar vårddygn för utskrivningsklara 65+ per kommun (från 20 april 2014)",
    source: src("5.3", "Sammanhållen vård och omsorg", "med den 20 april 2014 ska landstingen även för varje kommun"),
    status: "assumption",
    assumptions: [A_REPORTING],
  },
];

const GOALS: Rule[] = [
  {
    id: "PALL1",
    title: "God vård i livets slutskede, steg 1",
    level: "kommun",
    source: src("5.3", "God vård i livets slutskede", "dödsfallen fördelas 50 miljoner kronor till de"),
    status: "sourced",
    assumptions: [A_TIERS],
    criteria: [
      PALL_COVERAGE,
      {
        id: "forbattring",
        kind: "indicator-improvement",
        label: "Genomsnittlig förbättring för fyra indikatorer i Svenska palliativregistret",
        indicators: INDICATORS,
        minImprovement: "5",
        source: src("5.3", "God vård i livets slutskede", "i livets slutskede med i genomsnitt 5 procent för fyra indikatorer"),
        status: "sourced",
        assumptions: [A_UNIT, A_HUNDRED, A_PALL1_AT_LEAST],
      },
    ],
  },
  {
    id: "PALL2",
    title: "God vård i livets slutskede, steg 2",
    level: "kommun",
    source: src("5.3", "God vård i livets slutskede", "vara med och dela på ytterligare 20 miljoner kronor"),
    status: "sourced",
    assumptions: [A_TIERS],
    criteria: [
      PALL_COVERAGE,
      {
        id: "forbattring",
        kind: "indicator-improvement",
        label: "Förbättring för fyra indikatorer eller genomsnittlig måluppfyllelse",
        indicators: INDICATORS,
        minImprovement: "10",
        attainmentAlternative: "60",
        hundredRule: { floor: "10" },
        source: src("5.3", "God vård i livets slutskede", "förbättrat de fyra indikatorerna med 10 procent eller mer"),
        status: "sourced",
        assumptions: [A_UNIT, A_HUNDRED, A_PALL2_BASIS, A_ATTAINMENT],
      },
    ],
  },
  {
    id: "SA-SABO",
    title: "Senior alert i särskilt boende och korttidsboende",
    level: "kommun",
    source: src("5.3", "Preventivt arbetssätt", "punktprevalensmätningar som sker i regi av Senior alert. 50 miljoner kronor"),
    status: "sourced",
    criteria: [
      {
        id: "punktprevalens",
        kind: "boolean",
        label: "Kommunen deltar i Senior alerts punktprevalensmätningar",
        source: src("5.3", "Preventivt arbetssätt", "Ett grundläggande krav för att få del av medlen är att kommunen deltar"),
        status: "sourced",
        assumptions: [A_SA_PPM],
      },
      {
        id: "riskbedomning",
        kind: "share",
        label: "Andel boende i SÄBO och korttidsboende riskbedömda med planerade åtgärder i Senior alert",
        threshold: "0.9",
        op: ">=",
        source: src("5.3", "Preventivt arbetssätt", "fördelas till de kommuner, som för minst 90 procent av dem som bor i särskilda"),
        status: "sourced",
      },
    ],
  },
  {
    id: "SA-OVRIGA",
    title: "Senior alert i sjukhus, vårdcentral, hemtjänst och hemsjukvård",
    level: "kommun",
    source: src("5.3", "Preventivt arbetssätt", "50 miljoner kronor fördelas till de kommuner och landsting vars utförare oavsett"),
    status: "sourced",
    criteria: [
      {
        id: "registrerar",
        kind: "boolean",
        label: "Riskbedömning, planerade åtgärder och uppföljning registrerade i Senior alert",
        source: src("5.3", "Preventivt arbetssätt", "driftsform genomfört riskbedömningar, planerat förebyggande åtgärder och gjort"),
        status: "sourced",
      },
    ],
  },
  {
    id: "SA-ROAG",
    title: "Senior alert: munhälsobedömning enligt ROAG",
    level: "kommun",
    source: src("5.3", "Preventivt arbetssätt", "20 miljoner kronor fördelas till de kommuner och landsting vars utförare oavsett"),
    status: "sourced",
    criteria: [
      {
        id: "roag",
        kind: "boolean",
        label: "Munhälsobedömning enligt ROAG registrerad i Senior alert",
        source: src("5.3", "Preventivt arbetssätt", "driftsform utfört bedömning av munhälsa enligt Revised Oral Assessment Guide"),
        status: "sourced",
      },
    ],
  },
  {
    id: "BPSD",
    title: "BPSD-registret",
    level: "kommun",
    source: src("5.3", "God vård vid demenssjukdom", "50 miljoner kronor fördelas till de kommuner, vars utförare"),
    status: "sourced",
    criteria: [
      {
        id: "standardiserat-arbetssatt",
        kind: "boolean",
        label: "Utförarna inför ett standardiserat arbetssätt vid BPSD",
        source: src("5.3", "God vård vid demenssjukdom", "standardiserat arbetssätt vid BPSD-symptom och registrerar i BPSD-registret."),
        status: "sourced",
      },
      {
        id: "registrerar",
        kind: "boolean",
        label: "Registrerar i BPSD-registret",
        source: src("5.3", "God vård vid demenssjukdom", "standardiserat arbetssätt vid BPSD-symptom och registrerar i BPSD-registret."),
        status: "sourced",
      },
    ],
  },
  monthsLowerGoal(
    "LKM-OLAMPLIGA",
    "Olämpliga läkemedel, 75 år och äldre",
    "Indikatorn Olämpliga läkemedel lägre än samma månad 2013",
    { label: "God läkemedelsbehandling för äldre", quote: "100 miljoner kronor fördelas till de län som under minst 4 av 6" },
  ),
  monthsLowerGoal(
    "LKM-ANTIPSYKOTIKA",
    "Läkemedel mot psykos, 75 år och äldre",
    "Indikatorn läkemedel mot psykos lägre än samma månad 2013",
    { label: "God läkemedelsbehandling för äldre", quote: "100 miljoner kronor till de län som under minst 4 av 6 månader 2014" },
  ),
  monthsLowerGoal(
    "LKM-NSAID",
    "Antiinflammatoriska läkemedel (NSAID), 75 år och äldre",
    "Användningen av antiinflammatoriska läkemedel lägre än samma månad 2013",
    { label: "God läkemedelsbehandling för äldre", quote: "100 miljoner kronor till de län som under 4 av 6 månader 2014" },
    { assumptions: [A_FOUR_OF_SIX] },
  ),
  {
    id: "LANDSTING-RAPPORTERING",
    title: "Landstingets månadsvisa inrapportering",
    level: "landsting",
    source: src("5.3", "Sammanhållen vård och omsorg", "landstingens inrapportering av data sker"),
    status: "sourced",
    assumptions: [A_REPORTING],
    criteria: [
      {
        id: "manadsvis",
        kind: "boolean",
        label: "Landstinget rapporterar data månadsvis till SKL:s databas enligt SKL:s riktlinjer",
        source: src("5.3", "Sammanhållen vård och omsorg", "landstingens inrapportering av data sker"),
        status: "sourced",
      },
    ],
  },
  monthsLowerGoal(
    "UNDVIKBAR",
    "Undvikbar slutenvård",
    "Indikatorn Undvikbar slutenvård lägre än samma månad 2013",
    { label: "Sammanhållen vård och omsorg", quote: "50 miljoner kronor fördelas till de län som under minst 4 av 6 månader" },
    { requires: ["LANDSTING-RAPPORTERING"] },
  ),
  monthsLowerGoal(
    "ATERINSKRIVNING",
    "Återinläggningar inom 30 dagar",
    "Indikatorn Återinläggningar inom 30 dagar lägre än samma månad 2013",
    { label: "Sammanhållen vård och omsorg", quote: "kronor fördelas till de län som under 4 av 6 månader minskar värdet" },
    { requires: ["LANDSTING-RAPPORTERING"], assumptions: [A_FOUR_OF_SIX] },
  ),
];

// ---------------------------------------------------------------------------
// Pots.

function orgPot(
  id: string,
  title: string,
  amount: number,
  payee: string,
  group: string,
  source: Citation,
  extra: Partial<Pot> = {},
): Pot {
  return { id, title, amount, kind: "organisation", level: "organisation", payee, gated: false, group, source, status: "sourced", ...extra };
}

const G_PALL = "God vård i livets slutskede";
const G_SA = "Preventivt arbetssätt";
const G_DEM = "God vård vid demenssjukdom";
const G_LKM = "God läkemedelsbehandling för äldre";
const G_SAMMANHALLEN = "Sammanhållen vård och omsorg";
const G_ANALYS = "Analysarbete";
const G_UL = "Utvecklingsledare";
const G_KVR = "Stöd till kvalitetsregister";

const POTS: Pot[] = [
  {
    id: "PALL1",
    title: "God vård i livets slutskede, steg 1",
    amount: 50000000,
    kind: "performance",
    level: "kommun",
    goal: "PALL1",
    gated: true,
    key: POP65,
    split: SPLIT_PALL,
    group: G_PALL,
    source: src("5.3", "God vård i livets slutskede", "dödsfallen fördelas 50 miljoner kronor till de"),
    status: "sourced",
    assumptions: [A_TIERS],
  },
  {
    id: "PALL2",
    title: "God vård i livets slutskede, steg 2",
    amount: 20000000,
    kind: "performance",
    level: "kommun",
    goal: "PALL2",
    gated: true,
    key: POP65,
    split: SPLIT_PALL,
    group: G_PALL,
    source: src("5.3", "God vård i livets slutskede", "vara med och dela på ytterligare 20 miljoner kronor"),
    status: "sourced",
    assumptions: [A_TIERS],
  },
  {
    id: "SA-SABO",
    title: "Senior alert i särskilt boende och korttidsboende",
    amount: 50000000,
    kind: "performance",
    level: "kommun",
    goal: "SA-SABO",
    gated: true,
    key: SA_KEY,
    group: G_SA,
    source: src("5.3", "Preventivt arbetssätt", "punktprevalensmätningar som sker i regi av Senior alert. 50 miljoner kronor"),
    status: "sourced",
    assumptions: [A_SA_KEY],
  },
  {
    id: "SA-OVRIGA",
    title: "Senior alert i sjukhus, vårdcentral, hemtjänst och hemsjukvård",
    amount: 50000000,
    kind: "performance",
    level: "kommun+landsting",
    goal: "SA-OVRIGA",
    gated: true,
    key: SA_KEY,
    split: splitPot("hemtjänst och hemsjukvård. Medlen fördelas med 70 procent till kommunerna", "Preventivt arbetssätt"),
    group: G_SA,
    source: src("5.3", "Preventivt arbetssätt", "50 miljoner kronor fördelas till de kommuner och landsting vars utförare oavsett"),
    status: "sourced",
    assumptions: [A_SA_KEY],
  },
  {
    id: "SA-ROAG",
    title: "Senior alert: munhälsobedömning enligt ROAG",
    amount: 20000000,
    kind: "performance",
    level: "kommun+landsting",
    goal: "SA-ROAG",
    gated: true,
    key: SA_KEY,
    split: splitPot("(ROAG) med registrering i Senior alert. Medlen fördelas med 70 procent till", "Preventivt arbetssätt"),
    group: G_SA,
    source: src("5.3", "Preventivt arbetssätt", "20 miljoner kronor fördelas till de kommuner och landsting vars utförare oavsett"),
    status: "sourced",
    assumptions: [A_SA_KEY],
  },
  {
    id: "SVEDEM-DIAGNOS",
    title: "SveDem: nyinsjuknade med utredning och diagnos i primärvården",
    amount: 25000000,
    kind: "performance",
    level: "landsting",
    gated: true,
    key: {
      id: "svedem_diagnoses",
      label: "Antal nyinsjuknade med utredning registrerad i SveDem och diagnos i primärvården",
      input: true,
      source: src("5.3", "God vård vid demenssjukdom", "25 miljoner kronor fördelas till landsting i relation till antalet"),
      status: "sourced",
    },
    group: G_DEM,
    source: src("5.3", "God vård vid demenssjukdom", "25 miljoner kronor fördelas till landsting i relation till antalet"),
    status: "sourced",
  },
  {
    id: "SVEDEM-UPPFOLJNING",
    title: "SveDem: uppföljning i primärvården",
    amount: 25000000,
    kind: "performance",
    level: "landsting",
    gated: true,
    key: {
      id: "svedem_followups",
      label: "Antal uppföljningar i primärvården registrerade i SveDem",
      input: true,
      source: src("5.3", "God vård vid demenssjukdom", "och 25 miljoner kronor till landsting för"),
      status: "assumption",
      assumptions: [A_SVEDEM_FOLLOWUP_KEY],
    },
    group: G_DEM,
    source: src("5.3", "God vård vid demenssjukdom", "och 25 miljoner kronor till landsting för"),
    status: "sourced",
    assumptions: [A_SVEDEM_FOLLOWUP_KEY],
  },
  {
    id: "BPSD",
    title: "BPSD-registret",
    amount: 50000000,
    kind: "performance",
    level: "kommun",
    goal: "BPSD",
    gated: true,
    key: {
      id: "bpsd_registrations",
      label: "Antal utförda registreringar i BPSD-registret",
      input: true,
      source: src("5.3", "God vård vid demenssjukdom", "i relation till antalet utförda registreringar i"),
      status: "sourced",
    },
    group: G_DEM,
    source: src("5.3", "God vård vid demenssjukdom", "50 miljoner kronor fördelas till de kommuner, vars utförare"),
    status: "sourced",
  },
  {
    id: "LKM-OLAMPLIGA",
    title: "Olämpliga läkemedel",
    amount: 100000000,
    kind: "performance",
    level: "lan",
    goal: "LKM-OLAMPLIGA",
    gated: true,
    key: LAN_KEY,
    split: SPLIT_LKM,
    group: G_LKM,
    source: src("5.3", "God läkemedelsbehandling för äldre", "100 miljoner kronor fördelas till de län som under minst 4 av 6"),
    status: "sourced",
    assumptions: [A_LAN_KEY],
  },
  {
    id: "LKM-ANTIPSYKOTIKA",
    title: "Läkemedel mot psykos",
    amount: 100000000,
    kind: "performance",
    level: "lan",
    goal: "LKM-ANTIPSYKOTIKA",
    gated: true,
    key: LAN_KEY,
    split: SPLIT_LKM,
    group: G_LKM,
    source: src("5.3", "God läkemedelsbehandling för äldre", "100 miljoner kronor till de län som under minst 4 av 6 månader 2014"),
    status: "sourced",
    assumptions: [A_LAN_KEY],
  },
  {
    id: "LKM-NSAID",
    title: "Antiinflammatoriska läkemedel",
    amount: 100000000,
    kind: "performance",
    level: "lan",
    goal: "LKM-NSAID",
    gated: true,
    key: LAN_KEY,
    split: SPLIT_LKM,
    group: G_LKM,
    source: src("5.3", "God läkemedelsbehandling för äldre", "100 miljoner kronor till de län som under 4 av 6 månader 2014"),
    status: "sourced",
    assumptions: [A_LAN_KEY, A_FOUR_OF_SIX],
  },
  {
    id: "UNDVIKBAR",
    title: "Undvikbar slutenvård",
    amount: 50000000,
    kind: "performance",
    level: "lan",
    goal: "UNDVIKBAR",
    gated: true,
    key: LAN_KEY,
    split: SPLIT_SAMMANHALLEN,
    group: G_SAMMANHALLEN,
    source: src("5.3", "Sammanhållen vård och omsorg", "50 miljoner kronor fördelas till de län som under minst 4 av 6 månader"),
    status: "sourced",
    assumptions: [A_LAN_KEY],
  },
  {
    id: "ATERINSKRIVNING",
    title: "Återinläggningar inom 30 dagar",
    amount: 200000000,
    kind: "performance",
    level: "lan",
    goal: "ATERINSKRIVNING",
    gated: true,
    key: LAN_KEY,
    split: SPLIT_SAMMANHALLEN,
    group: G_SAMMANHALLEN,
    source: src("5.3", "Sammanhållen vård och omsorg", "kronor fördelas till de län som under 4 av 6 månader minskar värdet"),
    status: "sourced",
    assumptions: [A_LAN_KEY, A_FOUR_OF_SIX],
  },
  {
    id: "ANALYS",
    title: "Analysarbete i länen",
    amount: 24000000,
    kind: "fixed",
    level: "lan",
    gated: false,
    fixed: [
      {
        recipients: ["01", "12", "14"],
        level: "lan",
        amount: 2000000,
        source: src("5.3", "Analysarbete", "2 mkr vardera till de tre storstadslänen och 1 mkr vardera till"),
        status: "sourced",
        assumptions: [A_METRO],
      },
      {
        recipients: "*",
        level: "lan",
        amount: 1000000,
        source: src("5.3", "Analysarbete", "2 mkr vardera till de tre storstadslänen och 1 mkr vardera till"),
        status: "sourced",
      },
    ],
    group: G_ANALYS,
    source: src("5.3", "Analysarbete", "2 mkr vardera till de tre storstadslänen och 1 mkr vardera till"),
    status: "sourced",
    assumptions: [A_ANALYS_RECIPIENT, A_ANALYS_GATED],
    note: "Storstadslänen: Stockholm (01), Skåne (12), Västra Götaland (14). SKL:s PM för Stockholms län anger 2 000 000 kr för Stockholms län.",
  },
  orgPot("ANALYS-SKL", "Analysarbete: SKL:s nationella samordning och analys- och utdatabasen", 2500000, "SKL", G_ANALYS,
    src("5.3", "Analysarbete", "2,5 mkr till SKL för nationell samordning")),
  {
    id: "UTVECKLINGSLEDARE-LAN",
    title: "Utvecklingsledare i länen",
    amount: 66000000,
    kind: "unspecified",
    level: "lan",
    gated: false,
    fixed: [UL_STOCKHOLM],
    group: G_UL,
    source: src("5.2", "Utvecklingsledare", "Sammanlagt avsätts 72 miljoner kronor 2014 för utvecklingsledarna i länen"),
    status: "sourced",
    note: "72 mnkr minus 3 mnkr vardera till Famna och Vårdföretagarna. Fördelningen mellan länen anges inte i överenskommelsen; betalas via SKL enligt en plan för genomförandet.",
  },
  orgPot("UTVECKLINGSLEDARE-FAMNA", "Utvecklingsledare: Famna", 3000000, "Famna", G_UL,
    src("5.2", "Utvecklingsledare", "får Famna och Vårdföretagarna tre miljoner kronor vardera"), { note: "Förmedlas via SKL." }),
  orgPot("UTVECKLINGSLEDARE-VARDFORETAGARNA", "Utvecklingsledare: Vårdföretagarna", 3000000, "Vårdföretagarna", G_UL,
    src("5.2", "Utvecklingsledare", "får Famna och Vårdföretagarna tre miljoner kronor vardera"), { note: "Förmedlas via SKL." }),
  orgPot("LEDNINGSKRAFT", "Ledningskraft – att gå från ord till handling", 12000000, "SKL", "Ledningskraft",
    src("5.2", "Ledningskraft", "överens om att 12 miljoner kronor avsätts för detta ändamål för 2014."),
    { status: "sourced", assumptions: [A_LEDNINGSKRAFT] }),
  orgPot("PSYKISK-OHALSA", "Äldres psykiska ohälsa: Första hjälpen till psykisk hälsa för äldre", 3000000, "SKL", "Äldres psykiska ohälsa",
    src("5.2", "Äldres psykiska ohälsa", "erhåller Sveriges Kommuner och Landsting tre miljoner kronor")),
  orgPot("KVALITETSSAKRAD-VALFARD", "Kvalitetssäkrad välfärd", 8000000, "SKL", "Kvalitetssäkrad välfärd",
    src("5.2", "Kvalitetssäkrad välfärd", "stöd för 2014 till Sveriges Kommuner och landsting med 8")),
  orgPot("KVR-PALLIATIVREGISTRET", "Kvalitetsregister: Svenska Palliativregistret", 6000000, "Svenska Palliativregistret", G_KVR,
    src("5.2", "Stöd till kvalitetsregister", "Svenska Palliativregistret, 6 miljoner kronor"), { note: "Utbetalas till SKL, som fördelar till registret." }),
  orgPot("KVR-SENIOR-ALERT", "Kvalitetsregister: Senior alert", 10000000, "Senior alert", G_KVR,
    src("5.2", "Stöd till kvalitetsregister", "Senior alert, 10 miljoner kronor"), { note: "Utbetalas till SKL, som fördelar till registret." }),
  orgPot("KVR-SVEDEM", "Kvalitetsregister: SveDem", 4000000, "SveDem", G_KVR,
    src("5.2", "Stöd till kvalitetsregister", "SveDem, 4 miljoner kronor"), { note: "Utbetalas till SKL, som fördelar till registret." }),
  orgPot("KVR-BPSD", "Kvalitetsregister: BPSD", 4000000, "BPSD-registret", G_KVR,
    src("5.2", "Stöd till kvalitetsregister", "BPSD, 4 miljoner kronor"), { note: "Utbetalas till SKL, som fördelar till registret." }),
  orgPot("KVR-RIKSSAR", "Kvalitetsregister: RiksSår", 4000000, "RiksSår", G_KVR,
    src("5.2", "Stöd till kvalitetsregister", "RiksSår, 4 miljoner kronor"), { note: "Utbetalas till SKL, som fördelar till registret." }),
  orgPot("KVR-FAMNA", "Kvalitetsregister: Famnas samordning och analysarbete", 1000000, "Famna", G_KVR,
    src("5.2", "Stöd till kvalitetsregister", "utförare erhåller Famna en miljon kronor")),
  orgPot("KVR-VARDFORETAGARNA", "Kvalitetsregister: Vårdföretagarnas samordning och analysarbete", 1000000, "Vårdföretagarna", G_KVR,
    src("5.2", "Stöd till kvalitetsregister", "erhåller Vårdföretagarna en miljon kronor")),
  orgPot("KVR-SKL", "Kvalitetsregister: SKL:s nationella samordning och analys", 1000000, "SKL", G_KVR,
    src("5.2", "Stöd till kvalitetsregister", "Landsting en miljon kronor")),
  orgPot("NATIONELL-SAMORDNING", "Nationell samordning", 8500000, "SKL", "Nationell samordning",
    src("5.2", "Nationell samordning", "ett statligt stöd om 8,5 miljoner kronor")),
];

// ---------------------------------------------------------------------------
// Outside the agreement: Socialstyrelsen's assignment (Bilaga 2).

const SOS = { payer: "Socialstyrelsen", title: "Uppdrag till Socialstyrelsen 2014 (utanför överenskommelsens 1 001 mnkr, Bilaga 2)" };
const ABIC_SECTION = "Punkt 3 Äldres behov i centrum";

/** Socialstyrelsen's money (Bilaga 2): outside the 1 001 000 000, paid by Socialstyrelsen. */
const SOS_POTS: Pot[] = [
  {
    id: "ABIC",
    title: "Prestationsersättning för processledare i Äldres behov i centrum (ÄBiC)",
    amount: 70000000,
    kind: "performance",
    level: "kommun",
    goal: "ABIC",
    gated: false,
    outside: SOS,
    key: {
      id: "abic_process_leaders",
      label: "Antal utbildade processledare i ÄBiC",
      input: true,
      source: src("Bilaga 2", ABIC_SECTION, "Socialstyrelsen ska fördela 70 miljoner kronor till de"),
      status: "sourced",
      assumptions: [A_ABIC_CITIES],
      cap: {
        max: 2,
        perDistrict: ["0180", "1480", "1280"],
        source: src("Bilaga 2", ABIC_SECTION, "Ersättningen kan utgå till högst två processledare per"),
      },
    },
    source: src("Bilaga 2", ABIC_SECTION, "Socialstyrelsen ska fördela 70 miljoner kronor till de"),
    status: "sourced",
    note: "Fördelas av Socialstyrelsen, inte via SKL, utanför överenskommelsens 1 001 mnkr. Högst två processledare räknas per kommun (per stadsdel i Stockholm, Göteborg och Malmö).",
  },
  {
    id: "SOS-OVRIGA-UPPDRAG",
    title: "Socialstyrelsens övriga uppdrag (punkt 1–14 utom ÄBiC-ersättningen)",
    amount: 56500000,
    kind: "organisation",
    level: "organisation",
    payee: "Socialstyrelsen",
    gated: false,
    outside: SOS,
    source: src("Bilaga 2", "Uppdrag till Socialstyrelsen", "få använda 126 500 000 kronor"),
    status: "sourced",
    note: "Härlett: 126,5 mnkr minus 70 mnkr till kommunerna.",
  },
];

const ABIC_GOAL: Rule = {
  id: "ABIC",
  title: "Processledare för ÄBiC",
  level: "kommun",
  source: src("Bilaga 2", ABIC_SECTION, "utbildat processledare och före 1 oktober 2014 fattat beslut"),
  status: "sourced",
  criteria: [
    {
      id: "processledare-utbildade",
      kind: "boolean",
      label: "Kommunen har utbildat processledare i ÄBiC",
      source: src("Bilaga 2", ABIC_SECTION, "utbildat processledare och före 1 oktober 2014 fattat beslut"),
      status: "sourced",
    },
    {
      id: "beslut-fore-1-oktober",
      kind: "boolean",
      label: "Beslut om att införa ÄBiC fattat före 1 oktober 2014",
      source: src("Bilaga 2", ABIC_SECTION, "utbildat processledare och före 1 oktober 2014 fattat beslut"),
      status: "sourced",
    },
  ],
};

export const ALDRE_2014: Agreement = {
  obligations: ALDRE_2014_OBLIGATIONS,
  id: "aldre-2014",
  title: "Sammanhållen vård och omsorg om de mest sjuka äldre 2014",
  year: 2014,
  total: 1001000000,
  source: src("4", "Den ekonomiska omfattningen", "1 001 000 000 kronor. Utöver överenskommelsen"),
  status: "sourced",

  pots: [...POTS, ...SOS_POTS],

  requirements: [
    {
      id: "GK1",
      title: "Grundläggande krav 1: ledning och styrning i samverkan samt gemensam handlingsplan",
      level: "lan",
      gate: "county",
      source: src("5.1", "Grundläggande krav 1", "Det ska i länet finnas en struktur för ledning och styrning i samverkan"),
      status: "sourced",
      assumptions: [A_GATE],
      criteria: [
        {
          id: "struktur",
          kind: "boolean",
          label: "Struktur för ledning och styrning i samverkan finns i länet",
          source: src("5.1", "Grundläggande krav 1", "Det ska i länet finnas en struktur för ledning och styrning i samverkan"),
          status: "sourced",
        },
        {
          id: "handlingsplan-beslut",
          kind: "boolean",
          label: "Gemensamt politiskt förankrat beslut om aktuell handlingsplan för 2014",
          source: src("5.1", "Grundläggande krav 1", "gemensamt politiskt förankrat beslut om en aktuell handlingsplan"),
          status: "sourced",
        },
        {
          id: "forbattringsomraden",
          kind: "boolean",
          label: "Handlingsplanen beskriver förbättringsområden utifrån lokala förutsättningar",
          source: src("5.1", "Grundläggande krav 1", "beskrivning av förbättringsområden utifrån lokala förutsättningar"),
          status: "sourced",
        },
        {
          id: "matbara-mal",
          kind: "boolean",
          label: "Handlingsplanen har konkreta och mätbara mål",
          source: src("5.1", "Grundläggande krav 1", "förutsättningar, konkreta och mätbara"),
          status: "sourced",
        },
        {
          id: "aktiviteter",
          kind: "boolean",
          label: "Handlingsplanen anger planerade aktiviteter",
          source: src("5.1", "Grundläggande krav 1", "mål, planerade aktiviteter samt en beskrivning av hur uppföljningen"),
          status: "sourced",
        },
        {
          id: "uppfoljning",
          kind: "boolean",
          label: "Handlingsplanen beskriver uppföljning och redovisning av resultat",
          source: src("5.1", "Grundläggande krav 1", "mål, planerade aktiviteter samt en beskrivning av hur uppföljningen"),
          status: "sourced",
        },
        {
          id: "utvecklingsledare",
          kind: "boolean",
          label: "Utvecklingsledarnas roll och mandat, och hur arbetet fortsätter när statlig finansiering upphör",
          source: src("5.1", "Grundläggande krav 1", "resultaten ska redovisas. I handlingsplanen ska utvecklingsledarnas roll"),
          status: "sourced",
        },
        {
          id: "langsiktighet",
          kind: "boolean",
          label: "Hur länet skapar långsiktighet i det systematiska förbättringsarbetet",
          source: src("5.1", "Grundläggande krav 1", "Handlingsplanen ska även beskriva hur länet avser att skapa långsiktighet"),
          status: "sourced",
        },
        {
          id: "privata-ideburna",
          kind: "boolean",
          label: "Hur privata och idéburna utförare kan involveras",
          source: src("5.1", "Grundläggande krav 1", "hur privata och idéburna utförare kan involveras."),
          status: "sourced",
        },
      ],
    },
    {
      // Answered by every kommun and by the landsting: gate "all-in-county"
      // makes both levels answer (Requirement.level holds only one level).
      id: "GK2",
      title: "Grundläggande krav 2: ledningssystem för systematiskt kvalitetsarbete",
      level: "kommun",
      gate: "all-in-county",
      source: src("5.1", "Grundläggande krav 2", "Samtliga kommuner och landsting har fattat beslut att införa ett"),
      status: "sourced",
      assumptions: [A_GATE],
      criteria: [
        {
          id: "ledningssystem-beslut",
          kind: "boolean",
          label: "Beslut att införa ledningssystem för kvalitet enligt SOSFS 2011:9",
          source: src("5.1", "Grundläggande krav 2", "Samtliga kommuner och landsting har fattat beslut att införa ett"),
          status: "sourced",
        },
        {
          id: "dokumenterat-forbattringsarbete",
          kind: "boolean",
          label: "Dokumenterat hur förbättringsarbetet (riskanalys, egenkontroll, avvikelser) ska bedrivas i äldrevården",
          source: src("5.1", "Grundläggande krav 2", "systematiskt kvalitetsarbete (SOSFS 2011:9) och har också dokumenterat hur det"),
          status: "sourced",
        },
        {
          id: "beskrivning-2014",
          kind: "boolean",
          label: "Under 2014 beskrivit hur förbättringsarbetet bedrivits och vilka resultat som uppnåtts",
          source: src("5.1", "Grundläggande krav 2", "och vilka resultat som har uppnåtts i arbetet med att säkra verksamheternas"),
          status: "sourced",
        },
      ],
    },
  ],

  goals: [...GOALS, ABIC_GOAL],

  assumptions: [
    {
      id: A_GATE,
      title: "Grundkravens verkan i länet",
      reason: "Krav 1 gäller länet och krav 2 ”samtliga” kommuner och landstinget; antas att båda spärrar alla i länet, så att en kommun som brister fäller länet.",
      default: "county-gate",
      options: [
        { id: "county-gate", label: "Båda kraven spärrar alla mottagare i länet; en kommun som brister fäller krav 2 för länet" },
        {
          id: "each-recipient",
          label: "Krav 2 spärrar bara den kommun eller det landsting som brister",
          effect: [{ rule: "GK2", set: { gate: "each" } }],
        },
      ],
      source: src("5.1", "Grundläggande krav 2", "Samtliga kommuner och landsting har fattat beslut att införa ett"),
    },
    {
      id: A_UNIT,
      title: "Förbättring i procentenheter eller procent",
      reason: "”5 procent” och ”10 procent” förbättring kan avse procentenheter eller relativ förbättring; antas procentenheter.",
      default: "percentage-points",
      options: [
        { id: "percentage-points", label: "Procentenheter (resultat minus utgångsvärde)" },
        {
          id: "relative",
          label: "Relativ förbättring i procent av utgångsvärdet",
          effect: [
            { rule: "PALL1", criterion: "forbattring", set: { unit: "relative" } },
            { rule: "PALL2", criterion: "forbattring", set: { unit: "relative" } },
          ],
        },
      ],
      source: src("5.3", "God vård i livets slutskede", "i livets slutskede med i genomsnitt 5 procent för fyra indikatorer"),
    },
    {
      id: A_TIERS,
      title: "Steg 1 och steg 2 i palliativ vård",
      reason: "Texten säger inte om den som når steg 2 också delar steg 1; antas att stegen bedöms var för sig.",
      default: "independent",
      options: [
        { id: "independent", label: "Stegen bedöms var för sig; den som når båda delar båda" },
        { id: "tier2-exclusive", label: "Den som når steg 2 delar bara steg 2", effect: [{ pot: "PALL1", set: { excludedBy: ["PALL2"] } }] },
      ],
      source: src("5.3", "God vård i livets slutskede", "vara med och dela på ytterligare 20 miljoner kronor"),
    },
    {
      id: A_HUNDRED,
      title: "100 %-regeln i palliativ vård",
      reason: "Regeln står i stycket om de ytterligare 20 mnkr; antas gälla bara steg 2.",
      default: "tier2-only",
      options: [
        { id: "tier2-only", label: "Endast steg 2" },
        {
          id: "both-tiers",
          label: "Både steg 1 och steg 2",
          effect: [{ rule: "PALL1", criterion: "forbattring", set: { hundredRule: { floor: "10" } } }],
        },
      ],
      source: src("5.3", "God vård i livets slutskede", "100 procent räknas förbättringen som det som är högst av 10 procent"),
    },
    {
      id: A_PALL1_AT_LEAST,
      title: "Steg 1: ”i genomsnitt 5 procent”",
      reason: "Texten saknar ”minst”; antas att en genomsnittlig förbättring på minst 5 räcker.",
      default: "at-least",
      options: [
        { id: "at-least", label: "Minst 5 (≥)" },
        { id: "more-than", label: "Mer än 5 (>)", effect: [{ rule: "PALL1", criterion: "forbattring", set: { op: ">" } }] },
      ],
      source: src("5.3", "God vård i livets slutskede", "i livets slutskede med i genomsnitt 5 procent för fyra indikatorer"),
    },
    {
      id: A_PALL2_BASIS,
      title: "Steg 2: förbättring av de fyra indikatorerna",
      reason: "”förbättrat de fyra indikatorerna med 10 procent” kan avse genomsnittet eller varje indikator; antas genomsnittet som i steg 1.",
      default: "average",
      options: [
        { id: "average", label: "Genomsnittlig förbättring för de fyra indikatorerna" },
        {
          id: "each-indicator",
          label: "Varje indikator ska ha förbättrats med minst 10",
          effect: [{ rule: "PALL2", criterion: "forbattring", set: { basis: "each" } }],
        },
      ],
      source: src("5.3", "God vård i livets slutskede", "förbättrat de fyra indikatorerna med 10 procent eller mer"),
    },
    {
      id: A_ATTAINMENT,
      title: "Genomsnittlig måluppfyllelse",
      reason:
        "Det anges inte hur måluppfyllelsen räknas; antas som medelvärdet av de fyra indikatorvärdena i procent. En läsning mot registrets målnivåer går inte att räkna: målnivåerna finns inte i källorna.",
      default: "indicator-average",
      options: [{ id: "indicator-average", label: "Medelvärdet av de fyra indikatorvärdena" }],
      source: src("5.3", "God vård i livets slutskede", "genomsnittlig måluppfyllelse för de fyra indikatorerna på 60 procent"),
    },
    {
      id: A_SA_KEY,
      title: "Fördelningsnyckel för Senior alert",
      reason: "Överenskommelsen anger ingen nyckel för de tre Senior alert-beloppen; antas antal invånare 31 december 2013.",
      default: "population",
      options: [
        { id: "population", label: "Antal invånare 31 december 2013" },
        { id: "pop65", label: "Antal invånare 65 år och äldre (indata)", effect: SA_POTS.map((pot) => ({ pot, set: { key: SA_POP65 } })) },
        {
          id: "sa_registrations",
          label: "Antal registreringar i Senior alert (indata)",
          effect: SA_POTS.map((pot) => ({ pot, set: { key: SA_REGISTRATIONS } })),
        },
      ],
      source: src("5.3", "Preventivt arbetssätt", "50 miljoner kronor fördelas till de kommuner och landsting vars utförare oavsett"),
    },
    {
      id: A_SA_PPM,
      title: "Kravet på punktprevalensmätning i Senior alert",
      reason: "”medlen” kan avse alla Senior alert-medel eller bara SÄBO-beloppet; antas SÄBO-beloppet, som i SKL:s cirkulär 13:66.",
      default: "sabo-only",
      options: [
        { id: "sabo-only", label: "Gäller bara beloppet för SÄBO och korttidsboende" },
        {
          id: "all-senior-alert",
          label: "Gäller alla Senior alert-belopp för kommunerna",
          effect: ["SA-OVRIGA", "SA-ROAG"].map((rule) => ({ rule, add: [PPM_KOMMUN] })),
        },
      ],
      source: src("5.3", "Preventivt arbetssätt", "Ett grundläggande krav för att få del av medlen är att kommunen deltar"),
    },
    {
      id: A_SVEDEM_FOLLOWUP_KEY,
      title: "Fördelningsnyckel för SveDem-uppföljning",
      reason: "”i relation till antalet” står bara vid diagnosbeloppet; antas att uppföljningsbeloppet fördelas efter antalet registrerade uppföljningar.",
      default: "svedem_followups",
      options: [
        { id: "svedem_followups", label: "Antal uppföljningar registrerade i SveDem (indata)" },
        { id: "population", label: "Antal invånare 31 december 2013", effect: [{ pot: "SVEDEM-UPPFOLJNING", set: { key: SVEDEM_POPULATION } }] },
      ],
      source: src("5.3", "God vård vid demenssjukdom", "och 25 miljoner kronor till landsting för"),
    },
    {
      id: A_LAN_KEY,
      title: "Fördelningsnyckel mellan län",
      reason: "För läkemedel, undvikbar slutenvård och återinläggningar anges inte hur beloppet delas mellan länen; antas antal invånare.",
      default: "population",
      options: [
        { id: "population", label: "Länets antal invånare 31 december 2013" },
        { id: "pop75", label: "Antal invånare 75 år och äldre (indata)", effect: PER_LAN_POTS.map((pot) => ({ pot, set: { key: LAN_KEY_POP75 } })) },
      ],
      source: src("5.3", "God läkemedelsbehandling för äldre", "100 miljoner kronor fördelas till de län som under minst 4 av 6"),
    },
    {
      id: A_KOMMUN_PART,
      title: "Fördelning av kommunernas 70 % inom länet",
      reason: "Det anges inte hur kommunernas del fördelas mellan länets kommuner; antas efter antal invånare 31 december 2013.",
      default: "population",
      options: [
        { id: "population", label: "Antal invånare 31 december 2013" },
        {
          id: "pop75",
          label: "Antal invånare 75 år och äldre (indata)",
          effect: [
            ...["LKM-OLAMPLIGA", "LKM-ANTIPSYKOTIKA", "LKM-NSAID"].map((pot) => ({ pot, set: { split: { ...SPLIT_LKM, kommunKey: KOMMUN_PART_POP75 } } })),
            ...["UNDVIKBAR", "ATERINSKRIVNING"].map((pot) => ({ pot, set: { split: { ...SPLIT_SAMMANHALLEN, kommunKey: KOMMUN_PART_POP75 } } })),
          ],
        },
      ],
      source: src("5.3", "God läkemedelsbehandling för äldre", "till kommunerna och 30 procent till landstinget i länet."),
    },
    {
      id: A_FOUR_OF_SIX,
      title: "”under 4 av 6 månader” utan ”minst”",
      reason: "Tredje läkemedelsmålet och återinläggningsmålet saknar ”minst”; antas betyda minst 4 av 6 som i övriga mål.",
      default: "at-least",
      options: [
        { id: "at-least", label: "Minst 4 av 6 månader" },
        {
          id: "exactly",
          label: "Exakt 4 av 6 månader",
          effect: ["LKM-NSAID", "ATERINSKRIVNING"].map((rule) => ({ rule, criterion: "manader-lagre", set: { match: "exactly" as const } })),
        },
      ],
      source: src("5.3", "God läkemedelsbehandling för äldre", "100 miljoner kronor till de län som under 4 av 6 månader 2014"),
    },
    {
      id: A_REPORTING,
      title: "Villkoret om landstingens rapportering",
      reason: "Förutsättningen är månadsvis rapportering; de tillkommande skyldigheterna (per vårdcentral, utskrivningsklara) antas inte vara villkor.",
      default: "monthly-only",
      options: [
        { id: "monthly-only", label: "Endast månadsvis rapportering enligt SKL:s riktlinjer" },
        {
          id: "all-duties",
          label: "Även rapportering per vårdcentral och av vårddygn för utskrivningsklara",
          effect: [{ rule: "LANDSTING-RAPPORTERING", add: REPORTING_DUTIES }],
        },
      ],
      source: src("5.3", "Sammanhållen vård och omsorg", "landstingens inrapportering av data sker"),
    },
    {
      id: A_ANALYS_RECIPIENT,
      title: "Mottagare av medlen för analysarbete",
      reason: "Medlen ges ”till varje län” för ett gemensamt analysarbete utan att mottagaren anges; antas utbetalas till landstinget för länets räkning.",
      default: "landsting",
      options: [
        { id: "landsting", label: "Länet gemensamt; utbetalas till landstinget" },
        {
          id: "regional-body",
          label: "Länet gemensamt; utbetalas till regionförbund eller motsvarande",
          effect: [{ pot: "ANALYS", set: { kind: "organisation", payee: "Regionförbund eller motsvarande i varje län" } }],
        },
      ],
      source: src("5.3", "Analysarbete", "Medel ges till varje län för att utveckla ett lokalt och mellan huvudmännen"),
    },
    {
      id: A_ANALYS_GATED,
      title: "Analysmedlen och grundkraven",
      reason: "Grundkraven gäller de prestationsbaserade medlen i avsnitt 5.3; analysmedlen är fasta belopp och antas inte spärras.",
      default: "not-gated",
      options: [
        { id: "not-gated", label: "Analysmedlen betalas oavsett grundkraven" },
        { id: "gated", label: "Analysmedlen kräver att grundkraven är uppfyllda", effect: [{ pot: "ANALYS", set: { gated: true } }] },
      ],
      source: src("5", "Fördelning av medel", "av de prestationsbaserade medlen som presenteras i avsnitt 5.3."),
    },
    {
      id: A_LEDNINGSKRAFT,
      title: "Mottagare av medlen för Ledningskraft",
      reason: "Avsnittet om Ledningskraft anger inte mottagare; SKL driver programmet (SKL-cirkulär 13:66), så medlen antas gå till SKL.",
      default: "skl",
      options: [
        { id: "skl", label: "SKL" },
        { id: "unspecified", label: "Mottagare ej angiven", effect: [{ pot: "LEDNINGSKRAFT", set: { kind: "unspecified", level: "organisation", payee: undefined } }] },
      ],
      source: src("5.2", "Ledningskraft", "överens om att 12 miljoner kronor avsätts för detta ändamål för 2014."),
    },
    {
      id: A_RESULTS_PERIOD,
      title: "Mätperiod för resultaten",
      reason: "Överenskommelsen hänvisar till genomförandeplanen, som inte finns bland källorna; SKL:s cirkulär anger 1 oktober 2013–30 september 2014.",
      default: "skl-circular",
      options: [
        { id: "skl-circular", label: "1 oktober 2013–30 september 2014 (SKL:s cirkulär 13:66)" },
        {
          id: "calendar-2014",
          label: "Under 2014 (kalenderåret)",
          effect: [{ date: "resultatperiod", set: { date: "2014-01-01/2014-12-31" } }],
        },
      ],
      source: src("4", "Den ekonomiska omfattningen", "under 2014. Exakt mätperiod anges i genomförandeplanen."),
    },
    {
      id: A_ABIC_CITIES,
      title: "De tre storstäderna i ÄBiC-ersättningen",
      reason: "Bilaga 2 namnger inte storstäderna; antas Stockholm, Göteborg och Malmö, där taket gäller per stadsdel.",
      default: "stockholm-goteborg-malmo",
      options: [{ id: "stockholm-goteborg-malmo", label: "Stockholm (0180), Göteborg (1480), Malmö (1280)" }],
      source: src("Bilaga 2", "Punkt 3 Äldres behov i centrum", "kommun (stadsdel i de tre storstäderna)."),
    },
    {
      id: A_METRO,
      title: "De tre storstadslänen i analysmedlen",
      reason:
        "Avsnitt 5.3 ger 2 000 000 kr vardera till ”de tre storstadslänen” utan att namnge dem; vi läser dem som Stockholms (01), Skåne (12) och Västra Götalands (14) län, de län som har storstäderna Stockholm, Malmö och Göteborg. Bara Stockholms 2 000 000 kr bekräftas av en källa (SKL:s PM för Stockholms län).",
      default: "01-12-14",
      options: [
        { id: "01-12-14", label: "Stockholms, Skåne och Västra Götalands län (01, 12, 14)" },
        {
          id: "bara-stockholm-bekraftat",
          label: "Bara Stockholms län räknas som bekräftat; Skåne och Västra Götaland får 1 000 000 kr och 2 000 000 kr redovisas ofördelat",
          effect: [
            {
              pot: "ANALYS",
              set: {
                fixed: [
                  {
                    recipients: ["01"],
                    level: "lan",
                    amount: 2000000,
                    source: { doc: DOC_003, section: "Analysarbete", label: "Analysarbete, Stockholms län", quote: "Medel 2014: 2 000 000 kronor" },
                    status: "sourced",
                    assumptions: [A_METRO],
                  },
                  {
                    recipients: "*",
                    level: "lan",
                    amount: 1000000,
                    source: src("5.3", "Analysarbete", "2 mkr vardera till de tre storstadslänen och 1 mkr vardera till"),
                    status: "sourced",
                  },
                ],
              },
            },
          ],
        },
      ],
      source: src("5.3", "Analysarbete", "2 mkr vardera till de tre storstadslänen och 1 mkr vardera till"),
    },
    {
      id: A_COUNTY_PAYEE,
      title: "Vem som tar emot Stockholms läns 7 000 000 kr för utvecklingsledare",
      reason:
        "SKL:s PM anger beloppet för länet men ingen mottagare, och avsnitt 5.2 säger bara att SKL förmedlar medlen till huvudmännen; vi bokför beloppet på landstinget för länets räkning. För eHälsa anger PM:et läns-/regionförbunden som mottagare.",
      default: "landstinget",
      options: [
        { id: "landstinget", label: "Landstinget tar emot beloppet för länets räkning" },
        {
          id: "lans-regionforbundet",
          label: "Läns-/regionförbundet tar emot beloppet för länets räkning",
          effect: [{ pot: "UTVECKLINGSLEDARE-LAN", set: { fixed: [{ ...UL_STOCKHOLM, payee: REGIONAL_BODY }] } }],
        },
      ],
      source: { doc: DOC_003, section: "Utvecklingsledare", label: "Utvecklingsledare, Stockholms län", quote: "Medel 2014: 7 000 000 kronor" },
    },
    {
      id: "aldre-2014/rapporteringsmanader",
      title: "Vilka månader landstingen rapporterar till SKL:s databas",
      reason:
        "Avsnitt 5.3 kräver rapportering senast den 20:e månaden efter mätmånaden men hänvisar mätperioden till genomförandeplanen; vi räknar med december 2013–september 2014: första leveransen 20 januari 2014 (då rapporteringen per vårdcentral börjar) och sista mätmånaden i SKL:s cirkulär 13:66.",
      default: "dec-2013-sep-2014",
      options: [{ id: "dec-2013-sep-2014", label: "Mätmånaderna december 2013–september 2014 (leveranser 20 januari–20 oktober 2014)" }],
      source: src("5.3", "Sammanhållen vård och omsorg", "Rapporteringen ska finnas i SKL:s databas senast den 20:e månaden efter den"),
    },
  ],

  totals: [
    {
      id: "socialstyrelsen",
      label: "Socialstyrelsens uppdrag (utanför överenskommelsen)",
      amount: 126500000,
      pots: ["ABIC", "SOS-OVRIGA-UPPDRAG"],
      source: src("Bilaga 2", "Uppdrag till Socialstyrelsen", "få använda 126 500 000 kronor"),
      status: "sourced",
    },
    {
      id: "totalt",
      label: "Totalt",
      amount: 1001000000,
      pots: "*",
      source: src("6", "Kortfattad sammanfattning i tabellform", "Totalt 1 001,0"),
      status: "sourced",
    },
    {
      id: "livets-slutskede",
      label: "God vård i livets slutskede",
      amount: 70000000,
      pots: ["PALL1", "PALL2"],
      source: src("6", "Kortfattad sammanfattning i tabellform", "God vård i livets slutskede 70,0"),
      status: "sourced",
    },
    {
      id: "preventivt-arbetssatt",
      label: "Preventivt arbetssätt",
      amount: 120000000,
      pots: ["SA-SABO", "SA-OVRIGA", "SA-ROAG"],
      source: src("6", "Kortfattad sammanfattning i tabellform", "Preventivt arbetssätt 120,0"),
      status: "sourced",
    },
    {
      id: "demenssjukdom",
      label: "God vård vid demenssjukdom",
      amount: 100000000,
      pots: ["SVEDEM-DIAGNOS", "SVEDEM-UPPFOLJNING", "BPSD"],
      source: src("6", "Kortfattad sammanfattning i tabellform", "God vård vid demenssjukdom 100,0"),
      status: "sourced",
    },
    {
      id: "lakemedel",
      label: "God läkemedelsbehandling för äldre",
      amount: 300000000,
      pots: ["LKM-OLAMPLIGA", "LKM-ANTIPSYKOTIKA", "LKM-NSAID"],
      source: src("6", "Kortfattad sammanfattning i tabellform", "God läkemedelsbehandling för äldre 300,0"),
      status: "sourced",
    },
    {
      id: "sammanhallen",
      label: "Sammanhållen vård och omsorg",
      amount: 250000000,
      pots: ["UNDVIKBAR", "ATERINSKRIVNING"],
      source: src("6", "Kortfattad sammanfattning i tabellform", "Sammanhållen vård och omsorg 250,0"),
      status: "sourced",
    },
    {
      id: "analysarbete",
      label: "Analysarbete",
      amount: 26500000,
      pots: ["ANALYS", "ANALYS-SKL"],
      source: src("6", "Kortfattad sammanfattning i tabellform", "Analysarbete 26,5"),
      status: "sourced",
    },
    {
      id: "utvecklingsledare",
      label: "Utvecklingsledare",
      amount: 72000000,
      pots: ["UTVECKLINGSLEDARE-LAN", "UTVECKLINGSLEDARE-FAMNA", "UTVECKLINGSLEDARE-VARDFORETAGARNA"],
      source: src("6", "Kortfattad sammanfattning i tabellform", "Utvecklingsledare 72,0"),
      status: "sourced",
    },
    {
      id: "ledningskraft",
      label: "Ledningskraft",
      amount: 12000000,
      pots: ["LEDNINGSKRAFT"],
      source: src("6", "Kortfattad sammanfattning i tabellform", "Ledningskraft 12,0"),
      status: "sourced",
    },
    {
      id: "psykisk-ohalsa",
      label: "Äldres psykiska ohälsa",
      amount: 3000000,
      pots: ["PSYKISK-OHALSA"],
      source: src("6", "Kortfattad sammanfattning i tabellform", "Äldres psykiska ohälsa 3,0"),
      status: "sourced",
    },
    {
      id: "kvalitetssakrad-valfard",
      label: "Kvalitetssäkrad välfärd",
      amount: 8000000,
      pots: ["KVALITETSSAKRAD-VALFARD"],
      source: src("6", "Kortfattad sammanfattning i tabellform", "Kvalitetssäkrad välfärd 8,0"),
      status: "sourced",
    },
    {
      id: "kvalitetsregister",
      label: "Stöd till kvalitetsregister",
      amount: 31000000,
      pots: [
        "KVR-PALLIATIVREGISTRET",
        "KVR-SENIOR-ALERT",
        "KVR-SVEDEM",
        "KVR-BPSD",
        "KVR-RIKSSAR",
        "KVR-FAMNA",
        "KVR-VARDFORETAGARNA",
        "KVR-SKL",
      ],
      source: src("6", "Kortfattad sammanfattning i tabellform", "Stöd till kvalitetsregister 31,0"),
      status: "sourced",
    },
    {
      id: "kvalitetsregister-registren",
      label: "Kvalitetsregister: till registren",
      amount: 28000000,
      pots: ["KVR-PALLIATIVREGISTRET", "KVR-SENIOR-ALERT", "KVR-SVEDEM", "KVR-BPSD", "KVR-RIKSSAR"],
      source: src("5.2", "Stöd till kvalitetsregister", "fördelar 28 miljoner kronor till de olika registren"),
      status: "sourced",
    },
    {
      id: "nationell-samordning",
      label: "Nationell samordning",
      amount: 8500000,
      pots: ["NATIONELL-SAMORDNING"],
      source: src("6", "Kortfattad sammanfattning i tabellform", "Nationell samordning 8,5"),
      status: "sourced",
    },
  ],

  dates: [
    {
      id: "abic-beslut",
      label: "Beslut om att införa ÄBiC ska vara fattat före detta datum",
      date: "2014-10-01",
      source: src("Bilaga 2", ABIC_SECTION, "utbildat processledare och före 1 oktober 2014 fattat beslut"),
      status: "sourced",
    },
    {
      id: "genomforandeplan",
      label: "SKL lämnar plan för genomförandet (underlag för utbetalning)",
      date: "2014-01-01/2014-01-31",
      source: src("8", "Beslut om utbetalning av medel", "Sveriges Kommuner och Landsting under januari 2014 komma in med en plan för"),
      status: "sourced",
    },
    {
      id: "rapportering-vardcentral",
      label: "Landstingen rapporterar även per vårdcentral och enhet från och med",
      date: "2014-01-20",
      source: src("5.3", "Sammanhållen vård och omsorg", "januari 2014 ska landstingen även rapportera in data per vårdcentral"),
      status: "sourced",
    },
    {
      id: "rapportering-utskrivningsklara",
      label: "Landstingen rapporterar vårddygn för utskrivningsklara per kommun från och med",
      date: "2014-04-20",
      source: src("5.3", "Sammanhållen vård och omsorg", "med den 20 april 2014 ska landstingen även för varje kommun"),
      status: "sourced",
    },
    {
      id: "resultatperiod",
      label: "Mätperiod för resultaten",
      date: "2013-10-01/2014-09-30",
      source: { doc: DOC_000, section: "Sammanhållen vård och omsorg om mest sjuka äldre", label: "Tidplan", quote: "perioden 1 oktober 2013 till 30 september 2014" },
      status: "assumption",
      assumptions: [A_RESULTS_PERIOD],
    },
    {
      id: "grundkrav-uppfoljning",
      label: "SKL återrapporterar uppföljningen av grundkraven till Socialstyrelsen",
      date: "2014-10-01",
      source: src("7", "Återrapportering", "till Socialstyrelsen senast den 1 oktober 2014"),
      status: "sourced",
    },
    {
      id: "skl-delredovisning",
      label: "SKL:s prognos och delredovisning till Regeringskansliet",
      date: "2014-10-10",
      source: src("7", "Återrapportering", "Regeringskansliet (Socialdepartementet) senast den 10 oktober 2014"),
      status: "sourced",
    },
    {
      id: "resultat-till-socialstyrelsen",
      label: "SKL rapporterar kommunernas och landstingens resultat till Socialstyrelsen",
      date: "2014-11-01",
      source: src("7", "Återrapportering", "rapporterar in resultaten till Socialstyrelsen senast den 1 november 2014"),
      status: "sourced",
    },
    {
      id: "utbetalning",
      label: "Utbetalning av resultat- och prestationsbaserade medel (senast i december)",
      date: "2014-12-01/2014-12-31",
      source: src("4", "Den ekonomiska omfattningen", "prestationsbaserade medel för 2014 sker senast i december 2014"),
      status: "sourced",
    },
    {
      id: "giltighet",
      label: "Överenskommelsen gäller för verksamhet till och med",
      date: "2014-12-31",
      source: src("12", "Godkännande av överenskommelsen", "Överenskommelsen gäller för verksamhet till och med den 31 december 2014."),
      status: "sourced",
    },
    {
      id: "skl-slutrapport",
      label: "SKL:s slutliga verksamhetsrapport",
      date: "2015-03-31",
      source: src("7", "Återrapportering", "och Landsting ska lämna en slutlig verksamhetsrapport senast den 31 mars 2015."),
      status: "sourced",
    },
  ],

  conflicts: [
    {
      id: "aldre-2014/results-period",
      agreement: "aldre-2014",
      subject: "Mätperiod för resultat- och prestationsbaserade medel",
      claims: [
        {
          source: src("4", "Den ekonomiska omfattningen", "under 2014. Exakt mätperiod anges i genomförandeplanen."),
          value: "under 2014; exakt period i genomförandeplanen",
        },
        {
          source: src("5.3", "God läkemedelsbehandling för äldre", "100 miljoner kronor fördelas till de län som under minst 4 av 6"),
          value: "6 månader 2014 jämförda med samma månader 2013",
        },
        {
          source: {
            doc: DOC_000,
            section: "Sammanhållen vård och omsorg om mest sjuka äldre",
            label: "Tidplan",
            quote: "perioden 1 oktober 2013 till 30 september 2014",
          },
          value: "2013-10-01/2014-09-30",
        },
      ],
      resolution:
        "Överenskommelsen (Mest sjuka äldre 2014) anger ingen exakt period och hänvisar till genomförandeplanen, som saknas bland källorna. SKL:s cirkulär 13:66 är den enda källa som anger en period och används som standardval i antagandet aldre-2014/results-period; perioden börjar före 2014, vilket avviker från överenskommelsens ”under 2014”.",
      resolvedValue: "2013-10-01/2014-09-30",
    },
  ],

  notes: [
    "Finansiering: 320 000 000 kr från anslag 1:6 (anslagspost 1 Äldresatsning) och resterande 681 000 000 kr från anslag 4:5 (anslagspost 20) (Mest sjuka äldre 2014 §8).",
    "Socialstyrelsens 126 500 000 kr (Bilaga 2) ligger utanför överenskommelsens 1 001 000 000 kr och redovisas för sig; därav 70 000 000 kr till kommuner för processledare i ÄBiC, högst två per kommun (per stadsdel i de tre storstäderna).",
    "Medlen för utvecklingsledare, Ledningskraft, kvalitetsregister m.m. (Mest sjuka äldre 2014 §5.2) betalas till SKL, som förmedlar dem enligt en plan för genomförandet.",
    "Grundkraven (Mest sjuka äldre 2014 §5.1) gäller alla prestationsbaserade medel i avsnitt 5.3.",
  ],
};
