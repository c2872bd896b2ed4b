/**
 * @jest-environment jsdom
 *
 * The views as users work them, against the in-memory workbook (what the
 * browser preview uses) and the rules core; expected figures come from the
 * sources (003's Stockholm table) or from the core called directly.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { AGREEMENTS, getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";
import { evaluate } from "../../src/core/evaluate";
import { formatCitation } from "../../src/core/format";
import { countySummary } from "../../src/core/summary";
import { diffEvaluations, whatIfSentence, withKey, withRuleOutcome } from "../../src/core/whatif";
import { MemoryWorkbook } from "../../src/office/memoryWorkbook";
import { WorkbookError, specValues, type WorkbookAdapter } from "../../src/office/workbook";
import { SV_FUNCTIONS } from "../../src/functions/sv";
import { countySummarySheet } from "../../src/sheets/countySummary";
import { UNUSED_BY_THESE_VIEWS } from "./adapters";
import AgreementsView from "../../src/taskpane/views/agreements";
import CountyView from "../../src/taskpane/views/county";
import WhatIfView from "../../src/taskpane/views/whatif";
import { openSections, renderPane } from "./render";
import { obligationCalendar } from "../../src/core/obligations";

const NBSP_OR_SPACE = /[\s\u00a0]/g;
const plain = (s: string | null | undefined) => (s ?? "").replace(NBSP_OR_SPACE, " ");

describe("Överenskommelser", () => {
  test("prio-2014: every pot with amount, citation in words, formula and copy button; A1 has the source-conflict badge", async () => {
    const writes: string[] = [];
    Object.assign(navigator, { clipboard: { writeText: async (t: string) => void writes.push(t) } });
    renderPane(<AgreementsView />);
    openSections();
    const a1 = within(screen.getByTestId("section-pots")).getByRole("article", { name: /^A1 / });
    expect(plain(a1.textContent)).toContain("80 000 000 kr");
    expect(within(a1).getByText("Källkonflikt", { selector: ".fui-Badge" })).toBeTruthy();
    expect(a1.textContent).toContain("Belopp för prestationsmål A 1");
    expect(a1.textContent).toContain(formatCitation(getAgreement("prio-2014").pots[0].source, "full"));
    expect(a1.textContent).toContain("Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.2");
    expect(a1.textContent).toContain('=STIM.POTT("prio-2014";"A1")');
    await act(async () => fireEvent.click(within(a1).getByRole("button", { name: 'Kopiera formeln =STIM.POTT("prio-2014";"A1")' })));
    expect(writes).toEqual(['=STIM.POTT("prio-2014";"A1")']);
    expect(within(a1).getByText("Kopierad")).toBeTruthy();
    expect(within(screen.getByTestId("section-pots")).getAllByRole("article")).toHaveLength(getAgreement("prio-2014").pots.length);
  });

  test("requirements show the 80 % county rule and their criteria; goals the formula that decides them", () => {
    renderPane(<AgreementsView />);
    openSections();
    const gk1 = within(screen.getByTestId("section-requirements")).getByRole("article", { name: /^GK1 / });
    expect(plain(gk1.textContent)).toContain("de kommuner som uppfyller kravet har ≥ 80 % av länets invånare");
    expect(gk1.textContent).toMatch(new RegExp(`=STIM\\.${SV_FUNCTIONS.GRUNDKRAV_MET.name}\\("prio-2014";"GK1";B2:B\\d+\\)`));
    expect(gk1.textContent).toContain(`=STIM.${SV_FUNCTIONS.CRITERIA.name}("prio-2014";"GK1")`);
    const a1 = within(screen.getByTestId("section-goals")).getByRole("article", { name: /^A1 / });
    expect(a1.textContent).toMatch(new RegExp(`=STIM\\.${SV_FUNCTIONS.GOAL_MET.name}\\("prio-2014";"A1";B2:B\\d+\\)`));
    expect(plain(a1.textContent)).toContain("≥ 90 %");
  });

  test("every assumption of every agreement is listed with the badge; every item shaped by one carries it", () => {
    renderPane(<AgreementsView />);
    openSections();
    const select = screen.getByTestId("agreement-select");
    // The cards of a section by their accessible name (one role query per
    // section: a query per card made this test take seconds).
    const cards = (section: string) => new Map(within(screen.getByTestId(section)).getAllByRole("article").map((c) => [c.getAttribute("aria-label"), c]));
    for (const a of AGREEMENTS) {
      fireEvent.change(select, { target: { value: a.id } });
      openSections();
      const assumptions = cards("section-assumptions");
      for (const x of a.assumptions) {
        const card = assumptions.get(`${x.id} ${x.title}`);
        expect([x.id, card && within(card).getByText("Antagande")]).toEqual([x.id, expect.anything()]);
      }
      const pots = cards("section-pots");
      for (const pot of a.pots.filter((p) => p.status === "assumption" || (p.assumptions?.length ?? 0) > 0)) {
        expect([pot.id, pots.get(`${pot.id} ${pot.title}`)?.textContent]).toEqual([pot.id, expect.stringMatching(/Antagande/)]);
      }
    }
  });

  test("each agreement's obligations are listed in date order with their source", () => {
    renderPane(<AgreementsView />);
    fireEvent.change(screen.getByTestId("agreement-select"), { target: { value: "prio-2014" } });
    openSections();
    const section = screen.getByTestId("section-obligations");
    const dated = obligationCalendar(AGREEMENTS, { agreement: "prio-2014" }).dated;
    const rows = within(within(section).getByRole("list", { name: "Åtaganden och sista datum" })).getAllByRole("listitem");
    expect(rows.map((r) => r.textContent?.slice(0, 10))).toEqual(dated.map((e) => e.date));
    expect(section.textContent).toMatch(/Psykisk ohälsa 2014 §6/);
  });

  test("English Excel gets English names and commas", () => {
    renderPane(<AgreementsView />, { formulaLocale: "en" });
    openSections();
    expect(within(screen.getByTestId("section-pots")).getByRole("article", { name: /^A1 / }).textContent).toContain('=STIM.POT("prio-2014","A1")');
  });
});

describe("Länsöversikt", () => {
  test("Stockholm: minimum 13 878 000 kr as in 003; written to a new sheet, twice without touching the first", async () => {
    const memory = new MemoryWorkbook({ Indata: [["min egen cell"]] });
    renderPane(<CountyView />, { memory, workbook: memory });
    expect(plain(screen.getByTestId("county-minimum").textContent)).toBe("13 878 000 kr");

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Skriv till nytt blad" })));
    await screen.findByText(/Länsöversikten finns nu på bladet ”Länsöversikt 01 Stockholms län”/);
    const layout = countySummarySheet(countySummary(AGREEMENTS, "01"));
    expect(memory.snapshot("Länsöversikt 01 Stockholms län").values).toEqual(specValues(layout));
    expect(memory.getActive().sheet).toBe("Länsöversikt 01 Stockholms län");

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Skriv till nytt blad" })));
    await screen.findByText(/”Länsöversikt 01 Stockholms \(2\)”/);
    expect(memory.sheetNames()).toEqual(["Indata", "Länsöversikt 01 Stockholms län", "Länsöversikt 01 Stockholms (2)"]);
    expect(memory.snapshot("Indata").values).toEqual([["min egen cell"]]);
  });

  test("the county's obligations in date order, from the core's calendar (ÄBiC decision before 1 October 2014, aldre-2014 bilaga 2)", () => {
    renderPane(<CountyView />);
    const list = screen.getByRole("list", { name: "Åtaganden och sista datum" });
    const dated = obligationCalendar(AGREEMENTS, { county: "01" }).dated;
    const rows = within(list).getAllByRole("listitem");
    expect(rows).toHaveLength(dated.length);
    expect(rows[0].textContent).toContain(dated[0].date);
    const abic = rows.find((r) => r.textContent?.startsWith("2014-09-30"));
    expect(abic?.textContent).toMatch(/ÄBiC.*Mest sjuka äldre 2014, bilaga 2/);
  });

  test("another county shows the core's figures", () => {
    renderPane(<CountyView />);
    fireEvent.change(screen.getByTestId("county-select"), { target: { value: "12" } });
    const s = countySummary(AGREEMENTS, "12");
    expect(plain(screen.getByTestId("county-minimum").textContent)).toBe(`${s.minimum.toLocaleString("sv-SE").replace(NBSP_OR_SPACE, " ")} kr`);
  });

  test("when Excel refuses the write: a Swedish message and a retry, never an empty pane", async () => {
    let calls = 0;
    const failing: WorkbookAdapter = {
      listSheetNames: async () => ["Blad1"],
      readRange: async () => [],
      getSelectedRange: async () => ({ sheet: "Blad1", address: "A1", values: [[""]] }),
      writeNewSheet: async () => undefined,
      writeSheetSpec: async () => {
        calls++;
        throw Object.assign(new Error("The operation is not allowed in cell edit mode."), { code: "InvalidOperationInCellEditMode" });
      },
      ...UNUSED_BY_THESE_VIEWS,
    };
    renderPane(<CountyView />, { workbook: failing, preview: false });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Skriv till nytt blad" })));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Excel redigerar en cell just nu.");
    expect(alert.textContent).toContain("Tryck Enter eller Esc i cellen och försök igen.");
    await act(async () => fireEvent.click(within(alert).getByRole("button", { name: "Försök igen" })));
    await waitFor(() => expect(calls).toBe(2));
  });

  test("a workbook error is shown as it is (it is already Swedish and says what to do)", async () => {
    const failing: WorkbookAdapter = {
      listSheetNames: async () => {
        throw new WorkbookError('Det finns inget blad som heter "X".');
      },
      readRange: async () => [],
      getSelectedRange: async () => ({ sheet: "Blad1", address: "A1", values: [[""]] }),
      writeNewSheet: async () => undefined,
      writeSheetSpec: async () => undefined,
      ...UNUSED_BY_THESE_VIEWS,
    };
    renderPane(<CountyView />, { workbook: failing, preview: false });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Skriv till nytt blad" })));
    expect((await screen.findByRole("alert")).textContent).toContain('Det finns inget blad som heter "X".');
  });
});

describe("Tänk om", () => {
  const prio = getAgreement("prio-2014");
  const base = demoFacts(prio);
  const before = evaluate(prio, base, { explain: false });

  test("type-ahead over all 311 recipients: a name or a code picks the recipient and its county", async () => {
    renderPane(<WhatIfView />);
    const search = screen.getByLabelText("Sök mottagare i hela landet");
    fireEvent.change(search, { target: { value: "malm" } });
    const select = screen.getByTestId("whatif-recipient") as HTMLSelectElement;
    expect(select.value).toBe("kommun:1280");
    expect((screen.getByTestId("whatif-county") as HTMLSelectElement).value).toBe("12");
    expect([...select.options].map((o) => o.text)).toEqual(["Malmö (1280)"]);
    fireEvent.change(search, { target: { value: "2584" } });
    expect(select.value).toBe("kommun:2584");
    fireEvent.change(search, { target: { value: "landstinget i v" } });
    // Värmland, Västra Götaland, Västmanland, Västernorrland, Västerbotten.
    expect([...select.options].map((o) => o.value).sort()).toEqual(["landsting:14", "landsting:17", "landsting:19", "landsting:22", "landsting:24"]);
    fireEvent.change(search, { target: { value: "xyz" } });
    expect(screen.getByText("Ingen kommun eller landsting matchar.")).toBeTruthy();
  });

  test("Stockholm stops meeting the grundkrav: the sentence and the table are the core's, to the krona", async () => {
    renderPane(<WhatIfView />);
    fireEvent.change(screen.getByLabelText("Grundkraven (GK1, GK2)"), { target: { value: "not-met" } });
    const after = evaluate(prio, withRuleOutcome(prio, base, { level: "kommun", lan: "01", code: "0180" }, ["GK1", "GK2"], false), { explain: false });
    const diff = diffEvaluations(before, after);
    const want = whatIfSentence(diff, { kind: "requirements", who: "Stockholm", meets: false }, { subject: "kommun:0180" });
    await waitFor(() => expect(plain(screen.getByTestId("whatif-sentence").textContent)).toBe(want), { timeout: 10000 });
    expect(want).toMatch(/^Om Stockholm inte uppfyller grundkraven flyttas [\d ]+ kr från /);
    // The headline for a room: short, with the amount in millions and who loses and gains.
    const head = plain(screen.getByTestId("whatif-headline").textContent);
    const losers = diff.recipients.filter((r) => r.delta < 0n).length;
    const gainers = diff.recipients.filter((r) => r.delta > 0n).length + (diff.unallocated.delta > 0n ? 1 : 0);
    const mnkr = (Number((diff.moved * 10n + 500_000n) / 1_000_000n) / 10).toFixed(1).replace(".", ",");
    expect(head).toBe(`Om Stockholm inte uppfyller grundkraven flyttas ${mnkr} mnkr från ${losers} mottagare i Stockholms län till ${gainers} andra.`);
    expect(head.length).toBeLessThanOrEqual(110);
    const rows = within(screen.getByTestId("whatif-table")).getAllByRole("row").slice(1);
    const first = rows[0];
    expect(first.getAttribute("data-key")).toBe(`${diff.recipients[0].level}:${diff.recipients[0].code}`);
    expect(first.getAttribute("data-delta")).toBe(diff.recipients[0].delta.toString());
    expect(screen.getByTestId("whatif-chart").getAttribute("aria-label")).toBe(`Diagram: ${screen.getByTestId("whatif-headline").textContent}`);
    // The chart has a scale: ticks from the largest loss to the largest gain, through 0.
    const ticks = [...screen.getByTestId("whatif-scale").children].map((t) => plain(t.textContent));
    expect(ticks).toContain("0");
    expect(ticks[0]).toMatch(/^[−-]/);
    expect(ticks[ticks.length - 1]).toMatch(/^\+/);
    // Every amount keeps together: no ordinary space inside a number or before "kr".
    for (const cell of within(screen.getByTestId("whatif-table")).getAllByRole("cell")) expect(cell.textContent).not.toMatch(/\d (\d|kr)/);
  });

  test("per county: the table lists the counties' changes", async () => {
    renderPane(<WhatIfView />);
    fireEvent.change(screen.getByLabelText("Grundkraven (GK1, GK2)"), { target: { value: "not-met" } });
    fireEvent.click(screen.getByLabelText("Per län"));
    const after = evaluate(prio, withRuleOutcome(prio, base, { level: "kommun", lan: "01", code: "0180" }, ["GK1", "GK2"], false), { explain: false });
    const counties = diffEvaluations(before, after).counties;
    await waitFor(() => {
      const keys = within(screen.getByTestId("whatif-table"))
        .getAllByRole("row")
        .slice(1)
        .map((r) => [r.getAttribute("data-key"), r.getAttribute("data-delta")]);
      expect(keys).toEqual(counties.map((c) => [c.lan, c.delta.toString()]));
    });
  });

  test("a new key value moves money exactly as the core says; bad input is refused in Swedish and changes nothing", async () => {
    renderPane(<WhatIfView />);
    const field = screen.getByLabelText("Nyckel: Antal invånare 31 december 2013");
    fireEvent.change(field, { target: { value: "9 x" } });
    expect(await screen.findByText("Ange ett heltal ≥ 0, till exempel 350 000.")).toBeTruthy();
    expect(screen.getByTestId("whatif-sentence").textContent).toBe("Ändra något ovan för att se hur pengarna flyttas.");
    fireEvent.change(field, { target: { value: "1 000 000" } });
    const after = evaluate(prio, withKey(base, { level: "kommun", lan: "01", code: "0180" }, "population", 1_000_000), { explain: false });
    const want = whatIfSentence(diffEvaluations(before, after), { kind: "key", who: "Stockholm", key: "Antal invånare 31 december 2013", value: 1_000_000, was: 897_700 }, { subject: "kommun:0180" });
    await waitFor(() => expect(plain(screen.getByTestId("whatif-sentence").textContent)).toBe(want), { timeout: 10000 });
    expect(want).toContain("Stockholm har 1 000 000 i stället för 897 700");
  });

  test("a change that moves nothing says why: Malmö already fails the grundkrav in the scenario", async () => {
    renderPane(<WhatIfView />);
    fireEvent.change(screen.getByTestId("whatif-county"), { target: { value: "12" } });
    fireEvent.change(screen.getByTestId("whatif-recipient"), { target: { value: "kommun:1280" } });
    const malmo = before.recipients.find((r) => r.code === "1280")!;
    expect(malmo.gate).toBe(false); // the demo scenario's answer, from the core
    fireEvent.change(screen.getByLabelText("Grundkraven (GK1, GK2)"), { target: { value: "not-met" } });
    await waitFor(() => expect(plain(screen.getByTestId("whatif-headline").textContent)).toBe("Om Malmö inte uppfyller grundkraven ändras ingen fördelning."), { timeout: 10000 });
    expect(screen.getByTestId("whatif-why").textContent).toBe("Malmö uppfyller inte grundkraven i scenariot heller (själv eller i länet), så ändringen flyttar inga pengar.");
  });
});
