/**
 * Agreement "Stöd till en evidensbaserad praktik för god kvalitet inom
 * socialtjänstens område – överenskommelse för 2011" (ebp-2011), source 001
 * (government decision + the agreement).
 *
 * The summary table "Fördelning av medlen år 2011" has 15 items summing to
 * 104,5 MSEK. Two items are broken down in the agreement text and are modelled
 * as sub-pots under a DeclaredTotal (`group` = the table item):
 * - Forum för nationell samordning och projektledning 11 550 000 (3.1.6) =
 *   8 600 000 Kunskap till praktik + 2 250 000 eHälsa + 700 000 barn och unga;
 * - Utvärdering 1 100 000 (4) = 800 000 from PGÄ + 300 000 from EBP.
 * So there are 18 pots for the 15 table items.
 *
 * Limits of the data model, stated as required:
 * - The funding sources (anslag 5:1, 6:2, 1:8, 6:2 and 2010 funds) are not tied
 *   to budget items in 001, so they cannot be DeclaredTotals over pots without
 *   inventing a mapping. They are exported as EBP_2011_FUNDING (typed, cited);
 *   their sum is the DeclaredTotal "finansiering" over every pot.
 * - Source conflicts/ambiguities concerning this agreement live in
 *   ./conflicts.ts; `conflicts` here stays empty so that ALL_CONFLICTS in
 *   ./index.ts does not list them twice.
 */
import { Agreement, Citation, Patch, Pot, Status } from "../core/model";
import { EBP_2011_OBLIGATIONS } from "./obligations/ebp-2011";

const F001 = "001_873279f8cce31c7b.txt" as const;
const c001 = (section: string, label: string, quote: string): Citation => ({ doc: F001, section, label, quote });

const S_CASE = "Ärendet";
const S_TABLE = "Fördelning av medlen år 2011";
const A_PAYEE = "ebp-2011/mottagare";

/** One funding source (anslag) of the 2011 agreement. */
export interface FundingSource {
  id: string;
  /** Appropriation number under utgiftsområde 9, e.g. "5:1". */
  appropriation: string;
  /** Swedish name of the appropriation as 001 gives it. */
  appropriationName: string;
  /** The budget year the money belongs to. */
  budgetYear: number;
  /** Swedish: what 001 says the money is for. */
  purpose: string;
  /** Whole kronor. */
  amount: number;
  source: Citation;
  status: Status;
}

/**
 * Funding of the 2011 agreement (001, "Ärendet"): 55 + 15 + 15 + 15 + 4,5 MSEK.
 * Anslag 6:2 appears twice for 2011 (Kunskap till praktik and evidence-based
 * practice) and a third time for the 4,5 MSEK of 2010 funds ("från samma
 * anslag").
 */
export const EBP_2011_FUNDING: readonly FundingSource[] = [
  {
    id: "anslag-5-1",
    appropriation: "5:1",
    appropriationName: "Stimulansbidrag och åtgärder inom äldrepolitiken",
    budgetYear: 2011,
    purpose: "Program för god äldreomsorg (PGÄ)",
    amount: 55_000_000,
    source: c001(S_CASE, "55 mnkr från anslag 5:1", "55 000 000 kronor avsatta till Program för god"),
    status: "sourced",
  },
  {
    id: "anslag-6-2-ktp",
    appropriation: "6:2",
    appropriationName: "Bidrag till utveckling av socialt arbete",
    budgetYear: 2011,
    purpose: "Kunskap till praktik",
    amount: 15_000_000,
    source: c001(S_CASE, "15 mnkr från anslag 6:2 (Kunskap till praktik)", "15 000 000 kronor från anslag 6:2"),
    status: "sourced",
  },
  {
    id: "anslag-1-8-ktp",
    appropriation: "1:8",
    appropriationName: "Bidrag till psykiatri",
    budgetYear: 2011,
    purpose: "Kunskap till praktik",
    amount: 15_000_000,
    source: c001(S_CASE, "15 mnkr från anslag 1:8 (Kunskap till praktik)", "15 000 000 kronor från anslag 1:8"),
    status: "sourced",
  },
  {
    id: "anslag-6-2-ebp",
    appropriation: "6:2",
    appropriationName: "Bidrag till utveckling av socialt arbete",
    budgetYear: 2011,
    purpose: "Stöd till en evidensbaserad praktik i socialtjänsten (EBP)",
    amount: 15_000_000,
    source: c001(S_CASE, "15 mnkr från anslag 6:2 (evidensbaserad praktik)", "15 000 000 kronor för stöd till en evidensbaserad"),
    status: "sourced",
  },
  {
    id: "anslag-6-2-2010",
    appropriation: "6:2",
    appropriationName: "Bidrag till utveckling av socialt arbete",
    budgetYear: 2010,
    purpose: "Evidensbaserad praktik: 4,5 av 2010 års 5 mnkr",
    amount: 4_500_000,
    source: c001(S_CASE, "4,5 mnkr av 2010 års medel", "Insatser för 4 500 000 kronor från dessa medel ingår i"),
    status: "sourced",
  },
];

