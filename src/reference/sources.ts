/**
 * The source documents: what each seed file is, in words a finance officer
 * recognises. Citations keep the file (`Citation.doc`) as their machine link;
 * every face shows the document through this registry (`formatCitation` in
 * `src/core/format.ts`).
 *
 * Each entry is read from the document itself. Title, date and reference
 * number are verbatim from the text and `stim check` finds them there
 * (`checkSourceTexts` in `src/core/check.ts`); the load-time self-checks make
 * sure every cited document is listed here and every field is well-formed.
 * Where a document states no date or reference number of its own, the field
 * is null rather than guessed.
 */
/** The seed documents this project encodes (see docs/agreements.md). */
export const SEED_FILES = [
  "000_3dc3d7eee1c32ea7.txt",
  "001_873279f8cce31c7b.txt",
  "002_0dca93dae4af361b.txt",
  "003_df29125e70796945.txt",
  "004_a38fd00e97c5cefc.txt",
] as const;
export type SeedFile = (typeof SEED_FILES)[number];

/** What kind of document a source is. */
export type SourceKind = "signed-agreement" | "government-decision" | "skl-circular" | "skl-memo";

/**
 * One source document in the registry (below): what a
 * reader needs to recognise it. `doc` stays the machine link that citations
 * use; everything else is shown to users. Title, date and reference number
 * are checked against the document's text (`stim check`).
 */
export interface SourceDocument {
  /** The seed file, as `Citation.doc` names it. */
  doc: SeedFile;
  /** The title as the document states it (or, where it has none, its own words for its subject); verbatim. */
  title: string;
  /** A recognisable Swedish name for full citations: "Överenskommelse om psykisk ohälsa 2014". */
  name: string;
  /** A short name for tight places (explanations): "Psykisk ohälsa 2014". */
  short: string;
  /** Who issued or signed it. */
  issuer: string;
  kind: SourceKind;
  /**
   * The date the document states, or null when it states none. `role`:
   * "dated" = the document's own date; "signed" = the date the agreement in
   * it was signed (the later of the two parties' signatures). `text` is the
   * verbatim passage that states it.
   */
  date: { iso: string; role: "dated" | "signed"; text: string } | null;
  /** The reference number the document states for itself (cirkulärnummer, diarienummer), or null. */
  reference: string | null;
  /** Primary: the agreement or the decision itself. Secondary: SKL's account of it. */
  role: "primary" | "secondary";
}


export const SOURCE_DOCUMENTS: readonly SourceDocument[] = [
  {
    doc: "000_3dc3d7eee1c32ea7.txt",
    // The circular has no title line; it opens by naming its subject.
    title: "tre överenskommelser inom socialtjänst och närliggande hälso- och sjukvård",
    name: "SKL:s sammanfattning av överenskommelserna 2014",
    short: "SKL-cirkulär 13:66",
    issuer: "Sveriges Kommuner och Landsting",
    kind: "skl-circular",
    date: { iso: "2013-12-16", role: "dated", text: "2013-12-16" },
    reference: "13:66",
    role: "secondary",
  },
  {
    doc: "001_873279f8cce31c7b.txt",
    title: "Bemyndigande att underteckna en överenskommelse om stöd till en evidensbaserad praktik",
    name: "Överenskommelse om evidensbaserad praktik 2011",
    short: "Evidensbaserad praktik 2011",
    issuer: "Regeringen (Socialdepartementet)",
    kind: "government-decision",
    // The decision carries no date; the annexed agreement names its signatories but only "Stockholm", no date.
    date: null,
    // S2011/983/FST in the text is another decision (the performance grant for the elderly).
    reference: null,
    role: "primary",
  },
  {
    doc: "002_0dca93dae4af361b.txt",
    title: "Sammanhållen vård och omsorg om de mest sjuka äldre 2014",
    name: "Överenskommelse om de mest sjuka äldre 2014",
    short: "Mest sjuka äldre 2014",
    issuer: "Staten (Socialdepartementet) och Sveriges Kommuner och Landsting",
    kind: "signed-agreement",
    // SKL signed on 9 December, the state on 11 December 2013.
    date: { iso: "2013-12-11", role: "signed", text: "Stockholm den 11 december 2013" },
    reference: null,
    role: "primary",
  },
  {
    doc: "003_df29125e70796945.txt",
    title: "Information om statliga stimulansmedel aktuella för Stockholms län genom överenskommelser mellan SKL och regeringen 2014",
    name: "SKL:s information om stimulansmedel för Stockholms län 2014",
    short: "SKL-PM Stockholms län 2014",
    issuer: "Sveriges Kommuner och Landsting",
    kind: "skl-memo",
    // Undated; the "Referensnummer" column names payment references per item, not the memo.
    date: null,
    reference: null,
    role: "secondary",
  },
  {
    doc: "004_a38fd00e97c5cefc.txt",
    title: "stöd till riktade insatser inom området psykisk ohälsa 2014",
    name: "Överenskommelse om psykisk ohälsa 2014",
    short: "Psykisk ohälsa 2014",
    issuer: "Regeringen (Socialdepartementet)",
    kind: "government-decision",
    // The decision states no date of its own; the agreement it approves was
    // signed by the state on 11 December and by SKL on 9 December 2013 (the
    // two dates stand side by side, the year on the line below).
    date: { iso: "2013-12-11", role: "signed", text: "Stockholm den 11 december Stockholm den 9 december 2013" },
    reference: null,
    role: "primary",
  },
];

const BY_DOC = new Map<string, SourceDocument>(SOURCE_DOCUMENTS.map((d) => [d.doc, d]));

/** The registry entry for a seed file, or undefined when it is not listed. */
export function sourceDocument(doc: SeedFile | string): SourceDocument | undefined {
  return BY_DOC.get(doc);
}
