/**
 * prio-2014: "Stöd till riktade insatser inom området psykisk ohälsa 2014",
 * the agreement between the state and SKL approved by the government
 * (seed 004_a38fd00e97c5cefc.txt). 692 500 000 kr: 630 000 000 performance
 * funds to kommuner and landsting (§3.4), 62 500 000 to SKL (§3.1–3.3).
 *
 * Reading notes — points the model cannot state by itself; the evaluator must
 * honour them:
 * - The 80 % county rule (§3.4.1) is about kommuner that meet *both*
 *   grundkrav ("uppfyller grundkraven"). The model carries `coverage` on each
 *   requirement (GK1, GK2); the coverage must be computed once, over the
 *   kommuner that meet every requirement, not per requirement.
 * - GK1's last criterion ("ny-overenskommelse") only applies to those who
 *   decide a new agreement in 2014: the answer may be "ej aktuellt", which
 *   counts as met (assumption prio-2014/gk1-ny-overenskommelse).
 * - B1's target figure (målsiffran) is 0,5 % of the county's population; the
 *   core computes it exactly from the population, so the facts give only the
 *   number of registered patients (assumption prio-2014/b1-malsiffra).
 * - A1/A2 results are read in Väntetider i vården on 30 November 2014, after
 *   the results period in §5 ends (14 November); both dates are recorded.
 */
import { Agreement, Citation, Coverage, Criterion, KeyRef, Patch, Rule } from "../core/model";
import { PRIO_2014_OBLIGATIONS } from "./obligations/prio-2014";
import { addGoalText } from "./prio-2014-goal-text";

const DOC = "004_a38fd00e97c5cefc.txt" as const;
const DOC_003 = "003_df29125e70796945.txt" as const;

function src(section: string, label: string, quote?: string): Citation {
  return quote === undefined ? { doc: DOC, section, label } : { doc: DOC, section, label, quote };
}

// Assumption ids (used below, declared in `assumptions`).
const A_BELOW_80 = "prio-2014/county-below-80";
const A_ENSTAKA = "prio-2014/enstaka-kommun";
const A_LANDSTING_FAILS = "prio-2014/landsting-fails";
const A_GK1_WHO = "prio-2014/gk1-answered-by";
const A_GK1_NY = "prio-2014/gk1-ny-overenskommelse";
const A_BARE = "prio-2014/bare-percent-at-least";
const A_A1_A2 = "prio-2014/a1-a2-independent";
const A_B1_TARGET = "prio-2014/b1-malsiffra";
const A_B1_REGISTERS = "prio-2014/b1-psykosr-bipolar";

/** §3.4: the performance funds are shared by population on 31 Dec 2013. */
const POPULATION: KeyRef = {
  id: "population",
  label: "Antal invånare 31 december 2013",
  input: false,
  source: src("3.4", "Prestationsbaserade medel", "system som baseras på antalet invånare den 31 december 2013."),
  status: "sourced",
};

/** An alternative reading of the county coverage rule, on both requirements that carry it. */
function coverageEffect(set: Partial<Coverage>): Patch[] {
  return [
    { coverage: "GK1", set },
    { coverage: "GK2", set },
  ];
}

const B1_LAKEMEDEL_QUOTE = "minst 60 procent av de patienter som registrerats i PsykosR och";

/** B1's first point read as a share of patients (prio-2014/b1-malsiffra = patient-share). */
const B1_PATIENT_SHARE: Criterion = {
  id: "malsiffra",
  kind: "share",
  label: "Andel patienter (ny- och återbesök) registrerade i relevant psykiatriskt kvalitetsregister",
  threshold: "0.6",
  op: ">=",
  source: src("3.4.2", "Prestationsmål B 1", "registrerat minst 60 procent av patienterna (ny- och"),
  status: "assumption",
  assumptions: [A_B1_TARGET],
};

/** Medication follow-up per register (prio-2014/b1-psykosr-bipolar = each-register). */
const B1_EACH_REGISTER: Criterion[] = [
  {
    id: "lakemedelsuppfoljning-psykosr",
    kind: "share",
    label: "Andel patienter i PsykosR med läkemedelsuppföljning av läkare",
    threshold: "0.6",
    op: ">=",
    source: src("3.4.2", "Prestationsmål B 1", B1_LAKEMEDEL_QUOTE),
    status: "assumption",
    assumptions: [A_B1_REGISTERS],
  },
  {
    id: "lakemedelsuppfoljning-bipolar",
    kind: "share",
    label: "Andel patienter i BipoläR med läkemedelsuppföljning av läkare",
    threshold: "0.6",
    op: ">=",
    source: src("3.4.2", "Prestationsmål B 1", B1_LAKEMEDEL_QUOTE),
    status: "assumption",
    assumptions: [A_B1_REGISTERS],
  },
];

const COVERAGE: Coverage = {
  threshold: "0.8",
  op: ">=",
  source: src("3.4.1", "Länsregeln 80 procent", "kommuner som uppfyller grundkraven omfattar minst 80 procent av"),
  status: "sourced",
  assumptions: [A_BELOW_80, A_ENSTAKA, A_LANDSTING_FAILS],
};

// ---------------------------------------------------------------------------
// Prestationsmål (§3.4.2). Criteria follow the lists "Prestationsmålet kommer
// att anses vara uppfyllt om", with thresholds from the goal text itself.