const T_FORUM = "Forum för nationell samordning och projektledning";
const T_EVAL = "Strategi för forskning med bäring på socialtjänst - Utvärdering";

const POTS: Pot[] = [
  // 3.1 Regional support (distribution among counties not stated).
  {
    id: "STODSTRUKTURER",
    title: "Utveckling av regionala stödstrukturer för kunskapsutveckling",
    amount: 22_500_000,
    kind: "unspecified",
    level: "lan",
    source: c001("3.1.1", "Regionala stödstrukturer", "Finansiering; 22,5 miljoner kronor"),
    status: "sourced",
    assumptions: [A_PAYEE],
    note: "Till huvudmännen i länen/regionerna; fördelningen mellan länen anges inte.",
  },
  {
    id: "KTP-UTVECKLINGSLEDARE",
    title: "Regionala utvecklingsledare inom missbruks- och beroendevården (Kunskap till praktik)",
    amount: 21_400_000,
    kind: "unspecified",
    level: "lan",
    source: c001("3.1.2", "Regionala utvecklingsledare, missbruk", "Finansiering: 21,4 miljoner kronor"),
    status: "sourced",
    assumptions: [A_PAYEE],
    note: "Statligt finansierade processledare i länen; fördelningen anges inte.",
  },
  {
    id: "BARN-UTVECKLINGSLEDARE",
    title: "Regionala utvecklingsledare inom den sociala barn- och ungdomsvården",
    amount: 11_000_000,
    kind: "unspecified",
    level: "lan",
    source: c001("3.1.4", "Regionala utvecklingsledare, barn och unga", "Finansiering: 11 miljoner kronor"),
    status: "sourced",
    assumptions: [A_PAYEE],
    note: "Anställningar kopplade till de regionala stödstrukturerna, andra halvåret 2011; fördelningen anges inte.",
  },
  {
    id: "EHALSA-UTVECKLINGSLEDARE",
    title: "Regionala utvecklingsledare kring eHälsa",
    amount: 10_000_000,
    kind: "unspecified",
    level: "lan",
    source: c001("3.1.5", "Regionala utvecklingsledare, eHälsa", "Finansiering: 10 miljoner kronor"),
    status: "sourced",
    assumptions: [A_PAYEE],
    note: "Regional samverkansorganisation för eHälsa; fördelningen anges inte.",
  },
  // 3.1.6 Forum för nationell projektledning och samordning: 11,55 = 8,6 + 2,25 + 0,7.
  {
    id: "SAMORDNING-KTP",
    title: "Nationell samordning och projektledning: Kunskap till praktik",
    amount: 8_600_000,
    kind: "organisation",
    level: "organisation",
    payee: "SKL",
    group: T_FORUM,
    source: c001("3.1.6", "Forum för nationell samordning: Kunskap till praktik", "Finansiering: 11,55 miljoner kronor (8,6 miljoner kronor för Kunskap till"),
    status: "sourced",
    assumptions: [A_PAYEE],
    note: "Ledningsorganisationen finns vid SKL (3.1.6).",
  },
  {
    id: "SAMORDNING-EHALSA",
    title: "Nationell samordning och projektledning: eHälsa",
    amount: 2_250_000,
    kind: "organisation",
    level: "organisation",
    payee: "SKL",
    group: T_FORUM,
    source: c001("3.1.6", "Forum för nationell samordning: eHälsa", "praktik, 2,25 miljoner kronor för eHälsa"),
    status: "sourced",
    assumptions: [A_PAYEE],
    note: "Ledningsorganisationen finns vid SKL (3.1.6).",
  },
  {
    id: "SAMORDNING-BARN",
    title: "Nationell samordning och projektledning: utvecklingsledare barn och unga",
    amount: 700_000,
    kind: "organisation",
    level: "organisation",
    payee: "SKL",
    group: T_FORUM,
    source: c001("3.1.6", "Forum för nationell samordning: barn och unga", "eHälsa, 0,7 miljoner kronor för"),
    status: "sourced",
    assumptions: [A_PAYEE],
    note: "Ledningsorganisationen finns vid SKL (3.1.6).",
  },
  // 3.2 National support.
  {
    id: "KUNSKAPSSTOD-DYGNSVARD",
    title: "Vägledning och handbok för dygnsvård av barn och unga (kunskapsstöd)",
    amount: 3_000_000,
    kind: "organisation",
    level: "organisation",
    payee: "Socialstyrelsen",
    source: c001("3.2.1", "Kunskapsstöd, barn och unga i heldygnsvård", "Finansiering: 3 miljoner kronor"),
    status: "sourced",
    note: "Uppdrag till Socialstyrelsen (3.2.1).",
  },
  {
    id: "PRAKTIKENS-EXEMPEL",
    title: "Praktikens exempel",
    amount: 500_000,
    kind: "organisation",
    level: "organisation",
    payee: "Socialstyrelsen",
    source: c001("3.2.2", "Praktikens exempel", "Finansiering: 500 000 kronor"),
    status: "sourced",
    note: "Uppdrag till Socialstyrelsen (3.2.2).",
  },
  {
    id: "GENOMFORANDESTOD",
    title: "Utveckla nationellt genomförandestöd",
    amount: 1_000_000,
    kind: "organisation",
    level: "organisation",
    payee: "Socialstyrelsen",
    source: c001("3.2.4", "Nationellt genomförandestöd", "Finansiering: 1 miljon kronor"),
    status: "sourced",
    note: "Socialstyrelsen ansvarar (3.2.4).",
  },
  {
    id: "ANALYSVERKTYG",
    title: "Analysverktyg för verksamhetsutveckling",
    amount: 4_400_000,
    kind: "unspecified",
    level: "organisation",
    source: c001("3.2.5", "Analysverktyg (Öppna jämförelser)", "Finansiering: 4,4 miljoner kronor"),
    status: "sourced",
    assumptions: [A_PAYEE],
    note: "Inom Öppna jämförelser; mottagaren anges inte.",
  },
  {
    id: "TEKNISK-INFRASTRUKTUR",
    title: "Teknisk infrastruktur inom Strategi för nationell eHälsa",
    amount: 2_750_000,
    kind: "unspecified",
    level: "kommun",
    source: c001("3.2.7", "Teknisk infrastruktur, eHälsa", "Finansiering: 2,75 miljoner kronor"),
    status: "sourced",
    assumptions: [A_PAYEE],
    note: "Stöd för att kommuner och alternativa utförare ska göra insatser; mottagare och fördelning anges inte.",
  },
  {
    id: "INFORMATIONSSTRUKTUR",
    title: "Informationsstruktur inom Strategi för nationell eHälsa",
    amount: 5_000_000,
    kind: "organisation",
    level: "organisation",
    payee: "Socialstyrelsen",
    source: c001("3.2.8", "Informationsstruktur, eHälsa", "Finansiering: 5 miljoner kronor"),
    status: "sourced",
    note: "Uppdrag till Socialstyrelsen i samverkan med SKL (3.2.8).",
  },
  // 3.3 Training.
  {
    id: "LEDA-FOR-RESULTAT",
    title: "Leda för resultat",
    amount: 4_500_000,
    kind: "unspecified",
    level: "organisation",
    source: c001("3.3.1", "Leda för resultat", "Finansiering: 4,5 miljoner kronor"),
    status: "sourced",
    assumptions: [A_PAYEE],
    note: "Utbildningsprogram för ledningsgrupper; mottagaren anges inte i 3.3.1.",
  },
  {
    id: "REGIONALA-KONFERENSER",
    title: "Regionala konferenser och utbildning",
    amount: 4_500_000,
    kind: "unspecified",
    level: "organisation",
    source: c001("3.3.3", "Regionala konferenser och utbildning", "Finansiering: 4,5 miljoner kronor"),
    status: "sourced",
    assumptions: [A_PAYEE],
    note: "Planeras av Socialdepartementet, SKL, Socialstyrelsen och samrådsgruppen; mottagaren anges inte.",
  },
  // 3.4 User involvement.
  {
    id: "KARTLAGGNING-BRUKARMEDVERKAN",
    title: "Kartläggning över forskning och erfarenheter av brukarmedverkan",
    amount: 1_300_000,
    kind: "unspecified",
    level: "organisation",
    source: c001("3.4.1", "Kartläggning av brukarmedverkan", "Finansiering: 1,3 miljoner kronor"),
    status: "sourced",
    assumptions: [A_PAYEE],
    note: "Beslut om kartläggningarna sker i särskild ordning; mottagaren anges inte.",
  },
  // 4 Evaluation: 1,1 = 0,8 (PGÄ) + 0,3 (EBP).
  {
    id: "UTVARDERING-PGA",
    title: "Utvärdering av satsningen (medel från PGÄ)",
    amount: 800_000,
    kind: "unspecified",
    level: "organisation",
    group: T_EVAL,
    source: c001("4", "Utvärdering: 0,8 mnkr från PGÄ", "Finansiering: 1,1 miljoner kronor (0,8 miljoner kronor (från PGÄ),"),
    status: "sourced",
    assumptions: [A_PAYEE],
    note: "Former för utvärderingen överenskoms separat; mottagaren anges inte.",
  },
  {
    id: "UTVARDERING-EBP",
    title: "Utvärdering av satsningen (medel från EBP)",
    amount: 300_000,
    kind: "unspecified",
    level: "organisation",
    group: T_EVAL,
    source: c001("4", "Utvärdering: 0,3 mnkr från EBP", "0,3 miljoner kronor (från EBP))"),
    status: "sourced",
    assumptions: [A_PAYEE],
    note: "Former för utvärderingen överenskoms separat; mottagaren anges inte.",
  },
];

