/**
 * prio-2014: what the goals' text says beyond their criteria (issue 18).
 * - B1 counts registration in "one or more of the eight national quality
 *   registers"; the agreement lists them (§3.4.2).
 * - B3's text also asks for a follow-up of the 2013 analysis, an analysis
 *   by women and men, and a plan for 2015–2016; the list that decides the
 *   goal ("anses vara uppfyllt om") does not. The criteria follow that list;
 *   reading the whole text is the alternative of a named assumption.
 */
import { Agreement, Citation, Criterion, Status } from "../core/model";

const DOC = "004_a38fd00e97c5cefc.txt" as const;
const src = (label: string, quote: string): Citation => ({ doc: DOC, section: "3.4.2", label, quote });

/** The eight national quality registers in which registration counts for B1. */
export const PRIO_B1_REGISTERS: { registers: readonly string[]; source: Citation; status: Status } = {
  registers: ["BipoläR", "PsykosR", "Rättspsykiatri", "ECT", "BUSA", "RiksÄT", "LAROS", "SBR"],
  source: src("Prestationsmål B 1: de åtta registren", "de relevanta Nationella kvalitetsregistren bland följande:"),
  status: "sourced",
};

const A_B3_TEXT = "prio-2014/b3-malbeskrivningen";

/** Points of B3's text outside the list that decides it (criteria under the alternative). */
export const B3_TEXT_CRITERIA: Criterion[] = [
  {
    id: "uppfoljning-analys-2013",
    kind: "boolean",
    label: "Följt upp 2013 års analys av boende och sysselsättning och planeringen från 2013",
    source: src("Prestationsmål B 3", "inrapporteringsfunktionen på SKL, samt har följt upp den analys"),
    status: "assumption",
    assumptions: [A_B3_TEXT],
  },
  {
    id: "analys-kvinnor-man",
    kind: "boolean",
    label: "Analysen avser kvinnor och män",
    source: src("Prestationsmål B 3", "Analysen ska avse kvinnor och män och göras i samverkan med"),
    status: "assumption",
    assumptions: [A_B3_TEXT],
  },
  {
    id: "planering-2015-2016",
    kind: "boolean",
    label: "Planering för hur verksamheten ska utvecklas 2015–2016",
    source: src("Prestationsmål B 3", "ska utvecklas 2015–2016 göras. Med planering avses i denna"),
    status: "assumption",
    assumptions: [A_B3_TEXT],
  },
];

/** Adds the B3 assumption and the B1 register note to prio-2014 (once, when its module loads). */
export function addGoalText(agreement: Agreement): void {
  agreement.assumptions.push({
    id: A_B3_TEXT,
    title: "Prestationsmål B 3: vad som avgör målet",
    reason:
      "Målets text ber också om uppföljning av 2013 års analys, en analys för kvinnor och män och en planering för 2015–2016, men listan över när målet ”anses vara uppfyllt” tar inte upp dem; vi följer listan.",
    default: "kriterielistan",
    options: [
      { id: "kriterielistan", label: "Listan över när målet anses uppfyllt (sex punkter)" },
      { id: "hela-malbeskrivningen", label: "Hela målbeskrivningen: även uppföljning av 2013, kvinnor och män, planering 2015–2016", effect: [{ rule: "B3", add: B3_TEXT_CRITERIA }] },
    ],
    source: src("Prestationsmål B 3", "Prestationsmålet kommer att anses vara uppfyllt om kommunen har:"),
  });
  agreement.notes = [
    ...(agreement.notes ?? []),
    `Prestationsmål B 1 räknar registrering i ett eller flera av de åtta nationella kvalitetsregistren: ${PRIO_B1_REGISTERS.registers.join(", ")} (Psykisk ohälsa 2014 §3.4.2).`,
  ];
}