const A_FORUTSATTNING: Rule = {
  id: "A-FORUTSATTNING",
  title: "Förutsättningar för prestationsmål A 1 och A 2",
  level: "landsting",
  source: src("3.4.2", "Prestationsmål A 1 och A 2: förutsättningar", "Prestationsmålet kommer att anses vara uppfyllt om:"),
  status: "sourced",
  criteria: [
    {
      id: "rapportering",
      kind: "boolean",
      label: "Väntetider rapporteras enligt överenskommet regelverk",
      source: src("3.4.2", "Prestationsmål A 1 och A 2", "rapporteringen av väntetider sker enligt överenskommet regelverk,"),
      status: "sourced",
    },
    {
      id: "svarsfrekvens-forsta-besok",
      kind: "share",
      label: "Svarsfrekvens till Väntetider i vården, första besök",
      threshold: "0.95",
      op: ">=",
      source: src("3.4.2", "Prestationsmål A 1 och A 2", "minst 95 procent för både första besök och fördjupad utredning"),
      status: "sourced",
    },
    {
      id: "svarsfrekvens-fordjupad",
      kind: "share",
      label: "Svarsfrekvens till Väntetider i vården, fördjupad utredning eller behandling",
      threshold: "0.95",
      op: ">=",
      source: src("3.4.2", "Prestationsmål A 1 och A 2", "minst 95 procent för både första besök och fördjupad utredning"),
      status: "sourced",
    },
    {
      id: "forsta-linjen",
      kind: "boolean",
      label: "Väntetider till första linjen rapporteras för minst en enhet",
      source: src("3.4.2", "Prestationsmål A 1 och A 2", "med psykisk ohälsa rapporteras för minst en enhet per landsting,"),
      status: "sourced",
    },
  ],
};

