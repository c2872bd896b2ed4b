/**
 * ebp-2011: what the 2011 agreement (seed 001) requires besides money.
 */
import { Citation, Obligation } from "../../core/model";

const DOC = "001_873279f8cce31c7b.txt" as const;
const src = (section: string, label: string, quote: string): Citation => ({ doc: DOC, section, label, quote });

export const EBP_2011_OBLIGATIONS: Obligation[] = [
  {
    id: "arlig-rapport",
    what: "Huvudmännen lämnar en årlig rapport till SKL om hur arbetet i länet/regionen utvecklas mot de regionala målen och avsiktsförklaringen",
    who: "huvudmännen",
    to: "SKL",
    due: { kind: "none", note: "Årligen; källan anger inget datum." },
    consequence: "Källan anger ingen följd.",
    consequenceSourced: false,
    source: src("3.1.1", "Huvudmännens årliga rapport till SKL", "årlig rapport till Sveriges Kommuner och Landsting om hur arbetet i"),
    status: "sourced",
  },
  {
    id: "plan-efter-statliga-medel",
    what: "Huvudmännen presenterar en plan för hur ett långsiktigt åtagande säkras när de statliga utvecklingsmedlen har upphört",
    who: "huvudmännen",
    to: "SKL",
    due: { kind: "date", date: "2011-12-31" },
    consequence: "Källan anger ingen följd.",
    consequenceSourced: false,
    source: src("3.1.1", "Plan vid utgången av 2011", "och intentionerna i avsiktsförklaringen. Vid utgången av år 2011 ska de"),
    status: "sourced",
  },
  {
    id: "bbic-villkor",
    what: "För del av de 11 miljoner kronorna till utvecklingsledare i den sociala barn- och ungdomsvården: huvudmännen tydliggör hur utvecklingsledarna ingår i den regionala strukturen, har konkreta mål och uppdrag för dem och redovisar hur medlen kompletterar de regionala BBIC-nätverken",
    who: "huvudmännen",
    due: { kind: "none", note: "Villkor för medlen 2011; källan anger inget datum." },
    consequence: "Huvudmännen får inte ta del av de statliga utvecklingsmedlen.",
    consequenceSourced: true,
    source: src("3.1.4", "Villkor för medlen till barn- och ungdomsvården", "huvudmännen tydliggöra hur utvecklingsledarna ska ingå i den regionala"),
    status: "sourced",
  },
  {
    id: "bbic-anstallningar",
    what: "Anställningarna av utvecklingsledare i den sociala barn- och ungdomsvården väntas genomföras under andra halvåret 2011",
    who: "huvudmännen",
    due: { kind: "period", from: "2011-07-01", to: "2011-12-31" },
    consequence: "Källan anger ingen följd.",
    consequenceSourced: false,
    source: src("3.1.4", "Anställningar andra halvåret 2011", "andra halvåret 2011. Avsikten är att statliga medel utgår för att initiera"),
    status: "sourced",
  },
  {
    id: "ehalsa-villkor",
    what: "För de 10 miljoner kronorna till regionala utvecklingsledare kring eHälsa: huvudmännen tydliggör för 2011 hur den regionala samverkansfunktionen för eHälsa ingår i den regionala strukturen och konkretiserar målen för 2011",
    who: "huvudmännen",
    due: { kind: "period", from: "2011-01-01", to: "2011-12-31" },
    consequence: "Källan anger ingen följd; efter 2012 bör arbetet finansieras av huvudmännen.",
    consequenceSourced: false,
    source: src("3.1.5", "Villkor för medlen kring eHälsa", "och alternativa utförare. För 2011 ska huvudmännen tydliggöra hur den"),
    status: "sourced",
  },
  {
    id: "genomforandeplan",
    what: "SKL lämnar en plan för genomförandet av relevanta delar av överenskommelsen; regeringen beslutar om utbetalning",
    who: "SKL",
    due: { kind: "none", note: "Källan anger inget datum." },
    consequence: "Källan säger inte uttryckligen att planen är underlag för utbetalningen; regeringen beslutar om utbetalning i enlighet med överenskommelsen.",
    consequenceSourced: false,
    source: src("5", "SKL:s plan för genomförandet", "inkomma med en plan för genomförandet av relevanta delar av"),
    status: "sourced",
  },
];
