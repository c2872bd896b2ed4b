/** Reading identities: a row's code, level and county, and the recipients a scope must have. */
import { getKommun, getLan, LAN } from "../../reference";
import { a1, isEmpty, normaliseHeader, shown } from "../cells";
import { LEVEL_TEXT, RowLevel, SheetColumns } from "../columns";
import { Finding } from "../findings";

/** The level a row whose code cannot be read most likely has: its Nivå cell, else the code's length. */
export function guessLevel(row: unknown[], columns: Map<string, number>, countyRows: boolean): RowLevel {
  const lc = columns.get("niva");
  const t = lc === undefined ? "" : normaliseHeader(String(row[lc] ?? ""));
  if (t === "kommun" || t === "landsting" || t === "lan") return t;
  if (t === "region") return "landsting";
  const raw = row[columns.get("kod")!];
  const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
  return text.length >= 3 || !countyRows ? (text.length >= 3 ? "kommun" : "landsting") : "lan";
}

export function describeRecipient(level: RowLevel, code: string): string {
  if (level === "kommun") return `Kommun ${code} (${getKommun(code)?.name ?? "okänd"})`;
  const lan = getLan(code);
  if (level === "landsting") return `Landstinget i län ${code} (${lan?.name ?? "okänt"})`;
  return `Län ${code} (${lan?.name ?? "okänt"})`;
}

/** The rows a sheet of this scope must have. */
export function expectedRecipients(cols: SheetColumns, scope: string | undefined, present: string[]): { level: RowLevel; code: string }[] {
  const lans = scope ? [scope] : LAN.map((l) => l.code);
  void present;
  const out: { level: RowLevel; code: string }[] = [];
  for (const l of lans) {
    const lan = getLan(l);
    if (!lan) continue;
    if (cols.countyRows) out.push({ level: "lan", code: l });
    for (const k of lan.kommuner) out.push({ level: "kommun", code: k });
    out.push({ level: "landsting", code: l });
  }
  return out;
}

export function readIdentity(
  row: unknown[],
  r: number,
  columns: Map<string, number>,
  sheet: string,
  findings: Finding[],
  countyRows: boolean,
  suggested: Set<string>,
): { level: RowLevel; code: string; lan: string } | undefined {
  const cc = columns.get("kod")!;
  const raw = row[cc];
  const at = a1(r, cc);
  if (isEmpty(raw)) {
    findings.push({ severity: "fel", kind: "unknown-code", sheet, cell: at, message: "Raden har ingen kod; ange kommunkod (fyra siffror) eller länskod (två siffror)." });
    return undefined;
  }
  const text = typeof raw === "number" && Number.isInteger(raw) && raw >= 0 ? String(raw) : typeof raw === "string" ? raw.trim() : "";
  if (!/^\d{1,4}$/.test(text)) {
    findings.push({ severity: "fel", kind: "unknown-code", sheet, cell: at, message: `${shown(raw)} är ingen kommunkod eller länskod.` });
    return undefined;
  }
  const levelCol = columns.get("niva");
  const levelRaw = levelCol === undefined ? "" : row[levelCol];
  let level: RowLevel | undefined;
  if (!isEmpty(levelRaw)) {
    const t = normaliseHeader(String(levelRaw));
    level = t === "kommun" ? "kommun" : t === "landsting" || t === "region" ? "landsting" : t === "lan" ? "lan" : undefined;
    if (!level) {
      findings.push({ severity: "fel", kind: "wrong-level", sheet, cell: a1(r, levelCol!), message: `Nivån ${shown(levelRaw)} känns inte igen (kommun, landsting eller län).` });
      // The code still says whose row it is: not reported again as missing.
      if (text.length >= 3) suggested.add(`kommun:${text.padStart(4, "0")}`);
      else if (!countyRows) suggested.add(`landsting:${text.padStart(2, "0")}`);
      return undefined;
    }
  }
  // Three or four digits are a kommunkod (180 is 0180); one or two a länskod.
  const isKommunCode = text.length >= 3;
  if (!level) {
    if (isKommunCode) level = "kommun";
    else if (!countyRows) level = "landsting";
    else {
      findings.push({ severity: "fel", kind: "wrong-level", sheet, cell: at, message: "Nivå saknas: ange landsting eller län för en rad med länskod." });
      return undefined;
    }
  }
  const lanCol = columns.get("lan");
  const lanRaw = lanCol === undefined ? undefined : row[lanCol];
  const lanText = typeof lanRaw === "number" && Number.isInteger(lanRaw) ? String(lanRaw).padStart(2, "0") : typeof lanRaw === "string" ? lanRaw.trim().padStart(2, "0") : "";
  if (level === "kommun") {
    if (!isKommunCode) {
      findings.push({ severity: "fel", kind: "unknown-code", sheet, cell: at, message: `Koden ${shown(raw)} är ingen kommunkod (fyra siffror, t.ex. 0180).` });
      return undefined;
    }
    const code = text.padStart(4, "0");
    const k = getKommun(code);
    if (!k) {
      findings.push({ severity: "fel", kind: "unknown-code", sheet, cell: at, message: `Okänd kommunkod ${shown(raw)}${suggestByName(row, columns, suggested)}.` });
      return undefined;
    }
    if (lanCol !== undefined && !isEmpty(lanRaw) && lanText !== k.lan) {
      findings.push({
        severity: "fel",
        kind: "wrong-county",
        sheet,
        cell: a1(r, lanCol),
        message: `Kommun ${code} (${k.name}) hör till län ${k.lan}, inte ${shown(lanRaw)}.`,
      });
    }
    return { level, code, lan: k.lan };
  }
  if (isKommunCode) {
    findings.push({ severity: "fel", kind: "unknown-code", sheet, cell: at, message: `Koden ${shown(raw)} är en kommunkod men raden har nivån ${LEVEL_TEXT[level]}.` });
    return undefined;
  }
  const code = text.padStart(2, "0");
  if (!getLan(code)) {
    findings.push({ severity: "fel", kind: "unknown-code", sheet, cell: at, message: `Okänd länskod ${shown(raw)}.` });
    return undefined;
  }
  if (lanCol !== undefined && !isEmpty(lanRaw) && lanText !== code) {
    findings.push({ severity: "fel", kind: "wrong-county", sheet, cell: a1(r, lanCol), message: `Raden för länskod ${code} har länet ${shown(lanRaw)}; de ska vara samma.` });
  }
  return { level, code, lan: code };
}

/** " (raden heter Stockholm: menade du 0180?)" when the name identifies a kommun. */
export function suggestByName(row: unknown[], columns: Map<string, number>, suggested?: Set<string>): string {
  const nc = columns.get("namn");
  const name = nc === undefined ? undefined : row[nc];
  if (typeof name !== "string") return "";
  const t = normaliseHeader(name);
  for (const l of LAN) {
    for (const kc of l.kommuner) {
      if (normaliseHeader(getKommun(kc)!.name) === t) {
        suggested?.add(`kommun:${kc}`);
        return ` (raden heter ${name.trim()}: menade du ${kc}? Rätta koden; raden läses inte förrän dess)`;
      }
    }
  }
  return "";
}
