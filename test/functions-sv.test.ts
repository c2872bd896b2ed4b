/**
 * The Swedish metadata (functions-sv.json, selected for sv-SE by the
 * manifest): generated from the English functions.json with the table in
 * src/functions/sv.ts, exactly as webpack.config.js does at build time.
 * Checks that every id has a Swedish name and description, that everything
 * but names and descriptions is unchanged, and that no name collides with a
 * built-in Excel function in English or Swedish.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { join } from "node:path";
import { localiseMetadata, SV_FUNCTIONS, type Metadata, type SvFunction } from "../src/functions/sv";

const FUNCTIONS_FILE = join(__dirname, "..", "src", "functions", "functions.ts");

/**
 * Built-in worksheet functions, English names: the common ones and every
 * name near ours (a selection; the namespace STIM. makes a real collision
 * impossible, this guards the bare names users read and type).
 */
const EXCEL_BUILTINS_EN = `ABS ACCRINT ADDRESS AGGREGATE AND AREAS ARRAYTOTEXT ASC AVERAGE AVERAGEA AVERAGEIF AVERAGEIFS BAHTTEXT BASE
BYCOL BYROW CEILING CELL CHAR CHOOSE CHOOSECOLS CHOOSEROWS CLEAN CODE COLUMN COLUMNS CONCAT CONCATENATE CONVERT CORREL COUNT
COUNTA COUNTBLANK COUNTIF COUNTIFS COVARIANCE.P CUMIPMT DATE DATEDIF DATEVALUE DAVERAGE DAY DAYS DB DCOUNT DECIMAL DEGREES DELTA
DGET DMAX DMIN DOLLAR DROP DSUM EDATE EOMONTH ERROR.TYPE EVEN EXACT EXP EXPAND FACT FALSE FILTER FILTERXML FIND FIXED FLOOR
FORECAST FORMULATEXT FREQUENCY FV GCD GETPIVOTDATA GROUPBY HLOOKUP HOUR HSTACK HYPERLINK IF IFERROR IFNA IFS IMAGE INDEX
INDIRECT INFO INT INTERCEPT IPMT IRR ISBLANK ISERR ISERROR ISEVEN ISFORMULA ISLOGICAL ISNA ISNONTEXT ISNUMBER ISODD ISREF
ISTEXT LAMBDA LARGE LCM LEFT LEN LET LINEST LN LOG LOG10 LOOKUP LOWER MAKEARRAY MAP MATCH MAX MAXA MAXIFS MEDIAN MID MIN MINA
MINIFS MINUTE MOD MODE MONTH MROUND N NA NETWORKDAYS NOT NOW NPER NPV NUMBERVALUE ODD OFFSET OR PERCENTILE PERCENTOF PERCENTRANK
PI PIVOTBY PMT POWER PPMT PRODUCT PROPER PV QUARTILE QUOTIENT RADIANS RAND RANDARRAY RANDBETWEEN RANK RATE REDUCE REGEXEXTRACT
REGEXREPLACE REGEXTEST REPLACE REPT RIGHT ROMAN ROUND ROUNDDOWN ROUNDUP ROW ROWS RRI SCAN SEARCH SECOND SEQUENCE SHEET SHEETS
SIGN SLN SMALL SORT SORTBY SQRT STDEV STDEV.P STDEV.S STOCKHISTORY SUBSTITUTE SUBTOTAL SUM SUMIF SUMIFS SUMPRODUCT SWITCH T TAKE
TEXT TEXTAFTER TEXTBEFORE TEXTJOIN TEXTSPLIT TIME TIMEVALUE TOCOL TODAY TOROW TRANSPOSE TREND TRIM TRIMRANGE TRUE TRUNC TYPE
UNICHAR UNICODE UNIQUE UPPER VALUE VALUETOTEXT VAR VAR.P VAR.S VLOOKUP VSTACK WEBSERVICE WEEKDAY WEEKNUM WORKDAY WRAPCOLS
WRAPROWS XIRR XLOOKUP XMATCH XNPV YEAR YEARFRAC`.split(/\s+/);

