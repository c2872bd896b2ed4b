/**
 * Reading STIM calls in formulas (src/sheets/formulas.ts): the task pane's
 * "Förklara" finds the call in a selected cell and what its arguments point
 * at. Formulas as office.js gives them (invariant, ",") and as a Swedish
 * user types them (";"), and as Excel stores them in a file (_xldudf_).
 */
import { parseStimCall, referenceArgument, rowArgument, textArgument } from "../../src/sheets/formulas";

describe("parseStimCall", () => {
  test.each([
    ['=STIM.ALLOCATION("prio-2014",$A$7:$AC$318,ROW()-ROW($A$7),"A3")', "ALLOCATION", ['"prio-2014"', "$A$7:$AC$318", "ROW()-ROW($A$7)", '"A3"']],
    ['=STIM.GOAL_MET("prio-2014";"A1";B2:C6;"12")', "GOAL_MET", ['"prio-2014"', '"A1"', "B2:C6", '"12"']],
    ['=_xldudf_STIM_POT("prio-2014","A1")', "POT", ['"prio-2014"', '"A1"']],
    ['=IF(A1>0,STIM.POT("prio-2014","A1")*2,0)', "POT", ['"prio-2014"', '"A1"']],
    ['=stim.pot("a, b";"x""y")', "POT", ['"a, b"', '"x""y"']],
    ["=STIM.VERSION()", "VERSION", []],
    ['=STIM.FUND_SHARE(80000000,{1,2;3,4},B2:B5)', "FUND_SHARE", ["80000000", "{1,2;3,4}", "B2:B5"]],
  ])("%s", (formula, name, args) => {
    expect(parseStimCall(formula)).toEqual({ name, args });
  });

  test("no STIM call, or one that is not closed: undefined", () => {
    expect(parseStimCall("=SUM(A1:A3)")).toBeUndefined();
    expect(parseStimCall('=STIM.POT("prio-2014","A1"')).toBeUndefined();
    expect(parseStimCall("")).toBeUndefined();
  });
});

describe("arguments", () => {
  test("text literals, with doubled quotes", () => {
    expect(textArgument('"prio-2014"')).toBe("prio-2014");
    expect(textArgument(' "x""y" ')).toBe('x"y');
    expect(textArgument("A1")).toBeUndefined();
  });

  test("references: with and without a sheet, quoted sheet names, $ dropped", () => {
    expect(referenceArgument("$A$7:$AC$318")).toEqual({ address: "A7:AC318" });
    expect(referenceArgument("Blad1!b2")).toEqual({ sheet: "Blad1", address: "B2" });
    expect(referenceArgument("'Fördelning (2)'!$A$7:$AC$318")).toEqual({ sheet: "Fördelning (2)", address: "A7:AC318" });
    expect(referenceArgument("'Kalle''s'!A1")).toEqual({ sheet: "Kalle's", address: "A1" });
    expect(referenceArgument("Fordelning[#All]")).toBeUndefined();
    expect(referenceArgument('"A1"')).toBeUndefined();
  });

  test("row arguments as the allocation sheet writes them", () => {
    expect(rowArgument("ROW()-ROW($A$7)", 12)).toBe(5);
    expect(rowArgument("3", 12)).toBe(3);
    expect(rowArgument("ROW() - ROW(Blad1!A2) + 1", 4)).toBe(3);
    expect(rowArgument("B7", 12)).toBeUndefined();
    expect(rowArgument("ROW()*2", 12)).toBeUndefined();
  });
});