const GOALS: Rule[] = [
  A_FORUTSATTNING,
  {
    id: "A1",
    title: "Prestationsmål A 1: första bedömning inom 30 dagar",
    level: "landsting",
    requires: ["A-FORUTSATTNING"],
    source: src("3.4.2", "Prestationsmål A 1", "80 000 000 kronor delas av de landsting som når målet att:"),
    status: "sourced",
    assumptions: [A_A1_A2],
    criteria: [
      {
        id: "forsta-bedomning-30-dagar",
        kind: "share",
        label: "Andel barn och unga som fått en första bedömning inom 30 dagar",
        threshold: "0.9",
        op: ">=",
        source: src("3.4.2", "Prestationsmål A 1", "minst 90 procent av barn och unga med beslut om en första"),
        status: "sourced",
        assumptions: [A_BARE],
      },
    ],
  },
  {
    id: "A2",
    title: "Prestationsmål A 2: fördjupad utredning eller behandling inom 30 dagar",
    level: "landsting",
    requires: ["A-FORUTSATTNING"],
    source: src("3.4.2", "Prestationsmål A 2", "100 000 000 kronor delas av de landsting som når målet att:"),
    status: "sourced",
    assumptions: [A_A1_A2],
    criteria: [
      {
        id: "fordjupad-30-dagar",
        kind: "share",
        label: "Andel barn och unga som påbörjat fördjupad utredning eller behandling inom 30 dagar",
        threshold: "0.8",
        op: ">=",
        source: src("3.4.2", "Prestationsmål A 2", "minst 80 procent av barn och unga med beslut om en fördjupad"),
        status: "sourced",
      },
    ],
  },
  {
    id: "A3",
    title: "Prestationsmål A 3: samordnade individuella planer (kommuner)",
    level: "kommun",
    source: src("3.4.2", "Prestationsmål A 3", "100 000 000 kronor delas av de kommuner som:"),
    status: "sourced",
    criteria: [
      {
        id: "sip-0-17",
        kind: "boolean",
        label: "Rapporterat antal samordnade individuella planer för barn och unga t.o.m. 17 år och uppskattat behovet",
        source: src("3.4.2", "Prestationsmål A 3", "Angett hur många barn och unga upp till och med 17 år (kommun)"),
        status: "sourced",
      },
      {
        id: "sip-placerade",
        kind: "boolean",
        label: "Samma uppgifter för placerade barn och unga (HVB, familjehem enligt SoL, samtliga LVU-placerade)",
        source: src("3.4.2", "Prestationsmål A 3", "Angett samma uppgifter för personer upp till och med 17 år som är"),
        status: "sourced",
      },
      {
        id: "handlingsplan-2015",
        kind: "boolean",
        label: "Svarat ja om handlingsplan för samordnade individuella planer 2015 och redovisat åtgärderna",
        source: src("3.4.2", "Prestationsmål A 3", "Svarat ja på en fråga i inmatningsfunktionen om att man har en"),
        status: "sourced",
      },
    ],
  },
  {
    id: "A4",
    title: "Prestationsmål A 4: samordnade individuella planer (landsting)",
    level: "landsting",
    source: src("3.4.2", "Prestationsmål A 4", "50 000 000 kronor delas av de landsting som:"),
    status: "sourced",
    criteria: [
      {
        id: "sip-0-24",
        kind: "boolean",
        label: "Rapporterat antal samordnade individuella planer för personer t.o.m. 24 år och analyserat behovet",
        source: src("3.4.2", "Prestationsmål A 4", "och med 24 år samt gjort en analys av behovet av sådana planer för"),
        status: "sourced",
      },
      {
        id: "handlingsplan-2015",
        kind: "boolean",
        label: "Svarat ja om handlingsplan för samordnade individuella planer 2015 och redovisat åtgärderna",
        source: src("3.4.2", "Prestationsmål A 4", "Svarat ja på en fråga i inmatningsfunktionen om att man har en"),
        status: "sourced",
      },
    ],
  },
  {
    id: "B1",
    title: "Prestationsmål B 1: kvalitetsregister och hälsofrämjande insatser",
    level: "landsting",
    source: src("3.4.2", "Prestationsmål B 1", "100 000 000 kronor delas av de landsting som:"),
    status: "sourced",
    criteria: [
      {
        id: "malsiffra",
        kind: "target-count",
        label: "Antal patienter registrerade i psykiatriska kvalitetsregister (målsiffran = 0,5 % av länets invånare)",
        rate: "0.005",
        threshold: "0.6",
        op: ">=",
        source: src("3.4.2", "Prestationsmål B 1", "kvalitetsregister så att det motsvarar minst 60 procent av målsiffran"),
        status: "sourced",
        assumptions: [A_B1_TARGET],
      },
      {
        id: "lakemedelsuppfoljning",
        kind: "share",
        label: "Andel patienter i PsykosR och BipoläR med läkemedelsuppföljning av läkare",
        threshold: "0.6",
        op: ">=",
        source: src("3.4.2", "Prestationsmål B 1", "minst 60 procent av de patienter som registrerats i PsykosR och"),
        status: "sourced",
        assumptions: [A_B1_REGISTERS],
      },
      {
        id: "halsoframjande",
        kind: "share",
        label: "Andel patienter i PsykosR som erbjudits hälsofrämjande åtgärd",
        threshold: "0.6",
        op: ">=",
        source: src("3.4.2", "Prestationsmål B 1", "60 procent av de registrerade patienterna i PsykosR erbjudits"),
        status: "sourced",
        assumptions: [A_BARE],
      },
    ],
  },
  {
    id: "B2",
    title: "Prestationsmål B 2: minska behovet av tvångsåtgärder",
    level: "landsting",
    source: src("3.4.2", "Prestationsmål B 2", "50 000 000 kronor delas av de landsting som"),
    status: "sourced",
    criteria: [
      {
        id: "identifierat-tiondel",
        kind: "boolean",
        label: "Identifierat tiondelen med flest tvångsvårdstillfällen och tiondelen med flest tvångsåtgärder",
        source: src("3.4.2", "Prestationsmål B 2", "Visar att de har identifierat den tiondel av patienterna som blir"),
        status: "sourced",
      },
      {
        id: "handlingsplan",
        kind: "boolean",
        label: "Svarat ja om handlingsplan för att minska tvångsvård och tvångsåtgärder och redovisat den",
        source: src("3.4.2", "Prestationsmål B 2", "Svarar ja på en fråga i inmatningsfunktionen att man har en"),
        status: "sourced",
      },
      {
        id: "utvecklingsaktiviteter",
        kind: "boolean",
        label: "Deltagit i nationella utvecklingsaktiviteter eller visar egna aktiviteter",
        source: src("3.4.2", "Prestationsmål B 2", "Deltagit i nationella utvecklingsaktiviteter för att vidmakthålla"),
        status: "sourced",
      },
      {
        id: "par-kvalitetssakring",
        kind: "boolean",
        label: "Deltagit i kvalitetssäkring av rapporteringen till patientregistret (PAR) och skickat in analyser",
        source: src("3.4.2", "Prestationsmål B 2", "Deltagit i ett gemensamt kvalitetssäkringsarbete avseende"),
        status: "sourced",
      },
    ],
  },
  {
    id: "B3",
    title: "Prestationsmål B 3: inventeringar",
    level: "kommun",
    source: src("3.4.2", "Prestationsmål B 3", "150 000 000 kronor delas mellan de kommuner:"),
    status: "sourced",
    criteria: [
      {
        id: "inventering",
        kind: "boolean",
        label: "Inventering 2011–2014 enligt Socialstyrelsens verktyg, registrerad hos SKL",
        source: src("3.4.2", "Prestationsmål B 3", "gjort en inventering i enlighet med vad som beskrivs i"),
        status: "sourced",
      },
      {
        id: "bedomning-sip",
        kind: "boolean",
        label: "Bedömt hur antalet samordnade individuella planer motsvarar behovet",
        source: src("3.4.2", "Prestationsmål B 3", "gjort en bedömning av hur antalet upprättade samordnade"),
        status: "sourced",
      },
      {
        id: "bedomning-delaktighet",
        kind: "boolean",
        label: "Bedömt hur den enskildes delaktighet kan stärkas i boende och sysselsättning",
        source: src("3.4.2", "Prestationsmål B 3", "gjort en bedömning av hur den enskildes delaktighet kan stärkas i"),
        status: "sourced",
      },
      {
        id: "bedomning-riktlinjer",
        kind: "boolean",
        label: "Bedömt vilka insatser enligt nationella riktlinjer vid schizofreni kommunen kan erbjuda",
        source: src("3.4.2", "Prestationsmål B 3", "gjort en bedömning av vilka insatser av de som rekommenderas i"),
        status: "sourced",
      },
      {
        id: "handlingsplan-af-fk",
        kind: "boolean",
        label: "Handlingsplan med Arbetsförmedlingen och Försäkringskassan för återgång i arbete",
        source: src("3.4.2", "Prestationsmål B 3", "i samverkan med Arbetsförmedlingen och Försäkringskassan lokalt"),
        status: "sourced",
      },
      {
        id: "synpunkter",
        kind: "boolean",
        label: "Lämnat in synpunkter från patient-, brukar- och anhörigorganisationer",
        source: src("3.4.2", "Prestationsmål B 3", "lämnat in synpunkter från organisationer som företräder patienter,"),
        status: "sourced",
      },
    ],
  },
];