/** The same, in Swedish Excel (a selection, with every name near ours). */
const EXCEL_BUILTINS_SV = `ABS ADRESS AGGREGERA ANTAL ANTAL.OM ANTAL.OMF ANTALV ANTAL.TOMMA ARBETSDAGAR AVRUNDA AVRUNDA.NEDÅT AVRUNDA.UPPÅT
BYT.UT CELL DAG DAGAR DATUM DATUMVÄRDE DELA DELSUMMA DELATEXT ELLER EXAKT EXTEXT FALSKT FILTRERA FÖRSKJUTNING GRADER HELTAL
HITTA HÖGER IDAG INDEX INDIREKT INFO INTE KOLUMN KOLUMNER KONVERTERA KVOT LETARAD LETAKOLUMN LETAUPP LÄNGD MAX MAXA MAXOMF MEDEL
MEDEL.OM MEDEL.OMF MEDIAN MIN MINOMF MINUT MÅNAD NU NUVÄRDE OCH OM OMF OMFEL OMSAKNAS PASSA PI POTENS PRODUKT PRODUKTSUMMA RAD
RADER REST SAMMANFOGA SANT SEKUND SEKVENS SLUMP SLUMP.MELLAN SORTERA SORTERA.EFTER STDAV STÖRSTA SUMMA SUMMA.OM SUMMA.OMF
SUMMAPRODUKT TEXT TEXTJOIN TID TRANSPONERA TYP UNIK VÄLJ VÄNSTER VECKODAG VECKONR VERSALER XLETAUPP XPASSA ÅR`.split(/\s+/);

/**
 * Excel 4.0 macro functions Microsoft says custom function names should not
 * repeat (a selection). Bare SPLIT is one (the Window › Split command); our
 * function is always STIM.SPLIT, and the id is fixed by the issue.
 */
const EXCEL4_MACROS = `ABSREF ACTIVE.CELL ADD.BAR ADD.COMMAND ADD.MENU ADD.TOOLBAR ALERT ARGUMENT BEEP CALL CALLER CANCEL.KEY DIRECTORY
DOCUMENTS ECHO ENABLE.COMMAND ERROR EVALUATE EXEC EXECUTE FCLOSE FILES FOPEN FREAD FSIZE FWRITE GET.CELL GET.DOCUMENT GET.FORMULA
GET.NAME GET.WORKBOOK GET.WORKSPACE GOTO HALT HELP INITIATE INPUT LINKS NAMES NEXT NOTE OPEN POKE REGISTER REQUEST RESTART RESULT
RESUME RETURN RUN SELECTION SET.NAME SET.VALUE SPLIT STEP TERMINATE TEXTREF UNREGISTER VOLATILE WAIT WHILE WINDOWS`.split(/\s+/);

const KNOWN_BARE_MACRO_NAMES = new Set(["SPLIT"]);

let english: Metadata;
let swedish: Metadata;

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(FUNCTIONS_FILE, false);
  expect(r.errors).toEqual([]);
  english = JSON.parse(r.metadataJson) as Metadata;
  swedish = localiseMetadata(english);
}, 30_000);

/** A cell reference such as A1, XFD1048576 or R1C1 (not allowed as a name). */
function looksLikeCellReference(name: string): boolean {
  return /^[A-Z]{1,3}\d+$/i.test(name) || /^R\d*C\d*$/i.test(name);
}

