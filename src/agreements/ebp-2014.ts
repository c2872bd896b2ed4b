/**
 * Agreement "Stöd till en evidensbaserad praktik för god kvalitet inom
 * socialtjänsten" 2014, including eHälsa (ebp-2014).
 *
 * Sources: 000 (SKL circular 13:66, section on this agreement) for the national
 * totals, the financing model, the phase-out of regional support structures and
 * the eHälsa co-financing rule; 003 (SKL memo for Stockholm county 2014) for the
 * 10 + 60 MSEK eHälsa split and Stockholm's amounts. The signed agreement itself
 * is not among the seeds.
 *
 * Limits of the data model (core/model.ts), stated as required:
 * - A Pot needs a national amount. The sources give no national amount per area
 *   (regional support structures, child and youth care, disability); only the
 *   62 750 000 sum paid to counties/kommuner (000) and Stockholm's per-area
 *   amounts (003). The three per-area Stockholm amounts are therefore three
 *   FixedAmount entries for recipient "01" on the one unspecified pot EBP-LAN.
 *   They are additive (different areas); each entry's `source.section` names
 *   the area. EBP-LAN has no "*" entry, so the "*" rule is not affected.
 * - Öppna jämförelser has no national amount in the sources; its pot is the
 *   derived ceiling 21 × 75 000 (assumption ebp-2014/oppna-jamforelser-pot).
 * - The rule schedules (phase-out, new financing model, co-financing) have no
 *   slot in Agreement; they are exported as typed consts below and are also
 *   recorded as notes and dated items.
 * - Source conflicts concerning this agreement live in ./conflicts.ts
 *   (SOURCE_CONFLICTS); `conflicts` here stays empty so that ALL_CONFLICTS in
 *   ./index.ts does not list them twice.
 */
import { Agreement, Citation, Criterion, Status } from "../core/model";
import { EBP_2014_OBLIGATIONS } from "./obligations/ebp-2014";
import { addCountyPayeeAssumption, REGIONAL_BODY } from "./payee";

const F000 = "000_3dc3d7eee1c32ea7.txt" as const;
const F003 = "003_df29125e70796945.txt" as const;

const c000 = (section: string, label: string, quote: string): Citation => ({ doc: F000, section, label, quote });
const c003 = (section: string, label: string, quote: string): Citation => ({ doc: F003, section, label, quote });

// ---------------------------------------------------------------------------
// Section names as they stand in the seeds (bullet glyphs and markdown stripped).

const S000_AGREEMENT = "Stöd till en evidensbaserad praktik för god kvalitet inom socialtjänsten";
const S000_MONEY = "Ekonomiskt stöd";
const S000_MODEL = "Modell för finansiering av regionala utvecklingsarbeten i denna överenskommelse";
const S000_STRUCTURES = "Regionala stödstrukturer för kunskapsutveckling";
const S000_EHALSA_STIM = "Stimulansbidrag till kommunerna och regionala avtal";
const S000_SKL_SUPPORT = "SKL:s stöd för utvecklingen av evidensbaserad praktik";
const S000_TIMELINE = "Tidplan";

const S003_STRUCTURES = "Regionala stödstrukturer";
const S003_CHILD = "Den sociala barn- och ungdomsvården";
const S003_DISABILITY = "Personer med funktionsnedsättning";
const S003_OJ = "Öppna jämförelser – Socialtjänst";
const S003_EHALSA = "Kommunal eHälsa";

// ---------------------------------------------------------------------------
// Rule schedules, exported for the core's arithmetic.

/** One year of the principals' (huvudmännens) take-over of regional support structure costs. */
export interface TakeoverStep {
  year: number;
  /** Share of the costs the principals carry that year (decimal string). */
  principalShare: string;
  /** True when the share holds from this year onwards ("från och med"). */
  onward?: boolean;
  source: Citation;
  status: Status;
  /** Further sources saying the same. */
  also?: Citation[];
}