/** Every item paid to a named performer (SKL, Socialstyrelsen), read as undistributed (ebp-2011/mottagare = allt-ofordelat). */
const UNPAID: Patch[] = POTS.filter((p) => p.kind === "organisation").map((p) => ({
  pot: p.id,
  set: { kind: "unspecified", payee: undefined },
}));

export const EBP_2011: Agreement = {
  obligations: EBP_2011_OBLIGATIONS,
  id: "ebp-2011",
  title: "Stöd till en evidensbaserad praktik för god kvalitet inom socialtjänstens område 2011",
  year: 2011,
  total: 104_500_000,
  source: c001(S_CASE, "Regeringsbeslut: överenskommelsen omfattar 104,5 mnkr", "sen insatser för 104 500 000 kronor."),
  status: "sourced",
  pots: POTS,
  requirements: [],
  goals: [],
  assumptions: [
    {
      id: A_PAYEE,
      title: "Mottagare av medlen 2011",
      reason:
        "001 anger utförare för vissa poster (SKL, Socialstyrelsen) men inte mottagare eller fördelning för övriga; de redovisas ofördelade.",
      default: "som-angivet",
      options: [
        { id: "som-angivet", label: "Angiven utförare som mottagare, övriga poster ofördelade" },
        { id: "allt-ofordelat", label: "Alla poster ofördelade", effect: UNPAID },
      ],
      source: c001("5", "Beslut om utbetalning fattas av regeringen", "Regeringen kommer att fatta beslut om utbetalning av medel, i enlighet"),
    },
  ],
  totals: [
    {
      id: "total",
      label: "Hela överenskommelsen 2011",
      amount: 104_500_000,
      pots: "*",
      source: c001(S_CASE, "Sammantaget 104,5 mnkr", "sen insatser för 104 500 000 kronor."),
      status: "sourced",
    },
    {
      id: "sammanstallning",
      label: "Summa i tabellen Fördelning av medlen år 2011 (15 poster)",
      amount: 104_500_000,
      pots: "*",
      source: c001(S_TABLE, "Summa i sammanfattningens tabell", "Summa: 104,5 miljoner kronor"),
      status: "sourced",
    },
    {
      id: "finansiering",
      label: "Finansiering: 55 + 15 + 15 + 15 + 4,5 mnkr (anslag 5:1, 6:2, 1:8, 6:2 och 2010 års medel)",
      amount: 104_500_000,
      pots: "*",
      source: c001(S_CASE, "Finansiering från anslag under utgiftsområde 9", "Finansiering sker från anslag under"),
      status: "sourced",
    },
    {
      id: "nationell-samordning",
      label: T_FORUM,
      amount: 11_550_000,
      pots: ["SAMORDNING-KTP", "SAMORDNING-EHALSA", "SAMORDNING-BARN"],
      source: c001("3.1.6", "Forum för nationell projektledning och samordning", "Finansiering: 11,55 miljoner kronor (8,6 miljoner kronor för Kunskap till"),
      status: "sourced",
    },
    {
      id: "utvardering",
      label: "Utvärdering av satsningen",
      amount: 1_100_000,
      pots: ["UTVARDERING-PGA", "UTVARDERING-EBP"],
      source: c001("4", "Utvärdering av satsningen", "Finansiering: 1,1 miljoner kronor (0,8 miljoner kronor (från PGÄ),"),
      status: "sourced",
    },
  ],
  dates: [
    {
      id: "insatser-2011",
      label: "Insatserna genomförs under 2011",
      date: "2011-01-01/2011-12-31",
      source: c001("3", "Insatser under 2011", "följande insatser ska genomföras under 2011."),
      status: "sourced",
    },
    {
      id: "stodstrukturer-plan",
      label: "Regionala stödstrukturer: plan för huvudmännens långsiktiga åtagande vid utgången av 2011",
      date: "2011-12-31",
      source: c001("3.1.1", "Plan vid utgången av 2011", "Vid utgången av år 2011 ska de"),
      status: "sourced",
    },
    {
      id: "barn-anstallningar",
      label: "Utvecklingsledare barn och unga: anställningar under andra halvåret 2011",
      date: "2011-07-01/2011-12-31",
      source: c001("3.1.4", "Anställningar andra halvåret 2011", "andra halvåret 2011"),
      status: "sourced",
    },
  ],
  // See ./conflicts.ts (SOURCE_CONFLICTS, agreement "ebp-2011").
  conflicts: [],
  notes: [
    "Finansiering: 55 mnkr från anslag 5:1 (Program för god äldreomsorg), 15 mnkr från anslag 6:2 och 15 mnkr från anslag 1:8 (Kunskap till praktik), 15 mnkr från anslag 6:2 (evidensbaserad praktik) och 4,5 mnkr av 2010 års medel från samma anslag 6:2. Vilka poster som betalas från vilket anslag anges inte.",
    "Tabellens sista post heter ”Strategi för forskning med bäring på socialtjänst - Utvärdering”; beloppet 1,1 mnkr är utvärderingen (avsnitt 4). Forskningsstrategin (3.5.1) har inget eget belopp.",
    "Utanför budgeten: utvecklingsledare inom äldreområdet 67 mnkr (3.1.3) och samordning för de mest sjuka äldre 8 mnkr (3.1.6), båda inom överenskommelsen S2011/983/FST.",
    "Avsnitt 3.2.3, 3.2.6 och 3.3.2 (Kunskap till praktik) har inga egna belopp.",
  ],
};
