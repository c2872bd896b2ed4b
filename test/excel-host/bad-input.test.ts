/**
 * The bad-input matrix: every function × {blank as null, blank as 0, text,
 * negative, NaN/Infinity, wrong shape, mismatched sizes, unknown id, huge
 * numbers}. Each cell of the matrix is a call through the host with a
 * defined outcome: a value (stated) or #VALUE!/#N/A with the exact Swedish
 * message. Never a number for a wrong input, never an exception.
 *
 * "Wrong shape" for a scalar parameter is a range Excel itself never sends
 * (it lifts a range over a scalar parameter and calls once per cell); those
 * calls go `raw` to prove the code's own defence. Where a category has no
 * meaning for a function (no ids, no sizes), the closest input in its spirit
 * is used and named.
 */
import { Host, loadHost, OMIT } from "./host";
import { GOTLAND_TABLE } from "./examples";

const CATEGORIES = [
  "blank as null",
  "blank as 0",
  "text",
  "negative",
  "NaN/Infinity",
  "wrong shape",
  "mismatched sizes",
  "unknown id",
  "huge numbers",
] as const;
type Category = (typeof CATEGORIES)[number];

type Outcome =
  | { value: unknown }
  /** The same value as another call (for inputs that normalise to it). */
  | { sameAs: unknown[] }
  /** A spilled result whose every cell is this #VALUE! error (nothing computed is shown as a number). */
  | { spilledError: string }
  | { error: "#VALUE!" | "#N/A"; message: string };
interface Case {
  fn: string;
  category: Category;
  name: string;
  args: unknown[];
  expect: Outcome;
  raw?: boolean;
}

const col = (xs: unknown[]) => xs.map((x) => [x]);
const V = (message: string): Outcome => ({ error: "#VALUE!", message });
const NA = (message: string): Outcome => ({ error: "#N/A", message });
const A1_OK = [[0.92], [true], [0.96], [0.96], [true]];
const LKM = (rows: unknown[][]) => ["aldre-2014", "LKM-OLAMPLIGA", rows];
const MONTHS = [[10, 9], [10, 9], [10, 9], [10, 9], [10, 11], [10, 11]];
const A1_LABEL = "Andel barn och unga som fått en första bedömning inom 30 dagar";
const GK1_2 = "Dokumenterad uppföljning och planerade åtgärder för samverkan och delaktighet";
const AGREEMENT_LIST = "prio-2014, aldre-2014, ebp-2014, missbruk-2014, ebp-2011";
const T = GOTLAND_TABLE;
/** The Gotland table with one cell changed (row 0 = the headers). */
const withCell = (r: number, c: number, v: unknown) => T.map((row, i) => (i === r ? row.map((x, k) => (k === c ? v : x)) : row));

