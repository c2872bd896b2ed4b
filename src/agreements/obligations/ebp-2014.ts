/**
 * ebp-2014: what SKL's circular 13:66 (000) and SKL's memo for Stockholm
 * county (003) require besides money. The signed agreement is not among the
 * seeds, so these are secondary sources throughout.
 */
import { Citation, Obligation } from "../../core/model";

const F000 = "000_3dc3d7eee1c32ea7.txt" as const;
const F003 = "003_df29125e70796945.txt" as const;
const c000 = (section: string, label: string, quote: string): Citation => ({ doc: F000, section, label, quote });
const c003 = (section: string, label: string, quote: string): Citation => ({ doc: F003, section, label, quote });

const S000_EHALSA_STIM = "Stimulansbidrag till kommunerna och regionala avtal";
const S000_TIMELINE = "Tidplan";
const S003_STRUCTURES = "Regionala stödstrukturer";
const S003_OJ = "Öppna jämförelser – Socialtjänst";
const S003_EHALSA = "Kommunal eHälsa";

const NO_EHALSA = "Länet får ingen del av stimulansmedlen för eHälsa.";

export const EBP_2014_OBLIGATIONS: Obligation[] = [
  {
    id: "oj-handlingsplan",
    what: "Länet lämnar en kort och konkret handlingsplan för Öppna jämförelser där mål, syfte och planerade aktiviteter framgår (länet bör också beskriva hur arbetet kopplas till stödstrukturen)",
    who: "länet",
    due: { kind: "date", date: "2014-02-07" },
    consequence: "Länet får inte de 75 000 kr för Öppna jämförelser.",
    consequenceSourced: true,
    source: c003(S003_OJ, "Handlingsplan senast 7 februari 2014", "länet senaste den 7 februari 2014 inkomma med en kort och konkret"),
    status: "sourced",
  },
  {
    id: "stodstrukturer-2014",
    what: "Huvudmännen bär 25 % av kostnaderna för de regionala stödstrukturerna 2014",
    who: "huvudmännen",
    due: { kind: "period", from: "2014-01-01", to: "2014-12-31" },
    consequence: "Övertagandet är en förutsättning för den statliga finansieringen av stödstrukturerna.",
    consequenceSourced: true,
    source: c003(S003_STRUCTURES, "Huvudmännens andel 2014", "25 procent av kostnaderna för 2014."),
    status: "sourced",
  },
  {
    id: "stodstrukturer-2015",
    what: "Huvudmännen bär 50 % av kostnaderna för de regionala stödstrukturerna 2015",
    who: "huvudmännen",
    due: { kind: "period", from: "2015-01-01", to: "2015-12-31" },
    consequence: "Övertagandet är en förutsättning för den statliga finansieringen av stödstrukturerna.",
    consequenceSourced: true,
    source: c003(S003_STRUCTURES, "Huvudmännens andel 2015", "50 procent av kostnaderna för 2015."),
    status: "sourced",
  },
  {
    id: "stodstrukturer-2016",
    what: "Huvudmännen bär hela kostnaden för de regionala stödstrukturerna från och med 2016",
    who: "huvudmännen",
    due: { kind: "date", date: "2016-01-01", from: true },
    consequence: "Den statliga finansieringen av stödstrukturerna har upphört.",
    consequenceSourced: false,
    source: c003(S003_STRUCTURES, "Huvudmännens andel från 2016", "100 procent av kostnaderna från och med 2016."),
    status: "sourced",
  },
  {
    id: "ehalsa-avtal",
    what: "Länet/regionen tecknar avtal med SKL om eHälsa och åtar sig därmed att uppfylla grundkraven och målen för satsningen",
    who: "länet",
    to: "SKL",
    due: { kind: "none", note: "Källan anger inget datum." },
    consequence: NO_EHALSA,
    consequenceSourced: true,
    source: c000(S000_EHALSA_STIM, "eHälsa: avtal med SKL", "För att få del av stimulansmedlen ska länet/regionen teckna ett"),
    status: "sourced",
  },
  {
    id: "ehalsa-egen-insats",
    what: "Länet/regionen tillför själv minst lika mycket som stimulansbidraget för samma ändamål",
    who: "länet",
    due: { kind: "none", note: "Källan anger inget datum." },
    consequence: NO_EHALSA,
    consequenceSourced: true,
    source: c000(S000_EHALSA_STIM, "eHälsa: egen insats minst lika stor", "tillför minst motsvarande belopp själva för samma ändamål"),
    status: "sourced",
    assumptions: ["ebp-2014/ehalsa-villkor"],
  },
  {
    id: "ehalsa-samordnare",
    what: "Länet/regionen har en utsedd regional eHälso-samordnare som ansvarar för genomförandet och uppföljningen av avtalet",
    who: "länet",
    due: { kind: "none", note: "Källan anger inget datum." },
    consequence: "Källan anger ingen följd; samordnaren är den som avtalet med SKL ger ansvaret.",
    consequenceSourced: false,
    source: c000(S000_EHALSA_STIM, "eHälsa: regional samordnare utsedd av länet", "uppföljningen, etc, är den regionala eHälso-samordnaren som är utsedd från"),
    status: "sourced",
  },
  {
    id: "ehalsa-anvandning",
    what: "Medlen används till: e-tjänster som stödjer den enskilde; säker roll- och behörighetsidentifikation; mobil dokumentation; Nationell Patientöversikt (NPÖ) i kommunerna och hos enskilda vårdgivare; digitala trygghetslarm; mål och handlingsplaner för trygghet, service och delaktighet i hemmet genom digital teknik",
    who: "länet",
    due: { kind: "period", from: "2014-01-01", to: "2014-12-31" },
    consequence: "Källan anger ingen följd.",
    consequenceSourced: false,
    source: c000(S000_EHALSA_STIM, "eHälsa: vad medlen ska användas till", "Medlen ska användas för att:"),
    status: "sourced",
  },
  {
    id: "ehalsa-privata-utforare",
    what: "Stimulansbidragen för eHälsa används så att de också kommer privata vård- och omsorgsgivare till del (SKL:s PM för Stockholms län nämner även idéburna utförare)",
    who: "länet",
    due: { kind: "period", from: "2014-01-01", to: "2014-12-31" },
    consequence: "Källan anger ingen följd.",
    consequenceSourced: false,
    source: c000(S000_EHALSA_STIM, "eHälsa: även privata vård- och omsorgsgivare", "användas så att de också kommer privata vård- och omsorgsgivare till del."),
    status: "sourced",
  },
  {
    id: "ehalsa-faktura",
    what: "Läns-/regionförbundet fakturerar SKL det överenskomna beloppet; SKL betalar ut och förbundet förmedlar bidragen till kommunerna",
    who: "länet",
    to: "SKL",
    due: { kind: "none", note: "Källan anger inget datum." },
    consequence: "Pengarna betalas ut först när fakturan kommit in till SKL.",
    consequenceSourced: true,
    source: c003(S003_EHALSA, "eHälsa: utbetalning mot faktura", "efter att en faktura på överenskommet belopp inkommit till SKL"),
    status: "sourced",
  },
  {
    id: "insatser-2014",
    what: "De insatser som nämns i överenskommelsen avser 2014",
    who: "huvudmännen",
    due: { kind: "period", from: "2014-01-01", to: "2014-12-31" },
    consequence: "Källan anger ingen följd.",
    consequenceSourced: false,
    source: c000(S000_TIMELINE, "Insatserna avser 2014", "De insatser som nämns i överenskommelsen avser år 2014."),
    status: "sourced",
  },
];
