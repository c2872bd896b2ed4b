/** Formula texts shown in the task pane (src/functions/formula.ts): Swedish and English Excel. */
import { SV_FUNCTIONS } from "../src/functions/sv";
import { formulaLocaleFor, formulaText, functionName } from "../src/functions/formula";

test("Swedish Excel: the Swedish name from sv.ts and semicolons", () => {
  expect(formulaText("POT", ["prio-2014", "A1"], "sv")).toBe(`=STIM.${SV_FUNCTIONS.POT.name}("prio-2014";"A1")`);
  expect(formulaText("GRUNDKRAV_MET", ["prio-2014", "GK1", { ref: "B2:B4" }], "sv")).toBe(
    `=STIM.${SV_FUNCTIONS.GRUNDKRAV_MET.name}("prio-2014";"GK1";B2:B4)`,
  );
  expect(formulaText("SPLIT", [1000, 0.7], "sv")).toBe(`=STIM.${SV_FUNCTIONS.SPLIT.name}(1000;0,7)`);
});

test("English Excel: the id and commas", () => {
  expect(formulaText("POT", ["prio-2014", "A1"], "en")).toBe('=STIM.POT("prio-2014","A1")');
  expect(formulaText("SPLIT", [1000, 0.7], "en")).toBe("=STIM.SPLIT(1000,0.7)");
});

test("quotes inside text are doubled, as Excel wants", () => {
  expect(formulaText("SOURCE", ['a"b', "x"], "en")).toBe('=STIM.SOURCE("a""b","x")');
});

test("unknown functions are refused; every function has a Swedish name", () => {
  expect(() => functionName("NOPE", "sv")).toThrow(/Okänd funktion/);
  for (const id of Object.keys(SV_FUNCTIONS)) expect(functionName(id, "sv")).toBe(SV_FUNCTIONS[id].name);
});

test.each([
  ["sv-SE", "sv"],
  ["sv-FI", "sv"],
  ["en-US", "en"],
  ["de-DE", "en"],
  [undefined, "sv"],
] as const)("display language %p → %p", (lang, want) => {
  expect(formulaLocaleFor(lang)).toBe(want);
});