/**
 * Regional support structures: the principals take over 25 % of the costs in
 * 2014, 50 % in 2015 and 100 % from 2016 (003; 000 says "för 2016").
 */
export const EBP_TAKEOVER_SCHEDULE: readonly TakeoverStep[] = [
  {
    year: 2014,
    principalShare: "0.25",
    source: c003(S003_STRUCTURES, "Huvudmännens andel 2014", "25 procent av kostnaderna för 2014."),
    status: "sourced",
    also: [c000(S000_STRUCTURES, "Huvudmännens andel 2014 och 2015", "25 procent av kostnaderna för 2014, 50 procent av kostnaderna för")],
  },
  {
    year: 2015,
    principalShare: "0.5",
    source: c003(S003_STRUCTURES, "Huvudmännens andel 2015", "50 procent av kostnaderna för 2015."),
    status: "sourced",
    also: [c000(S000_STRUCTURES, "Huvudmännens andel 2014 och 2015", "25 procent av kostnaderna för 2014, 50 procent av kostnaderna för")],
  },
  {
    year: 2016,
    principalShare: "1",
    onward: true,
    source: c003(S003_STRUCTURES, "Huvudmännens andel från 2016", "100 procent av kostnaderna från och med 2016."),
    status: "sourced",
    also: [c000(S000_STRUCTURES, "Huvudmännens andel 2016", "2015 och 100 procent av kostnaderna för 2016.")],
  },
];

/** The new financing model: years of state base funding before the phase-out. */
export const EBP_NEW_MODEL_BASE_YEARS = {
  years: 4,
  source: c000(S000_MODEL, "Statlig grundfinansiering i fyra år", "under fyra år med en påföljande utfasning"),
  status: "sourced" as Status,
} as const;

/** One phase-out year of the new financing model. */
export interface StateShareStep {
  /** Year counted from the start of state base funding (1 = first year). */
  yearOfModel: number;
  /** The state's share of the funding that year (decimal string). */
  stateShare: string;
  source: Citation;
  status: Status;
}

/**
 * The new financing model for regional development work (000): state base
 * funding for four years, then state funds equal 75 % in year five and 50 %
 * in year six. The sources say nothing about year seven and later.
 */
export const EBP_NEW_MODEL_STATE_SHARE: readonly StateShareStep[] = [
  {
    yearOfModel: 5,
    stateShare: "0.75",
    source: c000(S000_MODEL, "Statens andel år fem", "där statliga medel motsvarar 75"),
    status: "sourced",
  },
  {
    yearOfModel: 6,
    stateShare: "0.5",
    source: c000(S000_MODEL, "Statens andel år sex", "procent år fem och 50 procent år sex."),
    status: "sourced",
  },
];

/**
 * eHälsa co-financing: to receive the stimulus the county/region signs an
 * agreement with SKL and itself contributes at least the same amount for the
 * same purpose, i.e. own contribution / state stimulus ≥ 1 (000).
 */
export const EHALSA_COFINANCING = {
  /** Minimum ratio own contribution : state stimulus (decimal string). */
  minRatio: "1",
  /** Whether an agreement with SKL is required as well. */
  requiresSklAgreement: true,
  source: c000(S000_EHALSA_STIM, "Villkor: länet tillför minst motsvarande belopp", "tillför minst motsvarande belopp själva för samma ändamål"),
  agreementSource: c000(S000_EHALSA_STIM, "Villkor: länet tecknar avtal med SKL", "länet/regionen teckna ett"),
  status: "sourced" as Status,
  assumptions: ["ebp-2014/ehalsa-villkor"],
} as const;

// ---------------------------------------------------------------------------
// Assumptions.


const A_OJ = "ebp-2014/oppna-jamforelser-pot";
const A_LAN = "ebp-2014/lansmedel-fordelning";
const A_NAT = "ebp-2014/nationell-del";
const A_EHV = "ebp-2014/ehalsa-villkor";
const A_OJ_LINK = "ebp-2014/oj-koppling-stodstruktur";

