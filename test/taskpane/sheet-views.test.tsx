/**
 * @jest-environment jsdom
 *
 * The views "Bygg fördelningsark", "Granska länsark" and "Förklara" as
 * components (jsdom), on the in-memory workbook the preview uses: what a user
 * sees and can do, and a Swedish message that says what to do whenever
 * something fails — never an empty pane.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";
import { MemoryWorkbook } from "../../src/office/memoryWorkbook";
import { columnIndexToLetters } from "../../src/sheets/a1";
import type { WorkbookAdapter } from "../../src/office/workbook";
import { buildAllocationSheet, buildWorkbook, sheetColumns } from "../../src/sheets";
import BuildView from "../../src/taskpane/views/build";
import ReviewView from "../../src/taskpane/views/review";
import ExplainView from "../../src/taskpane/views/explain";
import { openSections, renderPane } from "./render";

const PRIO = getAgreement("prio-2014");
const FACTS = demoFacts(PRIO);

function at(county: string | undefined, level: "kommun" | "landsting", code: string, column: string): string {
  const { geometry } = buildAllocationSheet(PRIO, sheetColumns(PRIO), { county, facts: FACTS });
  const row = geometry.firstDataRow + geometry.rows.findIndex((r) => r.level === level && r.code === code);
  return `${columnIndexToLetters(geometry.columns.get(column)!)}${row + 1}`;
}

async function withSheet(county?: string): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await wb.writeSheetSpec(buildWorkbook(PRIO, { county, facts: FACTS }).sheets[0]);
  return wb;
}


jest.setTimeout(30_000); // Fluent's components in jsdom on a shared machine

describe("Bygg fördelningsark", () => {
  test("a county sheet without demo data: five new sheets, the allocation sheet selected, the result said in Swedish", async () => {
    const { memory } = renderPane(<BuildView />);
    fireEvent.change(screen.getByTestId("build-agreement"), { target: { value: "prio-2014" } });
    fireEvent.click(screen.getByRole("radio", { name: "Ett län" }));
    fireEvent.change(screen.getByTestId("build-county"), { target: { value: "12" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Fyll i fiktiva demouppgifter" }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Bygg fördelningsark" })));
    // The county's sheet is named after the county (issue 17).
    const done = await screen.findByText(/^Klart: bladet ”Fördelning 12 Skåne” har 34 mottagare och tomma svarskolumner att fylla i/);
    expect(done.textContent).toContain("Inga befintliga blad eller celler ändrades.");
    expect(memory!.sheetNames()).toEqual(["Blad1", "Fördelning 12 Skåne", "Regler", "Antaganden", "Källkonflikter", "Kalender"]);
    expect(memory!.getActive()).toEqual({ sheet: "Fördelning 12 Skåne", address: "A1" });
    expect(memory!.tablesOn("Fördelning 12 Skåne")).toHaveLength(1);
    expect(memory!.validationsOn("Fördelning 12 Skåne").length).toBeGreaterThan(0);
  });

  test("when Excel refuses: a Swedish message with what to do and a retry, the pane never empty", async () => {
    const memory = new MemoryWorkbook();
    let calls = 0;
    const refusing: WorkbookAdapter = Object.assign(Object.create(memory) as WorkbookAdapter, {
      listSheetNames: () => memory.listSheetNames(),
      writeSheetSpec: async () => {
        calls++;
        throw Object.assign(new Error("The operation is not allowed in cell edit mode."), { code: "InvalidOperationInCellEditMode" });
      },
    });
    renderPane(<BuildView />, { workbook: refusing, preview: false });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Bygg fördelningsark" })));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Excel redigerar en cell just nu.Tryck Enter eller Esc i cellen och försök igen.");
    await act(async () => fireEvent.click(within(alert).getByRole("button", { name: "Försök igen" })));
    await waitFor(() => expect(calls).toBe(2));
  });
});

describe("Granska länsark", () => {
  test("the active sheet is checked: findings listed with links that select their cells; a column re-read as the user says", async () => {
    const wb = await withSheet("12");
    const cell = at("12", "kommun", "1285", "GK1.innehall");
    wb.setValues("Fördelning", cell, [["kanske"]]);
    wb.select("Fördelning", "B3");
    renderPane(<ReviewView />, { memory: wb, workbook: wb });
    await waitFor(() => expect((screen.getByTestId("review-sheet") as HTMLSelectElement).value).toBe("Fördelning"));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Granska bladet" })));
    const summary = await screen.findByTestId("review-summary");
    expect(summary.textContent).toMatch(/^1 fel, 0 avvikelser, 0 noteringar\. Beloppen kontrolleras när felen i indata är rättade\./);
    const list = screen.getByTestId("review-findings");
    expect(list.textContent).toContain('"kanske" är inget ja/nej-svar; skriv Ja eller Nej.');
    expect(list.textContent).toContain("GK1 · Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.1");
    await act(async () => fireEvent.click(within(list).getByRole("button", { name: `Gå till Fördelning!${cell}` })));
    expect(wb.getActive()).toEqual({ sheet: "Fördelning", address: cell });

    // The user says the column is not to be read: its answers are then missing (an error naming the column), and "kanske" is not read.
    const header = `${cell.replace(/\d+$/, "")}8`;
    openSections(screen.getByTestId("review-mapping"));
    fireEvent.change(screen.getByTestId(`review-column-${header}`), { target: { value: "" } });
    await waitFor(() => expect(screen.getByTestId("review-findings").textContent).toMatch(/Kolumnen "GK1 – Samverkansöverenskommelsen har det innehåll som grundkravet beskriver" saknas/));
    expect(screen.getByTestId("review-findings").textContent).not.toContain("kanske");
    fireEvent.click(screen.getByRole("button", { name: "Återställ tolkningen" }));
    await waitFor(() => expect(screen.getByTestId("review-findings").textContent).toContain("kanske"));
  });

  test("the list follows the active sheet until the user picks one: a sheet built since the view was last open is preselected", async () => {
    const wb = new MemoryWorkbook({ Budget: [["Kommun", "Belopp"]] });
    const value = () => (screen.getByTestId("review-sheet") as HTMLSelectElement).value;
    const first = renderPane(<ReviewView />, { memory: wb, workbook: wb });
    await waitFor(() => expect(value()).toBe("Budget"));
    first.unmount();
    // A new sheet, now the active one (as "Bygg fördelningsark" leaves it).
    wb.addSheet("Fördelning", [["Stimulans"]]);
    wb.select("Fördelning", "A1");
    const second = renderPane(<ReviewView />, { memory: wb, workbook: wb });
    await waitFor(() => expect(value()).toBe("Fördelning"));
    // Picked by the user: kept when the view opens again, whatever sheet is active.
    fireEvent.change(screen.getByTestId("review-sheet"), { target: { value: "Budget" } });
    second.unmount();
    wb.select("Fördelning", "B2");
    renderPane(<ReviewView />, { memory: wb, workbook: wb });
    await waitFor(() => expect(screen.getByTestId("review-sheet")).toBeTruthy());
    await act(async () => {}); // the sheet list has been read
    expect(value()).toBe("Budget");
  });

  test("a sheet without an allocation table: the sheet layer's Swedish message and what to adjust, not an empty pane", async () => {
    const wb = new MemoryWorkbook({ Budget: [["Kommun", "Belopp"], ["Malmö", 12]] });
    renderPane(<ReviewView />, { memory: wb, workbook: wb });
    await waitFor(() => expect((screen.getByTestId("review-sheet") as HTMLSelectElement).value).toBe("Budget"));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Granska bladet" })));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/^Bladet anger ingen känd överenskommelse/);
    expect(screen.getByText("Välj överenskommelse eller rubrikrad nedan om bladet inte säger det tydligt.")).toBeTruthy();
    // Naming the agreement is not enough for a sheet without the headers: the reader says so.
    fireEvent.change(screen.getAllByRole("combobox").find((e) => (e as HTMLSelectElement).options[0]?.text.startsWith("Enligt bladet"))!, { target: { value: "prio-2014" } });
    await waitFor(() => expect(screen.getByRole("alert").textContent).toMatch(/^Ingen fördelningstabell hittades/));
  });
});

describe("Förklara", () => {
  test("explains the selected row when it opens, and follows the selection", async () => {
    const wb = await withSheet();
    wb.select("Fördelning", at(undefined, "kommun", "1280", "belopp.B3"));
    renderPane(<ExplainView />, { memory: wb, workbook: wb });
    const article = await screen.findByTestId("explanation");
    expect(within(article).getByRole("heading", { level: 3 }).textContent).toBe("Kommun 1280 (Malmö)");
    expect(within(article).getAllByRole("heading", { level: 4 })[0].textContent).toBe("B3: Prestationsmål B 3: inventeringar");
    const gk1 = within(article).getByRole("list", { name: "Kriterier för GK1" });
    expect(gk1.querySelector("li")!.textContent).toMatch(/^Inte uppfylltBrukar- och anhörigorganisationer har lämnat synpunkter/);
    // The user selects Stockholm's row: the explanation follows.
    await act(async () => {
      wb.select("Fördelning", at(undefined, "kommun", "0180", "namn"));
      await new Promise((r) => setTimeout(r, 400));
    });
    await waitFor(() => expect(within(screen.getByTestId("explanation")).getByRole("heading", { level: 3 }).textContent).toBe("Kommun 0180 (Stockholm)"));
    expect(screen.getByTestId("explain-section-grundkrav")).toBeTruthy();
  });

  test("with following turned off, the button explains; a workbook error is a Swedish message with a retry", async () => {
    const wb = new MemoryWorkbook();
    let fail = true;
    const flaky: WorkbookAdapter = Object.assign(Object.create(wb) as WorkbookAdapter, {
      getSelectedRange: async () => {
        if (fail) throw Object.assign(new Error("ItemNotFound"), { code: "ItemNotFound" });
        return wb.getSelectedRange();
      },
      readUsedRange: (s: string) => wb.readUsedRange(s),
      onSelectionChanged: (l: () => void) => wb.onSelectionChanged(l),
    });
    renderPane(<ExplainView />, { workbook: flaky, memory: wb, preview: false });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Bladet eller området finns inte längre.");
    fail = false;
    fireEvent.click(screen.getByRole("checkbox", { name: "Följ markeringen" }));
    await act(async () => fireEvent.click(within(alert).getByRole("button", { name: "Försök igen" })));
    expect((await screen.findByTestId("explain-nothing")).textContent).toMatch(/^Cellen är inte en del av ett fördelningsark/);
  });
});