const SE = (message: string): Outcome => ({ spilledError: message });
const CASES: Case[] = [
  // ALLOCATION_SHEET(agreement, table): the table's errors fill the whole spill.
  { fn: "ALLOCATION_SHEET", category: "blank as null", name: "blank agreement", args: [null, T], expect: V(`agreement saknas: ange en överenskommelse (${AGREEMENT_LIST}).`) },
  { fn: "ALLOCATION_SHEET", category: "blank as 0", name: "agreement 0", args: [0, T], expect: V(`agreement saknas: ange en överenskommelse (${AGREEMENT_LIST}).`) },
  { fn: "ALLOCATION_SHEET", category: "text", name: "text in a yes/no cell", args: ["prio-2014", withCell(1, 5, "kanske")], expect: SE('table F2 (räknat i området): "kanske" är inget ja/nej-svar; skriv Ja eller Nej.') },
  { fn: "ALLOCATION_SHEET", category: "negative", name: "negative population", args: ["prio-2014", withCell(1, 4, -5)], expect: SE("table E2 (räknat i området): Folkmängden -5 är inget heltal ≥ 0.") },
  { fn: "ALLOCATION_SHEET", category: "NaN/Infinity", name: "population NaN", args: ["prio-2014", withCell(1, 4, NaN)], expect: SE("table E2 (räknat i området): Folkmängden NaN är inget heltal ≥ 0.") },
  { fn: "ALLOCATION_SHEET", category: "wrong shape", name: "headers only", args: ["prio-2014", [T[0]]], expect: V("table ska vara fördelningstabellen med rubrikraden först och minst en rad under den.") },
  { fn: "ALLOCATION_SHEET", category: "mismatched sizes", name: "a prio table read as aldre-2014", args: ["aldre-2014", T], expect: SE('table: Tabellen har ingen av svarskolumnerna för aldre-2014 (t.ex. "GK1 – Struktur för ledning och styrning i samverkan finns i länet"); gäller bladet en annan överenskommelse?') },
  { fn: "ALLOCATION_SHEET", category: "unknown id", name: "unknown agreement", args: ["x", T], expect: NA(`agreement: Okänd överenskommelse "x". Välj en av: ${AGREEMENT_LIST}.`) },
  { fn: "ALLOCATION_SHEET", category: "huge numbers", name: "population 1e300", args: ["prio-2014", withCell(1, 4, 1e300)], expect: SE("table E2 (räknat i området): Folkmängden 1e+300 är inget heltal ≥ 0.") },

  // FUND_SHARE(pot, keys, [eligible], [ids], [method])
  { fn: "FUND_SHARE", category: "blank as null", name: "blank key gets 0", args: [100, col([1, null, 3])], expect: { value: col([25, 0, 75]) } },
  { fn: "FUND_SHARE", category: "blank as null", name: "blank pot", args: [null, col([1, 2])], expect: V("pot saknas: ange ett belopp i hela kronor.") },
  { fn: "FUND_SHARE", category: "blank as null", name: "blank eligible = not eligible", args: [100, col([1, 2, 3]), col([true, null, true])], expect: { value: col([25, 0, 75]) } },
  { fn: "FUND_SHARE", category: "blank as 0", name: "key 0 gets 0", args: [100, col([1, 0, 3])], expect: { value: col([25, 0, 75]) } },
  { fn: "FUND_SHARE", category: "blank as 0", name: "pot 0", args: [0, col([1, 2])], expect: { value: col([0, 0]) } },
  { fn: "FUND_SHARE", category: "blank as 0", name: "method 0 = default", args: [100, col([1, 1, 1]), OMIT, OMIT, 0], expect: { value: col([34, 33, 33]) } },
  { fn: "FUND_SHARE", category: "text", name: "text key", args: [100, col([1, "abc", 3])], expect: V('keys rad 2: texten "abc" är inte ett tal.') },
  { fn: "FUND_SHARE", category: "text", name: "text pot", args: ["mycket", col([1, 2])], expect: V('pot måste vara ett tal i hela kronor, fick texten "mycket".') },
  { fn: "FUND_SHARE", category: "text", name: "boolean key", args: [100, col([1, true])], expect: V("keys rad 2: SANT är inte ett tal.") },
  { fn: "FUND_SHARE", category: "text", name: "text eligible", args: [100, col([1, 2]), col(["ja", "kanske"])], expect: V('eligible rad 2: texten "kanske" är inget ja/nej-svar; ange SANT/FALSKT, 1/0, "ja"/"nej" eller "x"/tom.') },
  { fn: "FUND_SHARE", category: "negative", name: "negative key", args: [100, col([1, -2, 3])], expect: V("keys rad 2: -2 är negativt; nycklar måste vara ≥ 0.") },
  { fn: "FUND_SHARE", category: "negative", name: "negative pot", args: [-100, col([1, 2])], expect: V("pot får inte vara negativt (fick -100).") },
  { fn: "FUND_SHARE", category: "NaN/Infinity", name: "NaN key", args: [100, col([1, NaN])], expect: V("keys rad 2: NaN är inte ett tal.") },
  { fn: "FUND_SHARE", category: "NaN/Infinity", name: "infinite pot", args: [Infinity, col([1, 2])], expect: V("pot: oändligt är inget belopp.") },
  { fn: "FUND_SHARE", category: "wrong shape", name: "eligible a row, keys a column", args: [100, col([1, 2, 3]), [[true, true, true]]], expect: V("keys och eligible har olika storlek (3 rader × 1 kolumn mot 1 rad × 3 kolumner).") },
  { fn: "FUND_SHARE", category: "wrong shape", name: "öre in the pot", args: [100.5, col([1, 2])], expect: V("pot måste vara hela kronor utan ören (fick 100,5).") },
  { fn: "FUND_SHARE", category: "mismatched sizes", name: "290 keys, 289 eligible", args: [100, col(Array(290).fill(1)), col(Array(289).fill(true))], expect: V("keys och eligible har olika storlek (290 mot 289 rader).") },
  { fn: "FUND_SHARE", category: "mismatched sizes", name: "ids longer than keys", args: [100, col([1, 2]), OMIT, col(["0114", "0115", "0117"])], expect: V("keys och ids har olika storlek (2 mot 3 rader).") },
  { fn: "FUND_SHARE", category: "unknown id", name: "unknown method", args: [100, col([1, 2]), OMIT, OMIT, "median"], expect: V('method: texten "median" är ingen metod; välj "largest-remainder" (standard), "round" eller "exact".') },
  { fn: "FUND_SHARE", category: "unknown id", name: "duplicate recipient code", args: [100, col([1, 2]), OMIT, col([180, "0180"])], expect: V('ids: mottagaren "0180" förekommer två gånger (rad 1 och 2).') },
  { fn: "FUND_SHARE", category: "unknown id", name: "blank id on a row with a key", args: [100, col([1, 2]), OMIT, col(["0114", null])], expect: V("ids rad 2 är tom men raden har nyckeln 2; ange mottagarens kod.") },
  { fn: "FUND_SHARE", category: "huge numbers", name: "pot beyond exact integers", args: [1e20, col([1, 2])], expect: V("pot är för stort: högst 9 007 199 254 740 991 kr kan räknas exakt i Excel.") },
  { fn: "FUND_SHARE", category: "huge numbers", name: "key 1e300", args: [100, col([1, 1e300])], expect: V("keys rad 2: talet 1e+300 är för stort.") },
  { fn: "FUND_SHARE", category: "huge numbers", name: "huge keys, exact", args: [3, col([1e15, 2e15])], expect: { value: col([1, 2]) } },

  // SPLIT(amount, [first_share])
  { fn: "SPLIT", category: "blank as null", name: "blank amount", args: [null], expect: V("amount saknas: ange ett belopp i hela kronor.") },
  { fn: "SPLIT", category: "blank as null", name: "blank first_share = 70 %", args: [1000, null], expect: { value: [[700, 300]] } },
  { fn: "SPLIT", category: "blank as 0", name: "amount 0", args: [0], expect: { value: [[0, 0]] } },
  { fn: "SPLIT", category: "blank as 0", name: "first_share 0 = all to landsting", args: [1000, 0], expect: { value: [[0, 1000]] } },
  { fn: "SPLIT", category: "text", name: "text amount", args: ["abc"], expect: V('amount måste vara ett tal i hela kronor, fick texten "abc".') },
  { fn: "SPLIT", category: "text", name: "text share", args: [1000, "sjuttio"], expect: V('first_share måste vara en andel, t.ex. 0,7 eller "70 %" (fick texten "sjuttio").') },
  { fn: "SPLIT", category: "negative", name: "negative amount", args: [-1000], expect: V("amount får inte vara negativt (fick -1000).") },
  { fn: "SPLIT", category: "negative", name: "negative share", args: [1000, -0.1], expect: V("first_share får inte vara negativ (fick -0,1).") },
  { fn: "SPLIT", category: "NaN/Infinity", name: "NaN amount", args: [NaN], expect: V("amount: NaN är inget belopp.") },
  { fn: "SPLIT", category: "NaN/Infinity", name: "infinite share", args: [1000, Infinity], expect: V("first_share: oändligt är ingen andel.") },
  { fn: "SPLIT", category: "wrong shape", name: "a range for amount", args: [[[1, 2], [3, 4]]], raw: true, expect: V("amount ska vara ett enda värde, inte ett område.") },
  { fn: "SPLIT", category: "wrong shape", name: "a 1×1 range is its value", args: [[[1000]]], raw: true, expect: { value: [[700, 300]] } },
  { fn: "SPLIT", category: "mismatched sizes", name: "share over 100 %", args: [1000, "150 %"], expect: V('first_share måste vara högst 100 % (fick texten "150 %").') },
  { fn: "SPLIT", category: "unknown id", name: "ambiguous 70", args: [1000, 70], expect: V('first_share är 70: ange andelen som 0–1 (t.ex. 0,7) eller som procent med %-tecken ("70 %").') },
  { fn: "SPLIT", category: "huge numbers", name: "amount beyond exact integers", args: [1e16], expect: V("amount är för stort: högst 9 007 199 254 740 991 kr kan räknas exakt i Excel.") },
  { fn: "SPLIT", category: "huge numbers", name: "öre", args: [1000.5], expect: V("amount måste vara hela kronor utan ören (fick 1000,5).") },

  // POT(agreement, pot_id)
  { fn: "POT", category: "blank as null", name: "blank agreement", args: [null, "A1"], expect: V(`agreement saknas: ange en överenskommelse (${AGREEMENT_LIST}).`) },
  { fn: "POT", category: "blank as null", name: "blank pot_id", args: ["prio-2014", null], expect: V("pot_id saknas: ange ett id (se STIM.CRITERIA, STIM.SOURCE).") },
  { fn: "POT", category: "blank as 0", name: "agreement 0", args: [0, "A1"], expect: V(`agreement saknas: ange en överenskommelse (${AGREEMENT_LIST}).`) },
  { fn: "POT", category: "blank as 0", name: "pot_id 0", args: ["prio-2014", 0], expect: V("pot_id saknas: ange ett id (se STIM.CRITERIA, STIM.SOURCE).") },
  { fn: "POT", category: "text", name: "unknown pot text", args: ["prio-2014", "abc"], expect: NA('pot_id: Okänd pott "abc" i prio-2014. Potter: A1, A2, A3, A4, B1, B2, B3, SKL-SAMORDNING, SKL-BARN, SKL-VUXNA.') },
  { fn: "POT", category: "text", name: "boolean agreement", args: [true, "A1"], expect: V(`agreement: SANT är ingen överenskommelse; ange en av ${AGREEMENT_LIST}.`) },
  { fn: "POT", category: "negative", name: "pot_id -1", args: ["prio-2014", -1], expect: NA('pot_id: Okänd pott "-1" i prio-2014. Potter: A1, A2, A3, A4, B1, B2, B3, SKL-SAMORDNING, SKL-BARN, SKL-VUXNA.') },
  { fn: "POT", category: "negative", name: "agreement -1", args: [-1, "A1"], expect: V(`agreement: -1 är ingen överenskommelse; ange en av ${AGREEMENT_LIST}.`) },
  { fn: "POT", category: "NaN/Infinity", name: "pot_id NaN", args: ["prio-2014", NaN], expect: V("pot_id: NaN är ingen text.") },
  { fn: "POT", category: "wrong shape", name: "a range for agreement", args: [[["prio-2014", "aldre-2014"]], "A1"], raw: true, expect: V("agreement ska vara ett enda värde, inte ett område.") },
  { fn: "POT", category: "mismatched sizes", name: "a pot of another agreement", args: ["ebp-2014", "A1"], expect: NA('pot_id: Okänd pott "A1" i ebp-2014. Potter: EBP-LAN, EBP-OJ, EBP-NATIONELLT, EHALSA-SAMORDNARE, EHALSA-AKTIVITETER, EHALSA-NATIONELLT.') },
  { fn: "POT", category: "unknown id", name: "unknown agreement", args: ["prio-2099", "A1"], expect: NA(`agreement: Okänd överenskommelse "prio-2099". Välj en av: ${AGREEMENT_LIST}.`) },
  { fn: "POT", category: "huge numbers", name: "pot_id 1e300", args: ["prio-2014", 1e300], expect: NA('pot_id: Okänd pott "1e+300" i prio-2014. Potter: A1, A2, A3, A4, B1, B2, B3, SKL-SAMORDNING, SKL-BARN, SKL-VUXNA.') },

  // POPULATION(code)
  { fn: "POPULATION", category: "blank as null", name: "blank code", args: [[[null]]], expect: V("code saknas: ange en kommunkod (t.ex. 0180) eller länskod (t.ex. 01).") },
  { fn: "POPULATION", category: "blank as null", name: "blank in a range", args: [col([180, null])], expect: { value: col([897700, ""]) } },
  { fn: "POPULATION", category: "blank as 0", name: "code 0", args: [[[0]]], expect: V("code saknas: ange en kommunkod (t.ex. 0180) eller länskod (t.ex. 01).") },
  { fn: "POPULATION", category: "blank as 0", name: "0 in a range", args: [col([180, 0])], expect: { value: col([897700, ""]) } },
  { fn: "POPULATION", category: "text", name: "text code", args: [[["Stockholm"]]], expect: V('code: texten "Stockholm" är ingen kod; ange en kommunkod (t.ex. "0180" eller 180) eller länskod (t.ex. "01").') },
  { fn: "POPULATION", category: "negative", name: "negative code", args: [[[-180]]], expect: V("code: -180 är ingen kod; ange en kommunkod (t.ex. 0180 eller 180) eller länskod (t.ex. 01).") },
  { fn: "POPULATION", category: "NaN/Infinity", name: "NaN code", args: [[[NaN]]], expect: V("code: NaN är ingen kod; ange en kommunkod (t.ex. 0180 eller 180) eller länskod (t.ex. 01).") },
  { fn: "POPULATION", category: "wrong shape", name: "a 2×2 range spills 2×2", args: [[[180, 1], ["0114", "03"]]], expect: { value: [[897700, 2163042], [41449, 345481]] } },
  { fn: "POPULATION", category: "mismatched sizes", name: "180.5", args: [[[180.5]]], expect: V("code: 180,5 är ingen kod; ange en kommunkod (t.ex. 0180 eller 180) eller länskod (t.ex. 01).") },
  { fn: "POPULATION", category: "unknown id", name: "kommunkod 9999", args: [[[9999]]], expect: NA("code: ingen kommun eller inget län har koden 9999.") },
  { fn: "POPULATION", category: "unknown id", name: "länskod 02 (none)", args: [[["02"]]], expect: NA('code: ingen kommun eller inget län har koden "02".') },
  { fn: "POPULATION", category: "huge numbers", name: "1e20", args: [[[1e20]]], expect: V("code: 100000000000000000000 är ingen kod; ange en kommunkod (t.ex. 0180 eller 180) eller länskod (t.ex. 01).") },

  // GRUNDKRAV_MET(agreement, requirement_id, answers)
  { fn: "GRUNDKRAV_MET", category: "blank as null", name: "a blank answer", args: ["prio-2014", "GK1", col([true, null, true, true])], expect: NA(`uppgift saknas: ${GK1_2}.`) },
  { fn: "GRUNDKRAV_MET", category: "blank as null", name: "blank requirement", args: ["prio-2014", null, col([true])], expect: V("requirement_id saknas: ange ett id (se STIM.CRITERIA, STIM.SOURCE).") },
  { fn: "GRUNDKRAV_MET", category: "blank as 0", name: "0 is no", args: ["prio-2014", "GK1", col([true, 0, true, true])], expect: { value: false } },
  { fn: "GRUNDKRAV_MET", category: "text", name: "not a yes/no", args: ["prio-2014", "GK1", col([true, "kanske", true, true])], expect: V(`answers rad 2 (${GK1_2}): texten "kanske" är inget ja/nej-svar; ange SANT/FALSKT, 1/0, "ja"/"nej" eller "x"/tom.`) },
  { fn: "GRUNDKRAV_MET", category: "negative", name: "-1", args: ["prio-2014", "GK1", col([true, -1, true, true])], expect: V(`answers rad 2 (${GK1_2}): -1 är inget ja/nej-svar; ange SANT/FALSKT, 1/0, "ja"/"nej" eller "x"/tom.`) },
  { fn: "GRUNDKRAV_MET", category: "NaN/Infinity", name: "NaN", args: ["prio-2014", "GK1", col([true, NaN, true, true])], expect: V(`answers rad 2 (${GK1_2}): NaN är inget ja/nej-svar; ange SANT/FALSKT, 1/0, "ja"/"nej" eller "x"/tom.`) },
  { fn: "GRUNDKRAV_MET", category: "wrong shape", name: "too few rows", args: ["prio-2014", "GK1", col([true, true])], expect: V("answers har 2 rader men GK1 behöver 4: en rad per rad i STIM.CRITERIA.") },
  { fn: "GRUNDKRAV_MET", category: "wrong shape", name: "too few cells in a row", args: ["prio-2014", "GK1", [[true, true, true]]], expect: V("answers har 3 kolumner men GK1 har 4 kriterier: ange ett värde per kriterium (se STIM.CRITERIA).") },
  { fn: "GRUNDKRAV_MET", category: "mismatched sizes", name: "an answer too many", args: ["prio-2014", "GK1", col([true, true, true, true, true])], expect: V("answers rad 5: GK1 behöver bara 4 rader (fick SANT).") },
  { fn: "GRUNDKRAV_MET", category: "unknown id", name: "unknown requirement", args: ["prio-2014", "GK9", col([true])], expect: NA('requirement_id: okänt grundkrav "GK9" i prio-2014; finns: GK1, GK2.') },
  { fn: "GRUNDKRAV_MET", category: "unknown id", name: "an agreement without requirements", args: ["ebp-2014", "GK1", col([true])], expect: NA("requirement_id: ebp-2014 har inga grundkrav.") },
  { fn: "GRUNDKRAV_MET", category: "unknown id", name: "a goal is not a requirement", args: ["prio-2014", "A1", col([true])], expect: NA('requirement_id: okänt grundkrav "A1" i prio-2014; finns: GK1, GK2.') },
  { fn: "GRUNDKRAV_MET", category: "huge numbers", name: "1e300", args: ["prio-2014", "GK1", col([1e300, true, true, true])], expect: V(`answers rad 1 (Samverkansöverenskommelsen har det innehåll som grundkravet beskriver): 1e+300 är inget ja/nej-svar; ange SANT/FALSKT, 1/0, "ja"/"nej" eller "x"/tom.`) },

  // GRUNDKRAV_COUNTY(met, populations)
  { fn: "GRUNDKRAV_COUNTY", category: "blank as null", name: "a blank verdict that decides", args: [col([true, null, false]), col([700, 200, 100])], expect: NA("uppgift saknas: met för 1 kommun (rad 2); utan dem når täckningen inte gränsen, med dem gör den det.") },
  { fn: "GRUNDKRAV_COUNTY", category: "blank as null", name: "a blank population", args: [col([true, true]), col([700, null])], expect: V("populations rad 2 saknas (met är SANT); ange kommunens folkmängd.") },
  { fn: "GRUNDKRAV_COUNTY", category: "blank as 0", name: "met 0 is not met", args: [col([true, 0, true]), col([600, 300, 100])], expect: { value: false } },
  { fn: "GRUNDKRAV_COUNTY", category: "blank as 0", name: "all populations 0", args: [col([true, true]), col([0, 0])], expect: V("populations summerar till 0; ange kommunernas folkmängd.") },
  { fn: "GRUNDKRAV_COUNTY", category: "text", name: "text population", args: [col([true, true]), col([700, "många"])], expect: V('populations rad 2: texten "många" är inte ett tal.') },
  { fn: "GRUNDKRAV_COUNTY", category: "text", name: "text verdict", args: [col([true, "kanske"]), col([700, 100])], expect: V('met rad 2: texten "kanske" är inget ja/nej-svar; ange SANT/FALSKT, 1/0, "ja"/"nej" eller "x"/tom.') },
  { fn: "GRUNDKRAV_COUNTY", category: "negative", name: "negative population", args: [col([true, true]), col([700, -100])], expect: V("populations rad 2: -100 är ingen folkmängd; ange ett heltal ≥ 0.") },
  { fn: "GRUNDKRAV_COUNTY", category: "NaN/Infinity", name: "infinite population", args: [col([true, true]), col([700, Infinity])], expect: V("populations rad 2: oändligt är inte ett ändligt tal.") },
  { fn: "GRUNDKRAV_COUNTY", category: "wrong shape", name: "row against column", args: [[[true, true, false]], col([700, 200, 100])], expect: V("met och populations har olika storlek (1 rad × 3 kolumner mot 3 rader × 1 kolumn).") },
  { fn: "GRUNDKRAV_COUNTY", category: "mismatched sizes", name: "3 against 2 rows", args: [col([true, true, false]), col([700, 200])], expect: V("met och populations har olika storlek (3 mot 2 rader).") },
  { fn: "GRUNDKRAV_COUNTY", category: "unknown id", name: "nothing entered", args: [col([null, null]), col([null, 0])], expect: NA("met och populations är tomma: ange en rad per kommun i länet.") },
  { fn: "GRUNDKRAV_COUNTY", category: "huge numbers", name: "population 1e20", args: [col([true, true]), col([700, 1e20])], expect: V("populations rad 2: 100000000000000000000 är ingen folkmängd; ange ett heltal ≥ 0.") },
  { fn: "GRUNDKRAV_COUNTY", category: "huge numbers", name: "largest exact populations", args: [col([true, false]), col([4e15, 1e15])], expect: { value: true } },

  // GOAL_MET(agreement, goal_id, inputs)
  { fn: "GOAL_MET", category: "blank as null", name: "a blank share", args: ["prio-2014", "A1", [[null], [true], [0.96], [0.96], [true]]], expect: NA(`uppgift saknas: ${A1_LABEL}.`) },
  { fn: "GOAL_MET", category: "blank as null", name: "all blank", args: ["prio-2014", "A1", col([null, null, null, null, null])], expect: NA(`uppgift saknas: ${A1_LABEL}; Väntetider rapporteras enligt överenskommet regelverk; Svarsfrekvens till Väntetider i vården, första besök (och 2 till).`) },
  { fn: "GOAL_MET", category: "blank as 0", name: "share 0 % is not met", args: ["prio-2014", "A1", [[0], [true], [0.96], [0.96], [true]]], expect: { value: false } },
  { fn: "GOAL_MET", category: "blank as 0", name: "month value 0 counts as a value", args: LKM([[10, 0], [10, 0], [10, 0], [10, 0], [0, 0], [0, 0]]), expect: { value: true } },
  { fn: "GOAL_MET", category: "text", name: "text share", args: ["prio-2014", "A1", [["hög"], [true], [0.96], [0.96], [true]]], expect: V(`inputs rad 1 (${A1_LABEL}) måste vara en andel, t.ex. 0,7 eller "70 %" (fick texten "hög").`) },
  { fn: "GOAL_MET", category: "text", name: "text month value", args: LKM([[10, 9], ["tio", 9], [10, 9], [10, 9], [10, 9], [10, 9]]), expect: V('inputs rad 2, kolumn 1 (Indikatorn Olämpliga läkemedel lägre än samma månad 2013): texten "tio" är inte ett tal.') },
  { fn: "GOAL_MET", category: "negative", name: "negative share", args: ["prio-2014", "A1", [[-0.5], [true], [0.96], [0.96], [true]]], expect: V(`inputs rad 1 (${A1_LABEL}) får inte vara negativ (fick -0,5).`) },
  { fn: "GOAL_MET", category: "negative", name: "negative month value", args: LKM([[10, 9], [10, -9], [10, 9], [10, 9], [10, 9], [10, 9]]), expect: V("inputs rad 2, kolumn 2 (Indikatorn Olämpliga läkemedel lägre än samma månad 2013): -9 är negativt; månadsvärden är tal ≥ 0.") },
  { fn: "GOAL_MET", category: "NaN/Infinity", name: "NaN share", args: ["prio-2014", "A1", [[NaN], [true], [0.96], [0.96], [true]]], expect: V(`inputs rad 1 (${A1_LABEL}) måste vara en andel, t.ex. 0,7 eller "70 %" (fick NaN).`) },
  { fn: "GOAL_MET", category: "NaN/Infinity", name: "infinite month value", args: LKM([[10, 9], [10, Infinity], [10, 9], [10, 9], [10, 9], [10, 9]]), expect: V("inputs rad 2, kolumn 2 (Indikatorn Olämpliga läkemedel lägre än samma månad 2013): oändligt är inte ett ändligt tal.") },
  { fn: "GOAL_MET", category: "wrong shape", name: "one column for months", args: LKM(col([10, 10, 10, 10, 10, 10])), expect: V("inputs behöver två kolumner för Indikatorn Olämpliga läkemedel lägre än samma månad 2013 (föregående år | innevarande år).") },
  { fn: "GOAL_MET", category: "wrong shape", name: "a third column", args: LKM(MONTHS.map((r) => [...r, 5])), expect: V("inputs rad 1, kolumn 3: LKM-OLAMPLIGA använder högst 2 kolumner (fick 5).") },
  { fn: "GOAL_MET", category: "mismatched sizes", name: "5 months", args: LKM(MONTHS.slice(0, 5)), expect: V("inputs har 5 rader men LKM-OLAMPLIGA behöver 6: en rad per rad i STIM.CRITERIA.") },
  { fn: "GOAL_MET", category: "mismatched sizes", name: "part larger than total", args: ["prio-2014", "A1", [[101, 100], [true, null], [0.96, null], [0.96, null], [true, null]]], expect: V(`inputs rad 1 (${A1_LABEL}): antal (101) är större än totalt (100); en andel över 100 % anges som 100 %.`) },
  { fn: "GOAL_MET", category: "unknown id", name: "unknown goal", args: ["prio-2014", "A9", A1_OK], expect: NA('goal_id: okänt prestationsmål "A9" i prio-2014; finns: A-FORUTSATTNING, A1, A2, A3, A4, B1, B2, B3.') },
  { fn: "GOAL_MET", category: "unknown id", name: "unknown agreement", args: ["prio", "A1", A1_OK], expect: NA(`agreement: Okänd överenskommelse "prio". Välj en av: ${AGREEMENT_LIST}.`) },
  { fn: "GOAL_MET", category: "huge numbers", name: "share 90 (ambiguous)", args: ["prio-2014", "A1", [[90], [true], [0.96], [0.96], [true]]], expect: V(`inputs rad 1 (${A1_LABEL}) är 90: ange andelen som 0–1 (t.ex. 0,7) eller som procent med %-tecken ("70 %").`) },
  { fn: "GOAL_MET", category: "huge numbers", name: "month value 1e300", args: LKM([[10, 9], [10, 1e300], [10, 9], [10, 9], [10, 9], [10, 9]]), expect: V("inputs rad 2, kolumn 2 (Indikatorn Olämpliga läkemedel lägre än samma månad 2013): talet 1e+300 är för stort.") },

  // CRITERIA(agreement, id)
  { fn: "CRITERIA", category: "blank as null", name: "blank id", args: ["prio-2014", null], expect: V("id saknas: ange ett id (se STIM.CRITERIA, STIM.SOURCE).") },
  { fn: "CRITERIA", category: "blank as 0", name: "id 0", args: ["prio-2014", 0], expect: V("id saknas: ange ett id (se STIM.CRITERIA, STIM.SOURCE).") },
  { fn: "CRITERIA", category: "text", name: "unknown text id", args: ["prio-2014", "abc"], expect: NA('id: okänt grundkrav eller mål "abc" i prio-2014; finns: GK1, GK2, A-FORUTSATTNING, A1, A2, A3, A4, B1, B2, B3.') },
  { fn: "CRITERIA", category: "negative", name: "id -1", args: ["prio-2014", -1], expect: NA('id: okänt grundkrav eller mål "-1" i prio-2014; finns: GK1, GK2, A-FORUTSATTNING, A1, A2, A3, A4, B1, B2, B3.') },
  { fn: "CRITERIA", category: "NaN/Infinity", name: "id Infinity", args: ["prio-2014", Infinity], expect: V("id: oändligt är ingen text.") },
  { fn: "CRITERIA", category: "wrong shape", name: "a range for id", args: ["prio-2014", [["GK1"], ["GK2"]]], raw: true, expect: V("id ska vara ett enda värde, inte ett område.") },
  { fn: "CRITERIA", category: "mismatched sizes", name: "an agreement without rules", args: ["missbruk-2014", "GK1"], expect: NA("id: missbruk-2014 har inga grundkrav eller mål.") },
  { fn: "CRITERIA", category: "unknown id", name: "unknown agreement", args: ["x", "GK1"], expect: NA(`agreement: Okänd överenskommelse "x". Välj en av: ${AGREEMENT_LIST}.`) },
  { fn: "CRITERIA", category: "huge numbers", name: "id 1e300", args: ["prio-2014", 1e300], expect: NA('id: okänt grundkrav eller mål "1e+300" i prio-2014; finns: GK1, GK2, A-FORUTSATTNING, A1, A2, A3, A4, B1, B2, B3.') },

  // MONTHS_LOWER(previous, current)
  { fn: "MONTHS_LOWER", category: "blank as null", name: "one side blank", args: [col([10, 10]), col([9, null])], expect: NA("uppgift saknas: current rad 2 (previous är 10).") },
  { fn: "MONTHS_LOWER", category: "blank as null", name: "both blank: skipped", args: [col([10, null]), col([9, null])], expect: { value: 1 } },
  { fn: "MONTHS_LOWER", category: "blank as 0", name: "0 is a value", args: [col([10, 0]), col([0, 0])], expect: { value: 1 } },
  { fn: "MONTHS_LOWER", category: "text", name: "text value", args: [col(["tio", 10]), col([9, 9])], expect: V('previous rad 1: texten "tio" är inte ett tal.') },
  { fn: "MONTHS_LOWER", category: "text", name: "boolean value", args: [col([10, 10]), col([9, false])], expect: V("current rad 2: FALSKT är inte ett tal.") },
  { fn: "MONTHS_LOWER", category: "negative", name: "negative values compare", args: [col([-1, -1]), col([-2, 0])], expect: { value: 1 } },
  { fn: "MONTHS_LOWER", category: "NaN/Infinity", name: "NaN", args: [col([10, NaN]), col([9, 9])], expect: V("previous rad 2: NaN är inte ett tal.") },
  { fn: "MONTHS_LOWER", category: "NaN/Infinity", name: "-Infinity", args: [col([10, 10]), col([9, -Infinity])], expect: V("current rad 2: minus oändligt är inte ett ändligt tal.") },
  { fn: "MONTHS_LOWER", category: "wrong shape", name: "row against column", args: [[[10, 10]], col([9, 9])], expect: V("previous och current har olika storlek (1 rad × 2 kolumner mot 2 rader × 1 kolumn).") },
  { fn: "MONTHS_LOWER", category: "mismatched sizes", name: "6 against 5", args: [col([1, 1, 1, 1, 1, 1]), col([0, 0, 0, 0, 0])], expect: V("previous och current har olika storlek (6 mot 5 rader).") },
  { fn: "MONTHS_LOWER", category: "unknown id", name: "nothing entered", args: [col([null]), col([null])], expect: NA("uppgift saknas: previous och current är tomma.") },
  { fn: "MONTHS_LOWER", category: "huge numbers", name: "1e300", args: [col([1e300]), col([9])], expect: V("previous rad 1: talet 1e+300 är för stort.") },
  { fn: "MONTHS_LOWER", category: "huge numbers", name: "1e15 and 1e15 - 1", args: [col([1e15]), col([1e15 - 1])], expect: { value: 1 } },

  // EXPLAIN(agreement, id, inputs): inputs errors as GOAL_MET; blanks are explained
  { fn: "EXPLAIN", category: "blank as null", name: "blank inputs are explained", args: ["prio-2014", "GK1", col([null, null, null, null])], expect: { value: "GK1 Grundkrav 1: Samverkansöverenskommelser (Psykisk ohälsa 2014 §3.4.1): uppgift saknas för Samverkansöverenskommelsen har det innehåll som grundkravet beskriver, Dokumenterad uppföljning och planerade åtgärder för samverkan och delaktighet, Brukar- och anhörigorganisationer har lämnat synpunkter, och synpunkterna redovisas, Vid ny överenskommelse 2014: uppföljning gjord och handlingsplan upprättad (ja, nej eller ej aktuellt). Samverkansöverenskommelsen har det innehåll som grundkravet beskriver: uppgift saknas (Psykisk ohälsa 2014 §3.4.1). Dokumenterad uppföljning och planerade åtgärder för samverkan och delaktighet: uppgift saknas (Psykisk ohälsa 2014 §3.4.1). Brukar- och anhörigorganisationer har lämnat synpunkter, och synpunkterna redovisas: uppgift saknas (Psykisk ohälsa 2014 §3.4.1). Vid ny överenskommelse 2014: uppföljning gjord och handlingsplan upprättad (ja, nej eller ej aktuellt): uppgift saknas (Psykisk ohälsa 2014 §3.4.1). Antaganden: Vem besvarar grundkrav 1: Varje kommun och landsting besvarar kravet för sig (standardval) [prio-2014/gk1-answered-by]; Grundkrav 1 för den som inte beslutat ny överenskommelse 2014: ”Ej aktuellt” räknas som uppfyllt (standardval) [prio-2014/gk1-ny-overenskommelse]." } },
  { fn: "EXPLAIN", category: "blank as null", name: "blank id", args: ["prio-2014", null, col([true])], expect: V("id saknas: ange ett id (se STIM.CRITERIA, STIM.SOURCE).") },
  { fn: "EXPLAIN", category: "blank as 0", name: "0 answers are no", args: ["prio-2014", "A3", [[0, 0, 0]]], expect: { value: "A3 Prestationsmål A 3: samordnade individuella planer (kommuner) (Psykisk ohälsa 2014 §3.4.2): inte uppfyllt (brister: Rapporterat antal samordnade individuella planer för barn och unga t.o.m. 17 år och uppskattat behovet, Samma uppgifter för placerade barn och unga (HVB, familjehem enligt SoL, samtliga LVU-placerade), Svarat ja om handlingsplan för samordnade individuella planer 2015 och redovisat åtgärderna). Rapporterat antal samordnade individuella planer för barn och unga t.o.m. 17 år och uppskattat behovet: nej (Psykisk ohälsa 2014 §3.4.2) → inte uppfyllt. Samma uppgifter för placerade barn och unga (HVB, familjehem enligt SoL, samtliga LVU-placerade): nej (Psykisk ohälsa 2014 §3.4.2) → inte uppfyllt. Svarat ja om handlingsplan för samordnade individuella planer 2015 och redovisat åtgärderna: nej (Psykisk ohälsa 2014 §3.4.2) → inte uppfyllt." } },
  { fn: "EXPLAIN", category: "text", name: "text share", args: ["prio-2014", "A1", [["hög"], [true], [0.96], [0.96], [true]]], expect: V(`inputs rad 1 (${A1_LABEL}) måste vara en andel, t.ex. 0,7 eller "70 %" (fick texten "hög").`) },
  { fn: "EXPLAIN", category: "negative", name: "negative month value", args: ["aldre-2014", "LKM-OLAMPLIGA", [[10, 9], [10, -9], [10, 9], [10, 9], [10, 9], [10, 9]]], expect: V("inputs rad 2, kolumn 2 (Indikatorn Olämpliga läkemedel lägre än samma månad 2013): -9 är negativt; månadsvärden är tal ≥ 0.") },
  { fn: "EXPLAIN", category: "NaN/Infinity", name: "NaN answer", args: ["prio-2014", "GK2", col(Array(10).fill(NaN))], expect: V('inputs rad 1 (Webbaserad information (eller motsvarande) om vart barn, unga och familjer vänder sig): NaN är inget ja/nej-svar; ange SANT/FALSKT, 1/0, "ja"/"nej" eller "x"/tom.') },
  { fn: "EXPLAIN", category: "wrong shape", name: "too few rows", args: ["prio-2014", "GK1", col([true])], expect: V("inputs har 1 rad men GK1 behöver 4: en rad per rad i STIM.CRITERIA.") },
  { fn: "EXPLAIN", category: "mismatched sizes", name: "indicator block too short", args: ["aldre-2014", "PALL1", [[0.7, null], [0.3, 0.35], [0.5, 0.55], [0.4, 0.45]]], expect: V("inputs har 4 rader men PALL1 behöver 5: en rad per rad i STIM.CRITERIA.") },
  { fn: "EXPLAIN", category: "unknown id", name: "unknown rule", args: ["prio-2014", "Z", col([true])], expect: NA('id: okänt grundkrav eller mål "Z" i prio-2014; finns: GK1, GK2, A-FORUTSATTNING, A1, A2, A3, A4, B1, B2, B3.') },
  { fn: "EXPLAIN", category: "huge numbers", name: "indicator 45 (ambiguous)", args: ["aldre-2014", "PALL1", [[0.7, null], [30, 35], [0.5, 0.55], [0.4, 0.45], [0.6, 0.65]]], expect: V('inputs rad 2, kolumn 1 (Genomsnittlig förbättring för fyra indikatorer i Svenska palliativregistret) är 30: ange andelen som 0–1 (t.ex. 0,7) eller som procent med %-tecken ("70 %").') },

  // SOURCE(agreement, id)
  { fn: "SOURCE", category: "blank as null", name: "blank id", args: ["prio-2014", null], expect: V("id saknas: ange ett id (se STIM.CRITERIA, STIM.SOURCE).") },
  { fn: "SOURCE", category: "blank as 0", name: "agreement 0", args: [0, "A1"], expect: V(`agreement saknas: ange en överenskommelse (${AGREEMENT_LIST}).`) },
  { fn: "SOURCE", category: "text", name: "unknown text", args: ["prio-2014", "Z"], expect: NA('id: "Z" är ingen pott, inget grundkrav, mål eller antagande i prio-2014; potter: A1, A2, A3, A4, B1, B2, B3, SKL-SAMORDNING, SKL-BARN, SKL-VUXNA.') },
  { fn: "SOURCE", category: "negative", name: "id -1", args: ["prio-2014", -1], expect: NA('id: "-1" är ingen pott, inget grundkrav, mål eller antagande i prio-2014; potter: A1, A2, A3, A4, B1, B2, B3, SKL-SAMORDNING, SKL-BARN, SKL-VUXNA.') },
  { fn: "SOURCE", category: "NaN/Infinity", name: "id NaN", args: ["prio-2014", NaN], expect: V("id: NaN är ingen text.") },
  { fn: "SOURCE", category: "wrong shape", name: "a range for id", args: ["prio-2014", [["A1", "A2"]]], raw: true, expect: V("id ska vara ett enda värde, inte ett område.") },
  { fn: "SOURCE", category: "mismatched sizes", name: "a criterion of another rule", args: ["prio-2014", "GK2/innehall"], expect: NA('id: "GK2/innehall" är ingen pott, inget grundkrav, mål eller antagande i prio-2014; potter: A1, A2, A3, A4, B1, B2, B3, SKL-SAMORDNING, SKL-BARN, SKL-VUXNA.') },
  { fn: "SOURCE", category: "unknown id", name: "unknown agreement", args: ["ebp-2015", "A1"], expect: NA(`agreement: Okänd överenskommelse "ebp-2015". Välj en av: ${AGREEMENT_LIST}.`) },
  { fn: "SOURCE", category: "huge numbers", name: "id 1e300", args: ["prio-2014", 1e300], expect: NA('id: "1e+300" är ingen pott, inget grundkrav, mål eller antagande i prio-2014; potter: A1, A2, A3, A4, B1, B2, B3, SKL-SAMORDNING, SKL-BARN, SKL-VUXNA.') },

  // ASSUMPTIONS(agreement)
  { fn: "ASSUMPTIONS", category: "blank as null", name: "blank agreement", args: [null], expect: V(`agreement saknas: ange en överenskommelse (${AGREEMENT_LIST}).`) },
  { fn: "ASSUMPTIONS", category: "blank as 0", name: "agreement 0", args: [0], expect: V(`agreement saknas: ange en överenskommelse (${AGREEMENT_LIST}).`) },
  { fn: "ASSUMPTIONS", category: "text", name: "unknown text", args: ["psykisk ohälsa"], expect: NA(`agreement: Okänd överenskommelse "psykisk ohälsa". Välj en av: ${AGREEMENT_LIST}.`) },
  { fn: "ASSUMPTIONS", category: "negative", name: "-2014", args: [-2014], expect: V(`agreement: -2014 är ingen överenskommelse; ange en av ${AGREEMENT_LIST}.`) },
  { fn: "ASSUMPTIONS", category: "NaN/Infinity", name: "NaN", args: [NaN], expect: V(`agreement: NaN är ingen överenskommelse; ange en av ${AGREEMENT_LIST}.`) },
  { fn: "ASSUMPTIONS", category: "wrong shape", name: "a range", args: [[["prio-2014"], ["aldre-2014"]]], raw: true, expect: V("agreement ska vara ett enda värde, inte ett område.") },
  { fn: "ASSUMPTIONS", category: "mismatched sizes", name: "a 1×1 range is its value", args: [[[" PRIO-2014 "]]], raw: true, expect: { sameAs: ["prio-2014"] } },
  { fn: "ASSUMPTIONS", category: "unknown id", name: "unknown agreement", args: ["x"], expect: NA(`agreement: Okänd överenskommelse "x". Välj en av: ${AGREEMENT_LIST}.`) },
  { fn: "ASSUMPTIONS", category: "huge numbers", name: "1e300", args: [1e300], expect: V(`agreement: 1e+300 är ingen överenskommelse; ange en av ${AGREEMENT_LIST}.`) },

  // ALLOCATION(agreement, table, row, pot_id), ALLOCATION_STATUS(agreement, table, row, [pot_id]), UNALLOCATED(agreement, table, pot_id)
  // over the allocation table of Gotland (header row, Gotland kommun, Region Gotland), fictional demo answers.
  { fn: "ALLOCATION", category: "blank as null", name: "blank row", args: ["prio-2014", T, null, "B3"], expect: V("row saknas: ange radens nummer i tabellen (1 = raden under rubrikerna), t.ex. ROW()-ROW(rubrikcellen).") },
  { fn: "ALLOCATION", category: "blank as null", name: "blank agreement", args: [null, T, 1, "B3"], expect: V(`agreement saknas: ange en överenskommelse (${AGREEMENT_LIST}).`) },
  { fn: "ALLOCATION", category: "blank as 0", name: "row 0", args: ["prio-2014", T, 0, "B3"], expect: V("row saknas: ange radens nummer i tabellen (1 = raden under rubrikerna), t.ex. ROW()-ROW(rubrikcellen).") },
  { fn: "ALLOCATION", category: "blank as 0", name: "pot_id 0", args: ["prio-2014", T, 1, 0], expect: V('pot_id saknas: ange pottens id, t.ex. "A1".') },
  { fn: "ALLOCATION", category: "text", name: "text in a yes/no cell of the table", args: ["prio-2014", withCell(1, 5, "kanske"), 1, "B3"], expect: V('table F2 (räknat i området): "kanske" är inget ja/nej-svar; skriv Ja eller Nej.') },
  { fn: "ALLOCATION", category: "text", name: "text row", args: ["prio-2014", T, "första", "B3"], expect: V('row: texten "första" är inget radnummer; ange ett heltal ≥ 1 (1 = raden under rubrikerna).') },
  { fn: "ALLOCATION", category: "negative", name: "row -1", args: ["prio-2014", T, -1, "B3"], expect: V("row: -1 är inget radnummer; ange ett heltal ≥ 1 (1 = raden under rubrikerna).") },
  { fn: "ALLOCATION", category: "NaN/Infinity", name: "row NaN", args: ["prio-2014", T, NaN, "B3"], expect: V("row: NaN är inget radnummer; ange ett heltal ≥ 1 (1 = raden under rubrikerna).") },
  { fn: "ALLOCATION", category: "wrong shape", name: "headers only", args: ["prio-2014", [T[0]], 1, "B3"], expect: V("table ska vara fördelningstabellen med rubrikraden först och minst en rad under den.") },
  { fn: "ALLOCATION", category: "wrong shape", name: "row 1,5", args: ["prio-2014", T, 1.5, "B3"], expect: V("row: 1,5 är inget radnummer; ange ett heltal ≥ 1 (1 = raden under rubrikerna).") },
  { fn: "ALLOCATION", category: "mismatched sizes", name: "row beyond the table", args: ["prio-2014", T, 5, "B3"], expect: V("row: rad 5 ligger utanför tabellen (2 rader).") },
  { fn: "ALLOCATION", category: "unknown id", name: "unknown pot", args: ["prio-2014", T, 1, "Z"], expect: NA('pot_id: Okänd pott "Z" i prio-2014. Potter: A1, A2, A3, A4, B1, B2, B3, SKL-SAMORDNING, SKL-BARN, SKL-VUXNA.') },
  { fn: "ALLOCATION", category: "unknown id", name: "a prio table read as aldre-2014", args: ["aldre-2014", T, 1, "PALL1"], expect: V('table: Tabellen har ingen av svarskolumnerna för aldre-2014 (t.ex. "GK1 – Struktur för ledning och styrning i samverkan finns i länet"); gäller bladet en annan överenskommelse?') },
  { fn: "ALLOCATION", category: "huge numbers", name: "row 1e300", args: ["prio-2014", T, 1e300, "B3"], expect: V("row: rad 1e+300 ligger utanför tabellen (2 rader).") },
  { fn: "ALLOCATION_STATUS", category: "blank as null", name: "blank row", args: ["prio-2014", T, null], expect: V("row saknas: ange radens nummer i tabellen (1 = raden under rubrikerna), t.ex. ROW()-ROW(rubrikcellen).") },
  { fn: "ALLOCATION_STATUS", category: "blank as null", name: "blank pot_id = the basic requirements", args: ["prio-2014", T, 1, null], expect: { value: "Ja" } },
  { fn: "ALLOCATION_STATUS", category: "blank as 0", name: "pot_id 0 = the basic requirements", args: ["prio-2014", T, 1, 0], expect: { value: "Ja" } },
  { fn: "ALLOCATION_STATUS", category: "text", name: "text in a yes/no cell", args: ["prio-2014", withCell(1, 5, "kanske"), 1], expect: V('table F2 (räknat i området): "kanske" är inget ja/nej-svar; skriv Ja eller Nej.') },
  { fn: "ALLOCATION_STATUS", category: "negative", name: "row -2", args: ["prio-2014", T, -2], expect: V("row: -2 är inget radnummer; ange ett heltal ≥ 1 (1 = raden under rubrikerna).") },
  { fn: "ALLOCATION_STATUS", category: "NaN/Infinity", name: "row Infinity", args: ["prio-2014", T, Infinity], expect: V("row: oändligt är inget radnummer; ange ett heltal ≥ 1 (1 = raden under rubrikerna).") },
  { fn: "ALLOCATION_STATUS", category: "wrong shape", name: "three columns only", args: ["prio-2014", T.map((r) => r.slice(0, 3)), 1, "A1"], expect: V('table: Tabellen har ingen av svarskolumnerna för prio-2014 (t.ex. "GK1 – Samverkansöverenskommelsen har det innehåll som grundkravet beskriver"); gäller bladet en annan överenskommelse?') },
  { fn: "ALLOCATION_STATUS", category: "mismatched sizes", name: "a duplicated row", args: ["prio-2014", [...T, T[1]], 1, "A1"], expect: V("table A4 (räknat i området): Kommun 0980 (Gotland) finns två gånger (även på rad 2); ta bort den ena raden.") },
  { fn: "ALLOCATION_STATUS", category: "unknown id", name: "unknown pot", args: ["prio-2014", T, 1, "ZZ"], expect: NA('pot_id: Okänd pott "ZZ" i prio-2014. Potter: A1, A2, A3, A4, B1, B2, B3, SKL-SAMORDNING, SKL-BARN, SKL-VUXNA.') },
  { fn: "ALLOCATION_STATUS", category: "huge numbers", name: "row 1e20", args: ["prio-2014", T, 1e20], expect: V("row: rad 100000000000000000000 ligger utanför tabellen (2 rader).") },
  { fn: "UNALLOCATED", category: "blank as null", name: "blank pot_id", args: ["prio-2014", T, null], expect: V('pot_id saknas: ange pottens id, t.ex. "A1".') },
  { fn: "UNALLOCATED", category: "blank as 0", name: "pot_id 0", args: ["prio-2014", T, 0], expect: V('pot_id saknas: ange pottens id, t.ex. "A1".') },
  { fn: "UNALLOCATED", category: "text", name: "text in a yes/no cell", args: ["prio-2014", withCell(1, 5, "kanske"), "A1"], expect: V('table F2 (räknat i området): "kanske" är inget ja/nej-svar; skriv Ja eller Nej.') },
  { fn: "UNALLOCATED", category: "negative", name: "negative population", args: ["prio-2014", withCell(1, 4, -5), "A1"], expect: V("table E2 (räknat i området): Folkmängden -5 är inget heltal ≥ 0.") },
  { fn: "UNALLOCATED", category: "NaN/Infinity", name: "pot_id NaN", args: ["prio-2014", T, NaN], expect: V("pot_id: NaN är ingen text.") },
  { fn: "UNALLOCATED", category: "wrong shape", name: "no recognisable headers", args: ["prio-2014", [["Kod"], ["0980"]], "A1"], expect: V("table: Ingen fördelningstabell hittades: ingen av de första 1 raderna har rubrikerna Kod, Namn och kriteriekolumnerna för prio-2014.") },
  { fn: "UNALLOCATED", category: "mismatched sizes", name: "an organisation pot: nothing unallocated", args: ["prio-2014", T, "SKL-BARN"], expect: { value: 0 } },
  { fn: "UNALLOCATED", category: "unknown id", name: "unknown pot", args: ["prio-2014", T, "Q"], expect: NA('pot_id: Okänd pott "Q" i prio-2014. Potter: A1, A2, A3, A4, B1, B2, B3, SKL-SAMORDNING, SKL-BARN, SKL-VUXNA.') },
  { fn: "UNALLOCATED", category: "huge numbers", name: "population 1e300", args: ["prio-2014", withCell(1, 4, 1e300), "A1"], expect: V("table E2 (räknat i området): Folkmängden 1e+300 är inget heltal ≥ 0.") },
];