describe("functions-sv.json", () => {
  test("every id has a Swedish name and description, different from the English", () => {
    expect(swedish.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
    for (const f of swedish.functions) {
      const en = english.functions.find((x) => x.id === f.id)!;
      expect(f.name.trim()).toBeTruthy();
      expect(f.description?.trim()).toBeTruthy();
      expect(f.description).not.toBe(en.description);
      expect(SV_FUNCTIONS[f.id].name).toBe(f.name);
    }
  });

  test("only names and descriptions differ: ids, parameter order, types, dimensionality, optional, result", () => {
    const strip = (m: Metadata) =>
      m.functions.map(({ name: _n, description: _d, parameters, ...rest }) => ({
        ...rest,
        parameters: parameters.map(({ name: _pn, description: _pd, ...p }) => p),
      }));
    expect(strip(swedish)).toEqual(strip(english));
    const { functions: _f1, ...svTop } = swedish;
    const { functions: _f2, ...enTop } = english;
    expect(svTop).toEqual(enTop);
  });

  test("every parameter has a Swedish name and description, unique within its function", () => {
    for (const f of swedish.functions) {
      const en = english.functions.find((x) => x.id === f.id)!;
      expect(f.parameters).toHaveLength(en.parameters.length);
      for (const p of f.parameters) {
        expect(p.name).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(p.description?.trim()).toBeTruthy();
      }
      expect(new Set(f.parameters.map((p) => p.name)).size).toBe(f.parameters.length);
    }
  });

  test("names follow Excel's rules and are unique", () => {
    for (const m of [english, swedish]) {
      const names = m.functions.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) {
        expect(n).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/); // a letter first, at least 3 characters, upper case
        expect(looksLikeCellReference(n)).toBe(false);
      }
    }
  });

  test("no name equals a built-in Excel function in English or Swedish", () => {
    const builtins = new Set([...EXCEL_BUILTINS_EN, ...EXCEL_BUILTINS_SV].map((n) => n.toUpperCase()));
    expect(builtins.has("SUMMA")).toBe(true);
    expect(builtins.has("DELA")).toBe(true);
    for (const m of [english, swedish]) {
      for (const f of m.functions) {
        expect([f.name, builtins.has(f.name)]).toEqual([f.name, false]);
        expect([`STIM.${f.name}`, builtins.has(`STIM.${f.name}`)]).toEqual([`STIM.${f.name}`, false]);
      }
    }
  });

  test("no full name STIM.<name> equals an Excel 4.0 macro function; bare names only where known and namespaced", () => {
    const macros = new Set(EXCEL4_MACROS);
    for (const m of [english, swedish]) {
      for (const f of m.functions) {
        expect(macros.has(`STIM.${f.name}`)).toBe(false);
        if (macros.has(f.name)) expect(KNOWN_BARE_MACRO_NAMES.has(f.name)).toBe(true);
      }
    }
    // The Swedish names avoid even the bare collision.
    for (const f of swedish.functions) expect(macros.has(f.name)).toBe(false);
  });

  test("the expected Swedish names", () => {
    expect(Object.fromEntries(swedish.functions.map((f) => [f.id, f.name]))).toEqual({
      VERSION: "VERSION",
      FUND_SHARE: "FORDELA",
      SPLIT: "DELNING",
      POT: "POTT",
      POPULATION: "FOLKMANGD",
      GRUNDKRAV_MET: "GRUNDKRAV_UPPFYLLT",
      GRUNDKRAV_COUNTY: "GRUNDKRAV_LAN",
      GOAL_MET: "MAL_UPPFYLLT",
      CRITERIA: "KRITERIER",
      MONTHS_LOWER: "MANADER_LAGRE",
      EXPLAIN: "FORKLARA",
      SOURCE: "KALLA",
      ASSUMPTIONS: "ANTAGANDEN",
      ALLOCATION: "TILLDELNING",
      ALLOCATION_STATUS: "TILLDELNINGSSTATUS",
      UNALLOCATED: "OFORDELAT",
    });
    const vers = swedish.functions.find((f) => f.id === "VERSION")!;
    expect(vers.description).toBe("Visar vilken version av Stimulans som är installerad.");
  });
});

describe("localiseMetadata keeps the two files from drifting", () => {
  const table = (): Record<string, SvFunction> => JSON.parse(JSON.stringify(SV_FUNCTIONS)) as Record<string, SvFunction>;

  test("a function missing from sv.ts fails", () => {
    const t = table();
    delete t.POT;
    expect(() => localiseMetadata(english, t)).toThrow("POT: saknar svenskt namn och beskrivning i sv.ts");
  });

  test("a stale function in sv.ts fails", () => {
    const t = table();
    t.GONE = { name: "BORTA", description: "x", parameters: {} };
    expect(() => localiseMetadata(english, t)).toThrow("GONE: finns i sv.ts men inte i functions.json");
  });

  test("a parameter missing or stale fails", () => {
    const t = table();
    delete t.SPLIT.parameters.first_share;
    t.SPLIT.parameters.share = { name: "andel", description: "x" };
    expect(() => localiseMetadata(english, t)).toThrow(
      /SPLIT: parametern share finns i sv.ts men inte i functions.json[\s\S]*SPLIT: parametern first_share saknar svenskt namn/,
    );
  });
});
