/**
 * Citations in the form users read, through the core's one Swedish format
 * (src/core/format.ts `formatCitation`, titles from the source registry in
 * src/reference/sources.ts): "Överenskommelse om psykisk ohälsa 2014
 * (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.2" instead of
 * "004_a38fd00e97c5cefc.txt §3.4.2".
 */
import { formatCitation } from "../core/format";
import type { Citation } from "../core/model";

/** The full human form of a citation. */
export function citationText(c: Citation): string {
  return formatCitation(c);
}