let host: Host;
beforeAll(async () => {
  host = await loadHost("source");
}, 60_000);
afterAll(() => host?.close());

const FUNCTIONS_WITH_ARGUMENTS = [
  "ALLOCATION_SHEET",
  "FUND_SHARE",
  "SPLIT",
  "POT",
  "POPULATION",
  "GRUNDKRAV_MET",
  "GRUNDKRAV_COUNTY",
  "GOAL_MET",
  "CRITERIA",
  "MONTHS_LOWER",
  "EXPLAIN",
  "SOURCE",
  "ASSUMPTIONS",
  "ALLOCATION",
  "ALLOCATION_STATUS",
  "UNALLOCATED",
];

test("the matrix is complete: every function with arguments × every category", () => {
  expect(FUNCTIONS_WITH_ARGUMENTS.length + 1).toBe(host.metadata.functions.length); // + VERSION, which takes none
  for (const fn of FUNCTIONS_WITH_ARGUMENTS) {
    for (const category of CATEGORIES) {
      expect([fn, category, CASES.some((c) => c.fn === fn && c.category === category)]).toEqual([fn, category, true]);
    }
  }
});

test.each(CASES.map((c) => [c.fn, c.category, c.name, c] as const))("%s × %s: %s", (_fn, _cat, _name, c) => {
  const shown = host.call(c.fn, c.args, { raw: c.raw });
  if ("value" in c.expect) {
    expect(shown).toEqual({ kind: "value", value: c.expect.value });
  } else if ("spilledError" in c.expect) {
    expect(shown.kind).toBe("value");
    const cells = (shown as { value: unknown[][] }).value.flat() as { code?: string; message?: string }[];
    expect(cells.length).toBeGreaterThan(10);
    expect(cells.every((x) => x?.code === "#VALUE!" && x.message === (c.expect as { spilledError: string }).spilledError)).toBe(true);
  } else if ("sameAs" in c.expect) {
    expect(shown).toEqual(host.call(c.fn, c.expect.sameAs));
    expect(shown.kind).toBe("value");
  } else {
    expect(shown.kind).toBe("error");
    if (shown.kind !== "error") return;
    expect(shown.code).toBe(c.expect.error);
    expect(shown.message).toBe(c.expect.message);
  }
});

test("VERSION takes no arguments, so Excel cannot pass it bad ones", () => {
  expect(() => host.call("VERSION", [1])).toThrow("VERSION takes 0 arguments, got 1");
  expect(host.value("VERSION")).toBe("0.1.0");
});
