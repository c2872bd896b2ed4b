/**
 * Citations in the form users read: "Överenskommelsen om psykisk ohälsa 2014,
 * avsnitt 3.4.2" instead of "004_a38fd00e97c5cefc.txt §3.4.2".
 *
 * The titles below name the five source documents in our own words (see
 * ../shared/DOMAIN.md, "The sources"). When the core gets its registry of
 * source documents (title, issuer, date, kind), this module should read the
 * titles from there instead; it is the only place in the task pane that
 * knows them.
 */
import type { Citation, SeedFile } from "../core/model";

export const DOCUMENT_TITLES: Readonly<Record<SeedFile, string>> = {
  "000_3dc3d7eee1c32ea7.txt": "SKL:s cirkulär 13:66 om 2014 års överenskommelser",
  "001_873279f8cce31c7b.txt": "Överenskommelsen om evidensbaserad praktik 2011",
  "002_0dca93dae4af361b.txt": "Överenskommelsen om de mest sjuka äldre 2014",
  "003_df29125e70796945.txt": "SKL:s PM om stimulansmedel i Stockholms län 2014",
  "004_a38fd00e97c5cefc.txt": "Överenskommelsen om psykisk ohälsa 2014",
};

/** "avsnitt 3.4.2", or the heading the passage stands under: "avsnittet ”Utvecklingsledare”". */
export function sectionText(section: string): string {
  return /^\d+(\.\d+)*$/.test(section) ? `avsnitt ${section}` : `avsnittet ”${section}”`;
}

/** "Överenskommelsen om psykisk ohälsa 2014, avsnitt 3.4.2". */
export function citationText(c: Citation): string {
  return `${DOCUMENT_TITLES[c.doc] ?? c.doc}, ${sectionText(c.section)}`;
}
