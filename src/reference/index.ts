/**
 * Reference data: the 290 kommuner and 21 län with their population on
 * 31 December 2013 (SCB, BE0101), the allocation key the 2014 agreements name
 * ("antalet invånare per den 31 december 2013", 004 §3.4).
 *
 * Codes are strings with leading zeros: kommunkod "0180", länskod "01".
 * Each län has one landsting, identified here by its länskod. Gotland (kommun
 * 0980, län 09) is both kommun and landsting: the same body (Region Gotland)
 * receives both the kommun and the landsting part of a split.
 */
import { KOMMUN_ROWS, LAN_ROWS } from "./data";

export interface Lan {
  code: string;
  name: string;
  population: number;
  /** Stockholm (01), Skåne (12), Västra Götaland (14): "storstadslänen". */
  metropolitan: boolean;
  /** Kommunkoder in the län, in code order. */
  kommuner: string[];
  /**
   * The kommun that is the same body as the county's landsting (Gotland:
   * Region Gotland is both), so it answers shared requirements once.
   */
  oneBodyKommun?: string;
}

export interface Kommun {
  code: string;
  name: string;
  lan: string;
  population: number;
}

export const METROPOLITAN_LAN: readonly string[] = ["01", "12", "14"];
export const GOTLAND_KOMMUN = "0980";
export const GOTLAND_LAN = "09";
export const REFERENCE_SOURCE =
  "SCB (Statistiska centralbyrån), tabell BE0101: folkmängd 31 december 2013";

export const KOMMUNER: readonly Kommun[] = KOMMUN_ROWS.map(([code, name, lan, population]) => ({
  code,
  name,
  lan,
  population,
}));

export const LAN: readonly Lan[] = LAN_ROWS.map(([code, name, population]) => ({
  code,
  name,
  population,
  metropolitan: METROPOLITAN_LAN.includes(code),
  kommuner: KOMMUNER.filter((k) => k.lan === code).map((k) => k.code),
  ...(code === GOTLAND_LAN ? { oneBodyKommun: GOTLAND_KOMMUN } : {}),
}));

const kommunByCode = new Map(KOMMUNER.map((k) => [k.code, k]));
const lanByCode = new Map(LAN.map((l) => [l.code, l]));

export function getKommun(code: string): Kommun | undefined {
  return kommunByCode.get(code);
}

export function getLan(code: string): Lan | undefined {
  return lanByCode.get(code);
}

/** Swedish display name of a county's landsting (Gotland: Region Gotland). */
export function landstingName(lanCode: string): string {
  if (lanCode === GOTLAND_LAN) return "Region Gotland (landsting)";
  const lan = lanByCode.get(lanCode);
  return lan ? `Landstinget i ${lan.name}` : `Landsting ${lanCode}`;
}

export type CodeKind = "kommun" | "lan";

/**
 * Normalises a kommunkod or länskod typed by a person or sent by Excel:
 * 180, "180", "0180" → kommun "0180"; 1, "1", "01" → län "01".
 * Returns undefined for anything that is not a known code.
 */
export function normaliseCode(input: unknown): { kind: CodeKind; code: string } | undefined {
  let text: string;
  if (typeof input === "number") {
    if (!Number.isInteger(input) || input < 0) return undefined;
    text = String(input);
  } else if (typeof input === "string") {
    text = input.trim();
    if (!/^\d{1,4}$/.test(text)) return undefined;
  } else {
    return undefined;
  }
  const n = Number(text);
  // Two-digit (or shorter) numbers are län; three- and four-digit are kommuner.
  if (text.length <= 2 && n < 100) {
    const code = String(n).padStart(2, "0");
    return lanByCode.has(code) ? { kind: "lan", code } : undefined;
  }
  const code = String(n).padStart(4, "0");
  return kommunByCode.has(code) ? { kind: "kommun", code } : undefined;
}

/** Population on 31 Dec 2013 of a kommun or a län, or undefined for an unknown code. */
export function population(input: unknown): number | undefined {
  const c = normaliseCode(input);
  if (!c) return undefined;
  return c.kind === "kommun" ? kommunByCode.get(c.code)!.population : lanByCode.get(c.code)!.population;
}
