/**
 * Disagreements and ambiguities between the sources that concern ebp-2014,
 * missbruk-2014, ebp-2011, or 000/003 generally. Not here: prio-2014's A1
 * amount and aldre-2014's results period (recorded inside those agreements).
 *
 * The agreements ebp-2014 and ebp-2011 keep `conflicts: []` and point here, so
 * that ALL_CONFLICTS (./index.ts) lists each conflict once. No conflict was
 * found for missbruk-2014. On eHälsa amounts 000 and 003 agree (129,5 mnkr of
 * which 70 mnkr to the counties; 003 splits the 70 into 10 + 60).
 */
import { Citation, SourceConflict } from "../core/model";

const F000 = "000_3dc3d7eee1c32ea7.txt" as const;
const F001 = "001_873279f8cce31c7b.txt" as const;
const F003 = "003_df29125e70796945.txt" as const;

const c = (doc: typeof F000 | typeof F001 | typeof F003, section: string, label: string, quote: string): Citation => ({
  doc,
  section,
  label,
  quote,
});

export const SOURCE_CONFLICTS: SourceConflict[] = [
  {
    id: "ebp-2014/stodstrukturer-fullt-ansvar-2016",
    agreement: "ebp-2014",
    subject: "Regionala stödstrukturer: huvudmännens fulla kostnadsansvar gäller 2016 eller från och med 2016",
    claims: [
      {
        source: c(F000, "Regionala stödstrukturer för kunskapsutveckling", "000: 100 % av kostnaderna för 2016", "2015 och 100 procent av kostnaderna för 2016."),
        value: "100 % för 2016",
      },
      {
        source: c(F003, "Regionala stödstrukturer", "003: 100 % från och med 2016", "100 procent av kostnaderna från och med 2016."),
        value: "100 % från och med 2016",
      },
    ],
    resolution:
      "Båda anger 100 % år 2016; 003 säger dessutom att det gäller även senare år, vilket 000 inte motsäger. Vi använder ”från och med 2016”.",
    resolvedValue: "1 (från och med 2016)",
  },
  {
    id: "ebp-2014/stodstrukturer-statligt-stod-efter-2012",
    agreement: "ebp-2014",
    subject: "Regionala stödstrukturer: statligt stöd efter 2012",
    claims: [
      {
        source: c(F001, "3.1.1", "001 (2011): statligt stöd t.o.m. 2012", "utvecklingsarbete utgår fram t.o.m. 2012."),
        value: "Statligt stöd till och med 2012",
      },
      {
        source: c(F003, "Regionala stödstrukturer", "003 (2014): statlig finansiering fortsätter 2014", "Den statliga finansieringen till stöd för denna utveckling fortsätter under 2014"),
        value: "Statlig finansiering även 2014, med nedtrappning till 2016",
      },
      {
        source: c(F000, "Regionala stödstrukturer för kunskapsutveckling", "000 (2014): utfasning börjar 2014", "under 2014 i enlighet med överenskommelsen för stöd till evidensbaserad"),
        value: "Utfasning börjar 2014",
      },
    ],
    resolution:
      "001 beskriver avsikten 2011; de senare överenskommelserna förlängde stödet. För 2014 gäller 000 och 003: statliga medel 2014 och 2015 med stigande andel för huvudmännen.",
    resolvedValue: "Statligt stöd 2014 (huvudmännen 25 %) och 2015 (50 %); inget från 2016",
  },
  {
    id: "ebp-2014/ehalsa-regional-finansiering-efter-2012",
    agreement: "ebp-2014",
    subject: "Regional eHälsoorganisation: statlig finansiering efter 2012",
    claims: [
      {
        source: c(F001, "3.1.5", "001 (2011): regional eHälsa statligt stödd t.o.m. 2012", "runt utvecklingen av eHälsa fram t.o.m. 2012. Därefter bör"),
        value: "Statligt stöd till och med 2012, därefter huvudmännens finansiering",
      },
      {
        source: c(F003, "Kommunal eHälsa", "003 (2014): 10 mnkr till regionala eHälso-samordnare", "en post på 10 miljoner kronor som går till de regionala eHälso-samordnarna"),
        value: "10 000 000 kr till regionala eHälso-samordnare 2014",
      },
    ],
    resolution:
      "001 anger regeringens avsikt 2011 (”bör”); för 2014 gäller 003 och 000, som betalar 10 mnkr till regionala samordnare.",
    resolvedValue: "10 000 000 kr (2014)",
  },
  {
    id: "ebp-2014/oppna-jamforelser-nationellt-eller-lan",
    agreement: "ebp-2014",
    subject: "Öppna jämförelser: nationellt SKL-stöd eller medel till länen",
    claims: [
      {
        source: c(F000, "SKL:s stöd för utvecklingen av evidensbaserad praktik", "000: Öppna jämförelser under SKL:s stöd", "att SKL samordnar de olika regionala utvecklingsarbeten som pågår inom"),
        value: "Del av SKL:s nationella stöd (utan belopp)",
      },
      {
        source: c(F003, "Öppna jämförelser – Socialtjänst", "003: 75 000 kr per län som ansöker", "Respektive län kan få 75 000 kronor"),
        value: "75 000 kr per län som ansöker",
      },
    ],
    resolution:
      "Båda kan stämma: SKL samordnar och länen får 75 000 kr var. Var beloppen ryms i budgeten anges inte; vi räknar dem inom de 62,75 mnkr till länen (antagande ebp-2014/oppna-jamforelser-pot).",
    resolvedValue: "75 000 kr per län som ansöker, inom medlen till länen",
  },
  {
    id: "ebp-2011/tabellpost-forskning-utvardering",
    agreement: "ebp-2011",
    subject: "Tabellens sista post: forskningsstrategi eller utvärdering",
    claims: [
      {
        source: c(F001, "Fördelning av medlen år 2011", "001 tabell: forskningsstrategi – utvärdering 1,1 mnkr", "Strategi för forskning med bäring på socialtjänst -"),
        value: "En post ”Strategi för forskning … - Utvärdering”: 1 100 000 kr",
      },
      {
        source: c(F001, "3.5.1", "001 3.5.1: forskningsstrategi utan belopp", "En arbetsgrupp tillsätts, bland annat med medlemmar från den nationella"),
        value: "Forskningsstrategin: inget belopp",
      },
      {
        source: c(F001, "4", "001 4: utvärdering 1,1 mnkr", "Finansiering: 1,1 miljoner kronor (0,8 miljoner kronor (från PGÄ),"),
        value: "Utvärdering: 1 100 000 kr",
      },
    ],
    resolution: "Beloppet 1,1 mnkr hör till utvärderingen (avsnitt 4); forskningsstrategin (3.5.1) har inget eget belopp.",
    resolvedValue: "Utvärdering 1 100 000 kr (800 000 + 300 000)",
  },
];