/** The rules whose criteria decide the conditional amounts (FixedAmount.rule). */
const R_OJ = "OJ-HANDLINGSPLAN";
const R_EHALSA = "EHALSA-VILLKOR";

/** The plan's link to the support structure, a criterion only under ebp-2014/oj-koppling-stodstruktur=del-av-villkoret. */
const OJ_LINK_CRITERION: Criterion = {
  id: "koppling-stodstruktur",
  kind: "boolean",
  label: "Handlingsplanen beskriver hur arbetet kopplas ihop med stödstrukturen",
  source: c003(S003_OJ, "Koppling till stödstrukturen", "länet beskriver hur arbetet kopplas ihop med stödstrukturen"),
  status: "assumption",
  assumptions: [A_OJ_LINK],
};

const OJ_CONDITION =
  "om länet ansöker om medlen och senast 7 februari 2014 lämnar in en kort handlingsplan med mål, syfte och planerade aktiviteter";
const EHALSA_CONDITION =
  "om länet/regionen tecknar avtal med SKL och själv tillför minst motsvarande belopp för samma ändamål";

export const EBP_2014: Agreement = {
  obligations: EBP_2014_OBLIGATIONS,
  id: "ebp-2014",
  title: "Stöd till en evidensbaserad praktik för god kvalitet inom socialtjänsten 2014 (inkl. eHälsa)",
  year: 2014,
  total: 213_550_000,
  source: c000(S000_AGREEMENT, "Cirkulär 13:66: evidensbaserad praktik och eHälsa", "om sammanlagt 213,55 miljoner"),
  status: "sourced",
  pots: [
    // --- Evidence-based practice: 84 050 000, of which 62 750 000 to counties/kommuner.
    {
      id: "EBP-LAN",
      title: "Evidensbaserad praktik: medel till länen/kommunerna (utom Öppna jämförelser)",
      amount: 61_175_000,
      kind: "unspecified",
      level: "lan",
      source: c000(S000_MONEY, "Evidensbaserad praktik: varav till länen/kommunerna", "varav 62,75"),
      status: "sourced",
      assumptions: [A_OJ, A_LAN],
      note:
        "62 750 000 kr betalas till länen/kommunerna (SKL-cirkulär 13:66) minus högst 21 × 75 000 kr för Öppna jämförelser. Riksbelopp per område och län anges inte; endast Stockholms belopp (SKL-PM Stockholms län 2014) är kända.",
      fixed: [
        {
          recipients: ["01"],
          level: "lan",
          amount: 1_133_000,
          source: c003(S003_STRUCTURES, "Stockholm: regionala stödstrukturer 2014", "Medel 2014: 1 133 000 kronor"),
          status: "sourced",
        },
        {
          recipients: ["01"],
          level: "lan",
          amount: 1_560_000,
          source: c003(S003_CHILD, "Stockholm: den sociala barn- och ungdomsvården 2014", "Medel 2014: 1 560 000 kronor"),
          status: "sourced",
        },
        {
          recipients: ["01"],
          level: "lan",
          amount: 1_510_000,
          source: c003(S003_DISABILITY, "Stockholm: personer med funktionsnedsättning 2014", "Medel 2014: 1 510 000 kronor"),
          status: "sourced",
        },
      ],
    },
    {
      id: "EBP-OJ",
      title: "Öppna jämförelser – Socialtjänst: 75 000 kr per län som ansöker",
      amount: 1_575_000,
      kind: "fixed",
      level: "lan",
      source: c003(S003_OJ, "Öppna jämförelser: belopp per län", "Respektive län kan få 75 000 kronor"),
      status: "assumption",
      assumptions: [A_OJ],
      note:
        "Riksram anges inte; potten är taket 21 län × 75 000 kr och räknas inom medlen till länen (antagande). Ej utnyttjade belopp fördelas inte om.",
      fixed: [
        {
          recipients: "*",
          level: "lan",
          amount: 75_000,
          condition: OJ_CONDITION,
          rule: R_OJ,
          source: c003(S003_OJ, "Öppna jämförelser: villkor och belopp", "Respektive län kan få 75 000 kronor"),
          status: "sourced",
        },
      ],
    },
    {
      id: "EBP-NATIONELLT",
      title: "Evidensbaserad praktik: nationella insatser (ej till länen/kommunerna)",
      amount: 21_300_000,
      kind: "unspecified",
      level: "organisation",
      source: c000(S000_MONEY, "Evidensbaserad praktik: 84,05 mnkr, varav 62,75 till länen", "84,05 miljoner kronor insatser för evidensbaserad praktik"),
      status: "sourced",
      assumptions: [A_NAT],
      note:
        "84 050 000 − 62 750 000 kr. Enligt 000 främst SKL:s stöd (projektledning, Öppna jämförelser, Leda för resultat, forskning–praktik, ideella organisationer); belopp och mottagare per insats anges inte.",
    },
    // --- eHälsa: 129 500 000, of which 70 000 000 to counties/kommuner (10 + 60).
    {
      id: "EHALSA-SAMORDNARE",
      title: "eHälsa: regionala eHälso-samordnare",
      amount: 10_000_000,
      kind: "unspecified",
      level: "lan",
      source: c003(S003_EHALSA, "eHälsa: post för regionala samordnare", "en post på 10 miljoner kronor som går till de regionala eHälso-samordnarna"),
      status: "sourced",
      assumptions: [A_EHV],
      note: "Fördelningen mellan länen anges inte. Betalas via SKL till läns-/regionförbunden mot faktura (SKL-PM Stockholms län 2014).",
      fixed: [
        {
          recipients: ["01"],
          level: "lan",
          amount: null,
          payee: REGIONAL_BODY,
          source: c003(S003_EHALSA, "Stockholm: kommunal eHälsa (sammanställningen)", "Exakt belopp meddelas senare"),
          status: "sourced",
        },
      ],
    },
    {
      id: "EHALSA-AKTIVITETER",
      title: "eHälsa: stimulansbidrag för 2014 års aktiviteter",
      amount: 60_000_000,
      kind: "unspecified",
      level: "lan",
      source: c003(S003_EHALSA, "eHälsa: post för aktiviteter", "en post på 60 miljoner kronor, som ska användas för att nå de utpekade"),
      status: "sourced",
      assumptions: [A_EHV],
      note:
        "Fördelningen mellan länen anges inte. Villkor (SKL-cirkulär 13:66): länet/regionen tecknar avtal med SKL och tillför själv minst lika mycket. Förmedlas vidare till kommunerna via läns-/regionförbundet (SKL-PM Stockholms län 2014).",
      fixed: [
        {
          recipients: ["01"],
          level: "lan",
          amount: null,
          condition: EHALSA_CONDITION,
          rule: R_EHALSA,
          payee: REGIONAL_BODY,
          source: c003(S003_EHALSA, "Stockholm: kommunal eHälsa (sammanställningen)", "Exakt belopp meddelas senare"),
          status: "sourced",
          assumptions: [A_EHV],
        },
      ],
    },
    {
      id: "EHALSA-NATIONELLT",
      title: "eHälsa: nationella insatser (ej till länen/kommunerna)",
      amount: 59_500_000,
      kind: "unspecified",
      level: "organisation",
      source: c000(S000_MONEY, "eHälsa: 129,5 mnkr, varav 70 till länen", "129,5 miljoner kronor avser insatser"),
      status: "sourced",
      assumptions: [A_NAT],
      note:
        "129 500 000 − 70 000 000 kr. Enligt 000 bl.a. SKL:s programkansli för eHälsa och samordnare hos Famna och Vårdföretagarna; belopp och mottagare per insats anges inte.",
    },
  ],
  requirements: [],
  goals: [
    {
      id: R_OJ,
      title: "Öppna jämförelser: länets handlingsplan",
      level: "lan",
      source: c003(S003_OJ, "Villkor för de 75 000 kronorna", "länet senaste den 7 februari 2014 inkomma med en kort och konkret"),
      status: "sourced",
      criteria: [
        {
          id: "inlamnad-i-tid",
          kind: "boolean",
          label: "Länet lämnade in handlingsplanen senast 7 februari 2014",
          source: c003(S003_OJ, "Handlingsplan senast 7 februari 2014", "länet senaste den 7 februari 2014 inkomma med en kort och konkret"),
          status: "sourced",
        },
        {
          id: "mal-syfte-aktiviteter",
          kind: "boolean",
          label: "Av handlingsplanen framgår mål, syfte och planerade aktiviteter",
          source: c003(S003_OJ, "Handlingsplanens innehåll", "handlingsplan där mål, syfte och planerade aktiviteter framgår"),
          status: "sourced",
        },
      ],
    },
    {
      id: R_EHALSA,
      title: "eHälsa: avtal med SKL och egen insats",
      level: "lan",
      source: c000(S000_EHALSA_STIM, "Villkor för stimulansmedlen", "Ett villkor för att ta del av medlen är att länet/regionen själva"),
      status: "sourced",
      assumptions: [A_EHV],
      criteria: [
        {
          id: "avtal-med-skl",
          kind: "boolean",
          label: "Länet/regionen har tecknat avtal med SKL om eHälsa",
          source: c000(S000_EHALSA_STIM, "Villkor: länet tecknar avtal med SKL", "För att få del av stimulansmedlen ska länet/regionen teckna ett"),
          status: "sourced",
        },
        {
          id: "egen-insats",
          kind: "share",
          label: "Länets egen insats för samma ändamål i förhållande till stimulansbidraget (minst lika mycket)",
          threshold: "1",
          op: ">=",
          mayExceedWhole: true,
          source: c000(S000_EHALSA_STIM, "Villkor: länet tillför minst motsvarande belopp", "tillför minst motsvarande belopp själva för samma ändamål"),
          status: "sourced",
        },
      ],
    },
  ],
  assumptions: [
    {
      id: A_OJ,
      title: "Öppna jämförelser: pottens storlek och plats i budgeten",
      reason:
        "003 anger 75 000 kr per län men ingen riksram; vi räknar taket 21 × 75 000 kr inom de 62,75 mnkr som enligt 000 betalas till länen. 000 redovisar Öppna jämförelser också under SKL:s nationella stöd, men anger inget belopp där, så den läsningen går inte att räkna.",
      default: "inom-lansmedel",
      options: [
        { id: "inom-lansmedel", label: "Inom medlen till länen/kommunerna (62,75 mnkr)" },
      ],
      source: c003(S003_OJ, "Öppna jämförelser: belopp per län utan riksram", "Respektive län kan få 75 000 kronor"),
    },
    {
      id: A_LAN,
      title: "Medel till länen: fördelning per område och län",
      reason:
        "SKL:s cirkulär 13:66 anger bara summan 62,75 mnkr; riksbelopp per område och län saknas, så bara Stockholms belopp (SKL-PM Stockholms län 2014) läggs in och resten redovisas ofördelat.",
      default: "kanda-belopp",
      options: [
        { id: "kanda-belopp", label: "Stockholms kända belopp läggs ut, resten ofördelat" },
        { id: "ofordelat", label: "Hela potten redovisas ofördelad", effect: [{ pot: "EBP-LAN", set: { fixed: [] } }] },
      ],
      source: c000(S000_MONEY, "Endast summan till länen anges", "varav 62,75"),
    },
    {
      id: A_NAT,
      title: "Den del som inte betalas till länen/kommunerna",
      reason:
        "000 anger inte mottagare eller belopp per insats för 21,3 resp. 59,5 mnkr; de redovisas som nationella medel utan fördelning.",
      default: "nationellt-ofordelat",
      options: [
        { id: "nationellt-ofordelat", label: "Nationella medel, mottagare ej angivna" },
        {
          id: "skl",
          label: "Hela beloppet räknas som SKL:s",
          effect: ["EBP-NATIONELLT", "EHALSA-NATIONELLT"].map((pot) => ({ pot, set: { kind: "organisation" as const, payee: "SKL" } })),
        },
      ],
      source: c000(S000_SKL_SUPPORT, "SKL:s stöd utan belopp", "Nationell projektledning, samordning och kommunikation"),
    },
    {
      id: A_OJ_LINK,
      title: "Öppna jämförelser: hör kopplingen till stödstrukturen till villkoret?",
      reason:
        "SKL:s PM ställer som villkor en handlingsplan där mål, syfte och planerade aktiviteter framgår och säger sedan att det ”också är viktigt” att länet beskriver kopplingen till stödstrukturen; vi läser beskrivningen som ett önskemål, inte som en del av villkoret.",
      default: "onskemal",
      options: [
        { id: "onskemal", label: "Beskrivningen är ett önskemål; mål, syfte och aktiviteter räcker" },
        {
          id: "del-av-villkoret",
          label: "Beskrivningen av kopplingen till stödstrukturen krävs också",
          effect: [{ rule: R_OJ, add: [OJ_LINK_CRITERION] }],
        },
      ],
      source: c003(S003_OJ, "Koppling till stödstrukturen", "länet beskriver hur arbetet kopplas ihop med stödstrukturen"),
    },
    {
      id: A_EHV,
      title: "eHälsa: vilka medel medfinansieringskravet gäller",
      reason:
        "000 ställer kravet på egen insats för stimulansmedlen men säger inte om det även gäller samordnarposten; vi tillämpar det på aktivitetsposten. Att låta det gälla båda posterna ändrar inget belopp här, eftersom samordnarpostens fördelning meddelas senare.",
      default: "aktiviteter",
      options: [
        { id: "aktiviteter", label: "Gäller aktivitetsposten (60 mnkr)" },
      ],
      source: c000(S000_EHALSA_STIM, "Villkor för stimulansmedlen", "Ett villkor för att ta del av medlen är att länet/regionen själva"),
    },
  ],
  totals: [
    {
      id: "total",
      label: "Hela överenskommelsen 2014",
      amount: 213_550_000,
      pots: "*",
      source: c000(S000_MONEY, "Sammanlagt 213,55 mnkr", "om sammanlagt 213,55 miljoner"),
      status: "sourced",
    },
    {
      id: "ebp",
      label: "Evidensbaserad praktik",
      amount: 84_050_000,
      pots: ["EBP-LAN", "EBP-OJ", "EBP-NATIONELLT"],
      source: c000(S000_MONEY, "Evidensbaserad praktik 84,05 mnkr", "84,05 miljoner kronor insatser för evidensbaserad praktik"),
      status: "sourced",
    },
    {
      id: "ebp-lan",
      label: "Evidensbaserad praktik: utbetalas till länen/kommunerna",
      amount: 62_750_000,
      pots: ["EBP-LAN", "EBP-OJ"],
      source: c000(S000_MONEY, "Varav 62,75 mnkr till länen/kommunerna", "varav 62,75"),
      status: "sourced",
      assumptions: [A_OJ],
    },
    {
      id: "ehalsa",
      label: "eHälsa",
      amount: 129_500_000,
      pots: ["EHALSA-SAMORDNARE", "EHALSA-AKTIVITETER", "EHALSA-NATIONELLT"],
      source: c000(S000_MONEY, "eHälsa 129,5 mnkr", "129,5 miljoner kronor avser insatser"),
      status: "sourced",
    },
    {
      id: "ehalsa-lan",
      label: "eHälsa: utbetalas till länen/kommunerna (10 + 60 mnkr)",
      amount: 70_000_000,
      pots: ["EHALSA-SAMORDNARE", "EHALSA-AKTIVITETER"],
      source: c003(S003_EHALSA, "Totala medel, samtliga län", "Totala medel, samtliga län 2014: 70 000 000 kronor"),
      status: "sourced",
    },
  ],
  dates: [
    {
      id: "oj-handlingsplan",
      label: "Öppna jämförelser: sista dag för länets handlingsplan",
      date: "2014-02-07",
      source: c003(S003_OJ, "Handlingsplan senast 7 februari 2014", "länet senaste den 7 februari 2014 inkomma med en kort och konkret"),
      status: "sourced",
    },
    {
      id: "insatser-2014",
      label: "Insatserna i överenskommelsen avser 2014",
      date: "2014-01-01/2014-12-31",
      source: c000(S000_TIMELINE, "Insatserna avser 2014", "De insatser som nämns i överenskommelsen avser år 2014."),
      status: "sourced",
    },
    {
      id: "satsning-2014-2015",
      label: "Parterna avser att fortsätta satsningen 2014–2015",
      date: "2014-01-01/2015-12-31",
      source: c000(S000_TIMELINE, "Satsningen 2014–2015", "fortsätta satsningen på evidensbaserad praktik år 2014-"),
      status: "sourced",
    },
    {
      id: "stodstrukturer-overtagande-2014",
      label: "Regionala stödstrukturer: huvudmännen bär 25 % av kostnaderna",
      date: "2014-01-01/2014-12-31",
      source: c003(S003_STRUCTURES, "Huvudmännens andel 2014", "25 procent av kostnaderna för 2014."),
      status: "sourced",
    },
    {
      id: "stodstrukturer-overtagande-2015",
      label: "Regionala stödstrukturer: huvudmännen bär 50 % av kostnaderna",
      date: "2015-01-01/2015-12-31",
      source: c003(S003_STRUCTURES, "Huvudmännens andel 2015", "50 procent av kostnaderna för 2015."),
      status: "sourced",
    },
    {
      id: "stodstrukturer-overtagande-2016",
      label: "Regionala stödstrukturer: huvudmännen bär hela kostnaden från och med 2016",
      date: "2016-01-01",
      source: c003(S003_STRUCTURES, "Huvudmännens andel från 2016", "100 procent av kostnaderna från och med 2016."),
      status: "sourced",
    },
  ],
  // See ./conflicts.ts (SOURCE_CONFLICTS, agreement "ebp-2014").
  conflicts: [],
  notes: [
    "Regionala stödstrukturer fasas ut: huvudmännen tar 25 % av kostnaderna 2014, 50 % 2015 och hela kostnaden från och med 2016 (SKL-cirkulär 13:66, SKL-PM Stockholms län 2014).",
    "Ny finansieringsmodell för regionala utvecklingsarbeten: statlig grundfinansiering i fyra år, därefter statliga medel motsvarande 75 % år fem och 50 % år sex (SKL-cirkulär 13:66).",
    "eHälsa: för att få stimulansmedlen tecknar länet/regionen avtal med SKL och tillför själv minst motsvarande belopp för samma ändamål (SKL-cirkulär 13:66).",
    "Stockholms eHälsobelopp meddelas senare (SKL-PM Stockholms län 2014) och ingår inte i länets minimisumma 13 878 000 kr; inte heller de villkorade 75 000 kr för Öppna jämförelser.",
    "Överenskommelsen ställer inga prestationskrav i källorna; eHälsoavtalets grundkrav och mål nämns men anges inte (SKL-cirkulär 13:66).",
    "Socialstyrelsens uppdrag inom överenskommelsen nämns i 000 utan belopp.",
  ],
};

addCountyPayeeAssumption(
  EBP_2014,
  ["EBP-LAN", "EBP-OJ"],
  "evidensbaserad praktik (Stockholm 4 203 000 kr) och Öppna jämförelser",
  c003(S003_STRUCTURES, "Beloppen utan mottagare", "Medel 2014: 1 133 000 kronor"),
);
