import { AGREEMENTS, getAgreement } from "../../agreements";
import { StimError } from "../../core/errors";
import { isIsoDate } from "../../core/format";
import { toICalendar } from "../../core/ical";
import { calendarLines, obligationCalendar } from "../../core/obligations";
import { getLan, normaliseCode } from "../../reference";
import { defineCommand, JSON_FLAG } from "../command";
import { writeFileAtomic } from "../files";
import { toJson } from "../output";

/** Today's date (ISO) in local time: what "passerat" is measured against. */
function todayIso(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** DTSTAMP: the current moment in UTC, "YYYYMMDDTHHMMSSZ". */
function utcStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}


export const command = defineCommand({
  name: "kalender",
  summary: "visar överenskommelsernas åtaganden och sista datum i datumordning, eller skriver dem som en iCalendar-fil",
  details: [
    "Med --county visas det som kommunerna, landstinget och huvudmännen i länet ska göra; nationella parters datum (SKL, Socialstyrelsen) utelämnas.",
    "Med --ics skrivs en .ics-fil som Outlook och andra kalendrar kan importera (heldagshändelser med påminnelse en vecka före sista dag).",
  ],
  options: {
    agreement: { type: "string", value: "<id>", help: "bara en överenskommelse, t.ex. aldre-2014" },
    county: { type: "string", value: "<länskod>", help: "bara det som berör länets kommuner och landsting (två siffror, t.ex. 01)" },
    from: { type: "string", value: "<datum>", help: "bara datum från och med denna dag (ÅÅÅÅ-MM-DD)" },
    ics: { type: "string", value: "<fil>", help: "skriver kalendern som iCalendar-fil (.ics) i stället för text" },
    force: { type: "boolean", help: "ersätter en befintlig fil vid --ics" },
    json: JSON_FLAG,
  },
  run({ values }) {
    const agreement = values.agreement !== undefined ? getAgreement(values.agreement).id : undefined;
    let county: string | undefined;
    if (values.county !== undefined) {
      const c = normaliseCode(values.county);
      if (!c || c.kind !== "lan") throw new StimError(`--county ska vara en länskod med två siffror, t.ex. 01 (fick "${values.county}").`, "county");
      county = c.code;
    }
    if (values.from !== undefined && !isIsoDate(values.from.trim())) {
      throw new StimError(`--from ska vara ett datum skrivet ÅÅÅÅ-MM-DD, t.ex. 2014-10-01 (fick "${values.from}").`, "from");
    }
    if (values.force && values.ics === undefined) throw new StimError("--force gäller bara tillsammans med --ics <fil>.", "force");
    if (values.ics !== undefined && values.json) throw new StimError("Ange antingen --ics eller --json, inte båda.", "ics");
    const from = values.from?.trim();
    const cal = obligationCalendar(AGREEMENTS, { agreement, county, from });
    const now = new Date();
    const scope = [agreement ?? "alla överenskommelser", county ? `${getLan(county)!.name} (${county})` : "", from ? `från ${from}` : ""].filter(Boolean).join(", ");

    if (values.ics !== undefined) {
      if (!values.ics.trim()) throw new StimError("--ics behöver ett filnamn, t.ex. kalender.ics.", "ics");
      const ics = toICalendar(cal.dated, { stamp: utcStamp(now), name: `Stimulansmedel: åtaganden (${scope})` });
      writeFileAtomic(values.ics, Buffer.from(ics, "utf8"), { force: values.force, option: "--ics", extension: ".ics", format: "iCalendar-fil" });
      return `Skrev ${cal.dated.length} händelser till ${values.ics} (${scope}).${cal.undated.length ? ` ${cal.undated.length} åtaganden saknar datum i källorna och finns inte i filen; "stim kalender" visar dem.` : ""}`;
    }
    if (values.json) return toJson({ scope: { agreement: agreement ?? null, county: county ?? null, from: from ?? null }, ...cal });
    return calendarLines(cal, { today: todayIso(now), heading: `Åtaganden och sista datum: ${scope}` }).join("\n");
  },
});