export const PRIO_2014: Agreement = {
  obligations: PRIO_2014_OBLIGATIONS,
  id: "prio-2014",
  title: "Stöd till riktade insatser inom området psykisk ohälsa 2014",
  year: 2014,
  total: 692500000,
  source: src("3", "Den ekonomiska omfattningen", "För 2014 avsätter regeringen 692 500 000 kronor för denna"),
  status: "sourced",

  pots: [
    {
      id: "A1",
      title: "Prestationsmål A 1: tillgänglighet, första bedömning",
      amount: 80000000,
      kind: "performance",
      level: "landsting",
      goal: "A1",
      gated: true,
      key: POPULATION,
      group: "A1+A2",
      source: src("3.4.2", "Prestationsmål A 1", "80 000 000 kronor delas av de landsting som når målet att:"),
      status: "sourced",
      note: "SKL:s PM för Stockholms län anger 100 000 000 kr; överenskommelsen (Psykisk ohälsa 2014) gäller.",
    },
    {
      id: "A2",
      title: "Prestationsmål A 2: tillgänglighet, fördjupad utredning eller behandling",
      amount: 100000000,
      kind: "performance",
      level: "landsting",
      goal: "A2",
      gated: true,
      key: POPULATION,
      group: "A1+A2",
      source: src("3.4.2", "Prestationsmål A 2", "100 000 000 kronor delas av de landsting som når målet att:"),
      status: "sourced",
    },
    {
      id: "A3",
      title: "Prestationsmål A 3: samordnade individuella planer, kommuner",
      amount: 100000000,
      kind: "performance",
      level: "kommun",
      goal: "A3",
      gated: true,
      key: POPULATION,
      group: "A3+A4",
      source: src("3.4.2", "Prestationsmål A 3", "100 000 000 kronor delas av de kommuner som:"),
      status: "sourced",
    },
    {
      id: "A4",
      title: "Prestationsmål A 4: samordnade individuella planer, landsting",
      amount: 50000000,
      kind: "performance",
      level: "landsting",
      goal: "A4",
      gated: true,
      key: POPULATION,
      group: "A3+A4",
      source: src("3.4.2", "Prestationsmål A 4", "50 000 000 kronor delas av de landsting som:"),
      status: "sourced",
    },
    {
      id: "B1",
      title: "Prestationsmål B 1: kvalitetsregister och hälsofrämjande insatser",
      amount: 100000000,
      kind: "performance",
      level: "landsting",
      goal: "B1",
      gated: true,
      key: POPULATION,
      group: "B1",
      source: src("3.4.2", "Prestationsmål B 1", "100 000 000 kronor delas av de landsting som:"),
      status: "sourced",
    },
    {
      id: "B2",
      title: "Prestationsmål B 2: minska behovet av tvångsåtgärder",
      amount: 50000000,
      kind: "performance",
      level: "landsting",
      goal: "B2",
      gated: true,
      key: POPULATION,
      group: "B2",
      source: src("3.4.2", "Prestationsmål B 2", "50 000 000 kronor delas av de landsting som"),
      status: "sourced",
    },
    {
      id: "B3",
      title: "Prestationsmål B 3: inventeringar",
      amount: 150000000,
      kind: "performance",
      level: "kommun",
      goal: "B3",
      gated: true,
      key: POPULATION,
      group: "B3",
      source: src("3.4.2", "Prestationsmål B 3", "150 000 000 kronor delas mellan de kommuner:"),
      status: "sourced",
    },
    {
      id: "SKL-SAMORDNING",
      title: "Samordningsfunktion på SKL",
      amount: 1500000,
      kind: "organisation",
      level: "organisation",
      payee: "SKL",
      gated: false,
      group: "SKL",
      source: src("3.1", "Samordningsfunktion på SKL", "Parterna är överens om att avsätta 1 500 000 kronor för"),
      status: "sourced",
    },
    {
      id: "SKL-BARN",
      title: "Utvecklingsstöd för insatser till barn och unga",
      amount: 33500000,
      kind: "organisation",
      level: "organisation",
      payee: "SKL",
      gated: false,
      group: "SKL",
      source: src("3.2", "Utvecklingsstöd barn och unga", "Parterna är överens om ett statligt stöd om 33 500 000 kronor för att SKL"),
      status: "sourced",
    },
    {
      id: "SKL-VUXNA",
      title: "Utvecklingsstöd för insatser till vuxna med omfattande eller komplicerad psykiatrisk problematik",
      amount: 27500000,
      kind: "organisation",
      level: "organisation",
      payee: "SKL",
      gated: false,
      group: "SKL",
      source: src("3.3", "Utvecklingsstöd vuxna", "Parterna är överens om ett statligt stöd om 27 500 000 kronor under"),
      status: "sourced",
      note: "Ungefärlig fördelning: 40 % självskadeprojektet, 40 % heldygnsvård m.m., 5 % stöd på nätet, 15 % METIS.",
    },
  ],

  requirements: [
    {
      id: "GK1",
      title: "Grundkrav 1: Samverkansöverenskommelser",
      level: "kommun",
      gate: "each",
      coverage: COVERAGE,
      source: src("3.4.1", "Grundkrav 1", "Kravet anses uppfyllt om:"),
      status: "sourced",
      assumptions: [A_GK1_WHO],
      criteria: [
        {
          id: "innehall",
          kind: "boolean",
          label: "Samverkansöverenskommelsen har det innehåll som grundkravet beskriver",
          source: src("3.4.1", "Grundkrav 1", "Innehållet som beskrivs i grundkravet finns med i"),
          status: "sourced",
        },
        {
          id: "uppfoljning",
          kind: "boolean",
          label: "Dokumenterad uppföljning och planerade åtgärder för samverkan och delaktighet",
          source: src("3.4.1", "Grundkrav 1", "Det finns en dokumenterad uppföljning av planen samt om det av"),
          status: "sourced",
        },
        {
          id: "synpunkter",
          kind: "boolean",
          label: "Brukar- och anhörigorganisationer har lämnat synpunkter, och synpunkterna redovisas",
          source: src("3.4.1", "Grundkrav 1", "Det framgår att organisationer som företräder brukare och"),
          status: "sourced",
        },
        {
          id: "ny-overenskommelse",
          kind: "boolean",
          label: "Vid ny överenskommelse 2014: uppföljning gjord och handlingsplan upprättad (ja, nej eller ej aktuellt)",
          notApplicable: "met",
          source: src("3.4.1", "Grundkrav 1", "Kommuner och landsting som fattar beslut om en ny"),
          status: "sourced",
          assumptions: [A_GK1_NY],
        },
      ],
    },
    {
      id: "GK2",
      title: "Grundkrav 2: Webbaserad information till barn och unga",
      level: "kommun",
      gate: "each",
      coverage: COVERAGE,
      source: src("3.4.1", "Grundkrav 2", "Grundkravet anses uppfyllt om det finns webbaserad information, eller"),
      status: "sourced",
      criteria: [
        {
          id: "information",
          kind: "boolean",
          label: "Webbaserad information (eller motsvarande) om vart barn, unga och familjer vänder sig",
          source: src("3.4.1", "Grundkrav 2", "Landstinget och kommunerna i länet ska tillhandahålla webbaserad"),
          status: "sourced",
        },
        {
          id: "ansvarsfordelning",
          kind: "boolean",
          label: "Informationen grundar sig i en av huvudmännen beslutad ansvarsfördelning",
          source: src("3.4.1", "Grundkrav 2", "en av huvudmännen beslutad ansvarsfördelning."),
          status: "sourced",
        },
        {
          id: "uppdaterad",
          kind: "boolean",
          label: "Hänvisningar och länkar är uppdaterade med aktuell information för 2014",
          source: src("3.4.1", "Grundkrav 2", "och länkar ska vara uppdaterade och innehålla aktuell information för"),
          status: "sourced",
        },
        {
          id: "akuta-problem",
          kind: "boolean",
          label: "Informationen omfattar: akuta problem",
          source: src("3.4.1", "Grundkrav 2", "Akuta problem"),
          status: "sourced",
        },
        {
          id: "psykiatriska-symtom",
          kind: "boolean",
          label: "Informationen omfattar: olika exemplifierade psykiatriska symtom",
          source: src("3.4.1", "Grundkrav 2", "Olika exemplifierade psykiatriska symtom"),
          status: "sourced",
        },
        {
          id: "sociala-svarigheter",
          kind: "boolean",
          label: "Informationen omfattar: olika exemplifierade sociala svårigheter",
          source: src("3.4.1", "Grundkrav 2", "Olika exemplifierade sociala svårigheter"),
          status: "sourced",
        },
        {
          id: "relationssvarigheter",
          kind: "boolean",
          label: "Informationen omfattar: relationssvårigheter",
          source: src("3.4.1", "Grundkrav 2", "- Relationssvårigheter"),
          status: "sourced",
        },
        {
          id: "stod-radgivning",
          kind: "boolean",
          label: "Informationen omfattar: stöd och rådgivning",
          source: src("3.4.1", "Grundkrav 2", "- Stöd och rådgivning"),
          status: "sourced",
        },
        {
          id: "insatser-behandling",
          kind: "boolean",
          label: "Informationen omfattar: insatser och behandling",
          source: src("3.4.1", "Grundkrav 2", "- Insatser och behandling"),
          status: "sourced",
        },
        {
          id: "andra-omraden",
          kind: "boolean",
          label: "Informationen omfattar: andra områden som kommunen och landstinget identifierat",
          source: src("3.4.1", "Grundkrav 2", "Andra områden som kommunen och landstinget identifierat"),
          status: "sourced",
        },
      ],
    },
  ],

  goals: GOALS,

  assumptions: [
    {
      id: A_BELOW_80,
      title: "Län där de godkända kommunerna har under 80 % av invånarna",
      reason: "Överenskommelsen säger bara vad som gäller vid minst 80 %; under 80 % antas ingen i länet få prestationsmedel.",
      default: "none-in-county",
      options: [
        { id: "none-in-county", label: "Ingen i länet får prestationsmedel" },
        {
          id: "complying-only",
          label: "Endast de kommuner och det landsting som själva uppfyller grundkraven får medel",
          effect: coverageEffect({ below: "complying-only" }),
        },
      ],
      source: src("3.4.1", "Länsregeln 80 procent", "kommuner som uppfyller grundkraven omfattar minst 80 procent av"),
    },
    {
      id: A_ENSTAKA,
      title: "Hur många kommuner får brista i grundkraven",
      reason: "Texten talar om ”någon enstaka kommun”; antas betyda valfritt antal så länge 80 %-regeln är uppfylld.",
      default: "any-number",
      options: [
        { id: "any-number", label: "Valfritt antal, så länge de godkända kommunerna har minst 80 % av invånarna" },
        { id: "single-kommun", label: "Högst en kommun i länet får brista", effect: coverageEffect({ maxFailing: 1 }) },
      ],
      source: src("3.4.1", "Länsregeln 80 procent", "enstaka kommun inte uppfyller grundkraven kan landstinget och övriga"),
    },
    {
      id: A_LANDSTING_FAILS,
      title: "Landstinget uppfyller inte grundkraven",
      reason: "Överenskommelsen reglerar bara fallet att en kommun brister; antas att landstinget då går miste om medel men kommunerna inte.",
      default: "kommuner-may-receive",
      options: [
        { id: "kommuner-may-receive", label: "Landstinget får inget; godkända kommuner får medel enligt 80 %-regeln" },
        { id: "none-in-county", label: "Ingen i länet får prestationsmedel", effect: coverageEffect({ landstingFails: "none-in-county" }) },
      ],
      source: src("3.4.1", "Grundläggande krav", "En kommun eller ett landsting som inte uppfyller"),
    },
    {
      id: A_GK1_WHO,
      title: "Vem besvarar grundkrav 1",
      reason: "Samverkansöverenskommelsen finns ”i länet”, men kravet gäller varje kommun och landsting; antas att var och en svarar för sig.",
      default: "each",
      options: [
        { id: "each", label: "Varje kommun och landsting besvarar kravet för sig" },
        { id: "county", label: "Ett gemensamt svar för länet gäller alla i länet", effect: [{ rule: "GK1", set: { answeredBy: "county" } }] },
      ],
      source: src("3.4.1", "Grundkrav 1", "I länet ska finnas samverkansöverenskommelser om samverkan kring"),
    },
    {
      id: A_GK1_NY,
      title: "Grundkrav 1 för den som inte beslutat ny överenskommelse 2014",
      reason: "Sista punkten gäller bara den som beslutar en ny överenskommelse 2014; den som svarar ”ej aktuellt” antas uppfylla den.",
      default: "not-applicable-is-met",
      options: [
        { id: "not-applicable-is-met", label: "”Ej aktuellt” räknas som uppfyllt" },
        {
          id: "always-required",
          label: "Punkten krävs av alla: ”ej aktuellt” räknas som inte uppfyllt",
          effect: [{ rule: "GK1", criterion: "ny-overenskommelse", set: { notApplicable: "not-met" } }],
        },
      ],
      source: src("3.4.1", "Grundkrav 1", "Kommuner och landsting som fattar beslut om en ny"),
    },
    {
      id: A_BARE,
      title: "Procentgränser utan ”minst”",
      reason: "I kravlistorna för A 1 och B 1 står ”90 procent” och ”60 procent” utan ”minst”; målet i övrigt säger ”minst”, så gränsen antas vara inklusive.",
      default: "at-least",
      options: [
        { id: "at-least", label: "Minst (≥) gränsen" },
        {
          id: "more-than",
          label: "Mer än (>) gränsen",
          effect: [
            { rule: "A1", criterion: "forsta-bedomning-30-dagar", set: { op: ">" } },
            { rule: "B1", criterion: "halsoframjande", set: { op: ">" } },
          ],
        },
      ],
      source: src("3.4.2", "Prestationsmål A 1", "90 procent av barn och unga med beslut om en första bedömning"),
    },
    {
      id: A_A1_A2,
      title: "A 1 och A 2 bedöms var för sig",
      reason: "Kravlistan förenar 90 %- och 80 %-målen med ”och”, men medlen anges som två separata belopp; antas att målen bedöms var för sig.",
      default: "independent",
      options: [
        { id: "independent", label: "A 1 och A 2 bedöms var för sig" },
        {
          id: "both-required",
          label: "Båda målen krävs för att få del av något av beloppen",
          effect: [
            { rule: "A1", set: { requires: ["A-FORUTSATTNING", "A2"] } },
            { rule: "A2", set: { requires: ["A-FORUTSATTNING", "A1"] } },
          ],
        },
      ],
      source: src("3.4.2", "Prestationsmål A 1 och A 2", "Prestationsmålet kommer att anses vara uppfyllt om:"),
    },
    {
      id: A_B1_TARGET,
      title: "Målsiffran i B 1",
      reason:
        "Målsiffran (0,5 % av befolkningen) definieras bara i beskrivningen av 2013 års mål, och målets första strecksats talar om andel patienter. Standardvalet räknar målsiffran ur länets folkmängd 31 december 2013.",
      default: "malsiffra",
      options: [
        { id: "malsiffra", label: "Registrerade patienter mot målsiffran 0,5 % av länets invånare (beräknas)" },
        {
          id: "egen-malsiffra",
          label: "Registrerade patienter mot en officiell målsiffra som anges (antal | målsiffra)",
          effect: [{ rule: "B1", criterion: "malsiffra", set: { target: "input" } }],
        },
        {
          id: "patient-share",
          label: "Andel registrerade patienter (ny- och återbesök)",
          effect: [{ rule: "B1", criterion: "malsiffra", replace: [B1_PATIENT_SHARE] }],
        },
      ],
      source: src("3.4.2", "Prestationsmål B 1: målsiffra", "0,5 procent av hela befolkningen."),
    },
    {
      id: A_B1_REGISTERS,
      title: "Läkemedelsuppföljning i PsykosR och BipoläR",
      reason: "Oklart om 60 % avser patienterna i båda registren sammantaget eller varje register för sig; antas sammantaget.",
      default: "combined",
      options: [
        { id: "combined", label: "Patienterna i PsykosR och BipoläR sammantaget" },
        {
          id: "each-register",
          label: "Minst 60 % i vart och ett av registren",
          effect: [{ rule: "B1", criterion: "lakemedelsuppfoljning", replace: B1_EACH_REGISTER }],
        },
      ],
      source: src("3.4.2", "Prestationsmål B 1", "minst 60 procent av de patienter som registrerats i PsykosR och"),
    },
  ],

  totals: [
    {
      id: "totalt",
      label: "Totalt",
      amount: 692500000,
      pots: "*",
      source: src("3.4", "Sammanfattning medelsfördelning", "Totalt 692,5"),
      status: "sourced",
    },
    {
      id: "prestationsbaserade-medel",
      label: "Prestationsbaserade medel",
      amount: 630000000,
      pots: ["A1", "A2", "A3", "A4", "B1", "B2", "B3"],
      source: src("3", "Den ekonomiska omfattningen", "Av dessa avsätts 630 000 000 kronor för att utbetalas"),
      status: "sourced",
    },
    {
      id: "skl",
      label: "SKL",
      amount: 62500000,
      pots: ["SKL-SAMORDNING", "SKL-BARN", "SKL-VUXNA"],
      source: src("3", "Den ekonomiska omfattningen", "62 500 000 kronor avsätts att till SKL för en samordningsfunktion och"),
      status: "sourced",
    },
    {
      id: "skl-samordning",
      label: "Samordningsfunktion på SKL",
      amount: 1500000,
      pots: ["SKL-SAMORDNING"],
      source: src("3.4", "Sammanfattning medelsfördelning", "Samordningsfunktion på SKL 1,5"),
      status: "sourced",
    },
    {
      id: "skl-barn",
      label: "Utvecklingsstöd för insatser till barn och unga",
      amount: 33500000,
      pots: ["SKL-BARN"],
      source: src("3.4", "Sammanfattning medelsfördelning", "Utvecklingsstöd för insatser till barn och unga 33,5"),
      status: "sourced",
    },
    {
      id: "skl-vuxna",
      label: "Utvecklingsstöd för insatser till vuxna",
      amount: 27500000,
      pots: ["SKL-VUXNA"],
      source: src("3.4", "Sammanfattning medelsfördelning", "problematik 27,5"),
      status: "sourced",
    },
    {
      id: "A1+A2",
      label: "Prestationsmål A 1 och A 2: Tillgänglighet barn och unga",
      amount: 180000000,
      pots: ["A1", "A2"],
      source: src("3.4", "Sammanfattning medelsfördelning", "Prestationsmål A 1 och A 2: Tillgänglighet barn och unga 180"),
      status: "sourced",
    },
    {
      id: "A3+A4",
      label: "Prestationsmål A 3 och A 4: Samordnade individuella planer",
      amount: 150000000,
      pots: ["A3", "A4"],
      source: src("3.4", "Sammanfattning medelsfördelning", "Prestationsmål A 3 och A 4: Samordnade individuella planer 150"),
      status: "sourced",
    },
    {
      id: "B1",
      label: "Prestationsmål B 1: Kvalitetsregister och hälsofrämjande insatser",
      amount: 100000000,
      pots: ["B1"],
      source: src("3.4", "Sammanfattning medelsfördelning", "Prestationsmål B 1: Kvalitetsregister och hälsofrämjande insatser 100"),
      status: "sourced",
    },
    {
      id: "B2",
      label: "Prestationsmål B 2: Minska behovet av tvångsåtgärder",
      amount: 50000000,
      pots: ["B2"],
      source: src("3.4", "Sammanfattning medelsfördelning", "Prestationsmål B 2: Minska behovet av tvångsåtgärder 50"),
      status: "sourced",
    },
    {
      id: "B3",
      label: "Prestationsmål B 3: Inventeringar",
      amount: 150000000,
      pots: ["B3"],
      source: src("3.4", "Sammanfattning medelsfördelning", "Prestationsmål B 3: Inventeringar 150"),
      status: "sourced",
    },
  ],

  dates: [
    {
      id: "b2-formular",
      label: "SKL tillhandahåller formulär för identifiering (B 2)",
      date: "2014-03-01",
      source: src("3.4.2", "Prestationsmål B 2", "tillhandahålls av SKL senast den 1 mars 2014."),
      status: "sourced",
    },
    {
      id: "forhandsgranskning-anmalan",
      label: "Sista dag att begära förhandsgranskning av grundkraven",
      date: "2014-09-01",
      source: src("4", "Uppföljning av överenskommelsen", "förhandsgranskning ska detta meddelas senast den 1 september 2014 och"),
      status: "sourced",
    },
    {
      id: "forhandsgranskning-besked",
      label: "Socialstyrelsens preliminära bedömning återkopplas (före detta datum)",
      date: "2014-10-01",
      source: src("4", "Uppföljning av överenskommelsen", "bedömningen ska ha gjorts och återkopplats till landsting och kommuner"),
      status: "sourced",
    },
    {
      id: "sip-period",
      label: "Period för antal samordnade individuella planer (A 3, A 4)",
      date: "2014-01-01/2014-10-15",
      source: src("3.4.2", "Prestationsmål A 3 och A 4", "som uppskattas ha behov av en sådan plan mellan den 1 januari och"),
      status: "sourced",
    },
    {
      id: "gk2-annat-an-webb",
      label: "Exempel på information som inte finns på webben skickas till Socialstyrelsen",
      date: "2014-10-14",
      source: src("3.4.1", "Grundkrav 2", "den 14 oktober 2014. Kravet på vad som ska framgå av informationen är"),
      status: "sourced",
    },
    {
      id: "gk2-webbgranskning",
      label: "Socialstyrelsens webbgranskning av grundkrav 2",
      date: "2014-10-01/2014-11-30",
      source: src("3.4.1", "Grundkrav 2", "genomförs av Socialstyrelsen under oktober och november 2014"),
      status: "sourced",
    },
    {
      id: "b1-avlasning",
      label: "Avläsningsperiod för prestationsmål B 1",
      date: "2014-01-01/2014-10-31",
      source: src("3.4.2", "Prestationsmål B 1", "Resultatet avläses för perioden 1 januari till och med"),
      status: "sourced",
    },
    {
      id: "kontroll-inrapportering",
      label: "Rapportering till SKL för den som vill ha hjälp med kontroll",
      date: "2014-11-01",
      source: src("4", "Uppföljning av överenskommelsen", "uppgifterna rapporteras dit senast den 1 november."),
      status: "sourced",
    },
    {
      id: "inrapportering",
      label: "Sista dag för inrapportering till SKL",
      date: "2014-11-14",
      source: src("3.4.1", "Grundkrav 1", "inrapporteringsfunktionen på SKL senast den 14 november 2014."),
      status: "sourced",
    },
    {
      id: "skl-till-socialstyrelsen",
      label: "SKL lämnar inrapporterade prestationer till Socialstyrelsen",
      date: "2014-11-14",
      source: src("4", "Uppföljning av överenskommelsen", "inrapporterade prestationerna samlat till Socialstyrelsen senast den 14"),
      status: "sourced",
    },
    {
      id: "resultatperiod",
      label: "Resultatperiod för prestationsmedlen",
      date: "2014-01-01/2014-11-14",
      source: src("5", "Utbetalningsvillkor", "2014 baserat på uppnådda resultat under perioden 1 januari–14 november"),
      status: "sourced",
    },
    {
      id: "a-avlasning",
      label: "SKL avläser väntetiderna (A 1, A 2) i Väntetider i vården",
      date: "2014-11-30",
      source: src("3.4.2", "Prestationsmål A 1 och A 2", "Väntetider i vården den 30 november 2014."),
      status: "sourced",
    },
    {
      id: "slutlig-bedomning",
      label: "Socialstyrelsens slutliga bedömning till regeringen",
      date: "2014-11-30",
      source: src("4", "Uppföljning av överenskommelsen", "prestationsmål har uppnåtts till regeringen senast den 30 november 2014."),
      status: "sourced",
    },
    {
      id: "rekvisition",
      label: "Sista dag för SKL:s rekvisition av medlen i avsnitt 3.1–3.3",
      date: "2014-12-01",
      source: src("5", "Utbetalningsvillkor", "medel ska ske senast den 1 december 2014."),
      status: "sourced",
    },
    {
      id: "a-rapport",
      label: "SKL rapporterar resultatet för A 1 och A 2",
      date: "2014-12-05",
      source: src("3.4.2", "Prestationsmål A 1 och A 2", "5 december 2014 samt till Socialstyrelsen samma datum som underlag för"),
      status: "sourced",
    },
    {
      id: "utbetalning",
      label: "Utbetalning av prestationsmedlen (i slutet av 2014)",
      date: "2014-12-01/2014-12-31",
      source: src("5", "Utbetalningsvillkor", "Utbetalning av de prestationsbaserade stimulansmedlen sker i slutet av"),
      status: "sourced",
    },
  ],

  conflicts: [
    {
      id: "prio-2014/a1-amount",
      agreement: "prio-2014",
      subject: "Belopp för prestationsmål A 1",
      claims: [
        {
          source: src("3.4.2", "Prestationsmål A 1", "80 000 000 kronor delas av de landsting som når målet att:"),
          value: "80000000",
        },
        {
          source: {
            doc: DOC_003,
            section: "Prestationsmål A1 och A2: Tillgänglighet barn och unga",
            label: "SKL:s PM, A1",
            quote: "100 000 000 kronor delas av de landsting som når målet att minst 90 procent",
          },
          value: "100000000",
        },
      ],
      resolution:
        "Den undertecknade överenskommelsen (Psykisk ohälsa 2014) gäller: 80 000 000 kr, vilket också stämmer med sammanfattningens 180 mnkr för A 1 och A 2. SKL:s PM för Stockholms län är sekundär.",
      resolvedValue: "80000000",
      pots: ["A1"],
    },
    {
      id: "prio-2014/003-heading-year",
      agreement: "prio-2014",
      subject: "Årtal i rubriken för psykisk ohälsa i SKL:s PM",
      claims: [
        {
          source: {
            doc: DOC_003,
            section: "4. Stöd till riktade insatser inom området psykisk ohälsa 2013",
            label: "SKL:s PM, rubrik",
            quote: "4. Stöd till riktade insatser inom området psykisk ohälsa 2013",
          },
          value: "2013",
        },
        {
          source: {
            doc: DOC_003,
            section: "4. Stöd till riktade insatser inom området psykisk ohälsa 2013",
            label: "SKL:s PM, innehåll",
            quote: "Prestationsmedel, samtliga län 2014: 630 000 000 kronor",
          },
          value: "2014",
        },
        {
          source: src("3", "Den ekonomiska omfattningen", "För 2014 avsätter regeringen 692 500 000 kronor för denna"),
          value: "2014",
        },
      ],
      resolution: "Rubriken i SKL:s PM för Stockholms län är ett skrivfel; innehållet och överenskommelsen (Psykisk ohälsa 2014) avser 2014.",
      resolvedValue: "2014",
    },
    {
      id: "prio-2014/a2-target-group",
      agreement: "prio-2014",
      subject: "Målgrupp för prestationsmål A 2",
      claims: [
        {
          source: src("3.4.2", "Prestationsmål A 2", "minst 80 procent av barn och unga med beslut om en fördjupad"),
          value: "barn och unga med beslut om fördjupad utredning eller behandling",
        },
        {
          source: {
            doc: DOC_003,
            section: "Prestationsmål A1 och A2: Tillgänglighet barn och unga",
            label: "SKL:s PM, A2",
            quote: "100 000 000 kronor delas av de landsting som når målet att minst 80 procent",
          },
          value: "barn och unga med beslut om en första bedömning",
        },
      ],
      resolution: "Överenskommelsen (Psykisk ohälsa 2014) gäller: andelen räknas på barn och unga med beslut om fördjupad utredning eller behandling.",
      resolvedValue: "beslut om fördjupad utredning eller behandling",
    },
  ],

  notes: [
    "Prestationsmedlen (630 mnkr) fördelas efter antalet invånare den 31 december 2013 mellan dem som klarar grundkraven och respektive prestationsmål (Psykisk ohälsa 2014 §3.4).",
    "Medlen till SKL (62,5 mnkr) rekvireras från Kammarkollegiet senast 1 december 2014 (Psykisk ohälsa 2014 §5).",
  ],
};

addGoalText(PRIO_2014);
