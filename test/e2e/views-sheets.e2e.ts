/**
 * End to end, in headless Chromium on the built preview page: the views
 * "Bygg fördelningsark", "Granska länsark" and "Förklara" as users work
 * with them. Expected values come from the core and the sheet layer run
 * here in Node (the same data, computed apart from the page).
 */
import { getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";
import { evaluate } from "../../src/core/evaluate";
import { formatCitation } from "../../src/core/format";
import { renderEvent } from "../../src/core/render";
import { agreeInNumber } from "../../src/taskpane/views/explain/explain";
import { buildAllocationSheet, sheetColumns } from "../../src/sheets";
import { columnIndexToLetters } from "../../src/sheets/a1";
import type { Browser, Page as PwPage } from "playwright-core";
import { OFFICE_JS_OWN, axe, launch, newPage, serve, type Served } from "./harness";

/** The task pane's width in Excel. */
const PANE_WIDTH = 350;

interface Session {
  page: PwPage;
  /** Requests stopped because they left 127.0.0.1. */
  blocked: string[];
  errors: string[];
  close: () => Promise<void>;
}

/** preview.html (office.js from the package) at a view, in its own browser, once the pane and the grid are up. */
async function openPreview(options: { hash?: string; width?: number; height?: number } = {}): Promise<Session> {
  const browser: Browser = await launch();
  const served: Served = await serve().catch(async (e) => {
    await browser.close();
    throw e;
  });
  const w = await newPage(browser, options.width ?? PANE_WIDTH, options.height ?? 900);
  await w.page.goto(`${served.url}/preview.html${options.hash ? `#${options.hash}` : ""}`);
  await w.page.getByRole("tablist", { name: "Vyer" }).waitFor();
  await w.page.getByRole("grid", { name: /^Celler i bladet/ }).waitFor();
  return { page: w.page, blocked: w.blocked, errors: w.errors, close: async () => (await browser.close(), await served.close()) };
}

/** Opens a view by its tab and waits for its chunk. */
async function openView(page: PwPage, label: string): Promise<void> {
  await page.getByRole("tab", { name: label }).click();
  await page.waitForFunction(() => !document.body.textContent?.includes("Laddar vyn"));
}

/** The grid's status line: "Bladet X – markerat: F7." */
async function gridSelection(page: PwPage): Promise<string> {
  return (await page.getByTestId("grid-status").textContent()) ?? "";
}

/**
 * A cell of the grid's active sheet. The grid renders only the cells in
 * view, so the cell is selected first (as a link in a view does), which
 * scrolls it into view.
 */
async function cellAt(page: PwPage, cell: string) {
  await page.evaluate((c) => {
    const wb = (window as unknown as { stimPreview: { getActive: () => { sheet: string }; select: (s: string, a: string) => void } }).stimPreview;
    wb.select(wb.getActive().sheet, c);
  }, cell);
  const at = page.getByTestId("sheet-grid").locator(`[data-cell="${cell}"]`);
  await at.waitFor();
  return at;
}

const axeViolations = axe;


const PRIO = getAgreement("prio-2014");
const FACTS = demoFacts(PRIO);

/** Where a recipient's cell (or, without a recipient, the header cell) is on an allocation sheet the layout writes. */
function addressOf(county: string | undefined, level: "kommun" | "landsting" | "header", code: string, column: string): string {
  const { geometry } = buildAllocationSheet(PRIO, sheetColumns(PRIO), { county, facts: FACTS });
  const row = level === "header" ? geometry.headerRow : geometry.firstDataRow + geometry.rows.findIndex((r) => r.level === level && r.code === code);
  return `${columnIndexToLetters(geometry.columns.get(column)!)}${row + 1}`;
}

/** Writes into the preview's workbook as a user typing would (window.stimPreview, src/taskpane/index.tsx). */
async function type(page: PwPage, sheet: string, cell: string, value: string | number): Promise<void> {
  await page.evaluate(([sh, c, v]) => (window as unknown as { stimPreview: { setValues: (s: string, a: string, v: unknown[][]) => void } }).stimPreview.setValues(sh as string, c as string, [[v]]), [sheet, cell, value]);
}

async function showSheet(page: PwPage, sheet: string): Promise<void> {
  await page.getByRole("tablist", { name: "Blad" }).getByRole("tab", { name: sheet, exact: true }).click();
}

async function check(page: PwPage, sheet: string): Promise<void> {
  await openView(page, "Granska");
  await page.getByLabel("Blad att granska").selectOption(sheet);
  await page.getByRole("button", { name: "Granska bladet" }).click();
  await page.getByTestId("review-summary").waitFor();
}

/** The findings listed: [severity label, cell link text, message]. */
async function listed(page: PwPage): Promise<string[][]> {
  return page.getByTestId("review-findings").locator("li").evaluateAll((items) =>
    items.map((li) => [li.querySelector(".fui-Badge")?.textContent ?? "", li.querySelector("button")?.textContent ?? "", li.children[1]?.textContent ?? ""]),
  );
}

async function build(page: PwPage, county?: string): Promise<void> {
  await openView(page, "Bygg ark");
  await page.getByLabel("Överenskommelse").selectOption("prio-2014");
  if (county) {
    await page.getByRole("radio", { name: "Ett län" }).check();
    await page.getByTestId("build-county").selectOption(county);
  } else await page.getByRole("radio", { name: "Hela riket" }).check();
  await page.getByRole("button", { name: "Bygg fördelningsark" }).click();
  await page.getByText(/^Klart: bladet/).waitFor();
}

/** Requests that left 127.0.0.1 (stopped), except office.js's own (harness.ts, OFFICE_JS_OWN). */
function ownRequestsOffsite(session: Session): string[] {
  return session.blocked.filter((u) => !OFFICE_JS_OWN.test(u));
}

let s: Session;
beforeAll(async () => {
  s = await openPreview({ hash: "bygg" });
});
afterAll(async () => {
  await s?.close();
});

test("Bygg fördelningsark: the national prio-2014 demo sheet, four new sheets, the allocation sheet selected, amounts equal to the core's", async () => {
  const page = s.page;
  await build(page);
  await expect(page.getByText(/^Klart: bladet ”Fördelning” har 311 mottagare med FIKTIVA demouppgifter/).count()).resolves.toBe(1);
  expect(await page.getByRole("tablist", { name: "Blad" }).getByRole("tab").evaluateAll((tabs) => tabs.map((t) => t.querySelector(".fui-Tab__content")?.textContent))).toEqual(["Blad1", "Fördelning", "Regler", "Antaganden", "Källkonflikter", "Kalender"]);
  expect(await gridSelection(page)).toContain("Bladet Fördelning – markerat: A1");
  const ev = evaluate(PRIO, FACTS, { explain: false });
  for (const [code, pot] of [["0180", "A3"], ["0180", "B3"], ["1480", "B3"]] as const) {
    const amount = ev.recipients.find((r) => r.level === "kommun" && r.code === code)!.pots.find((p) => p.pot === pot)!.amount;
    const cell = await cellAt(page, addressOf(undefined, "kommun", code, `belopp.${pot}`));
    expect((await cell.textContent())?.replace(/\s/g, "")).toBe(amount.toString());
  }
  expect(ownRequestsOffsite(s)).toEqual([]);
});

/** Seeded mistakes in a county sheet of Skåne (12), each with the finding it must give. */
const SEEDS: { what: string; at: () => string; value: string | number; severity: string; message: RegExp }[] = [
  { what: "a header with a typo", at: () => addressOf("12", "header", "", "GK2.uppdaterad"), value: "GK2 – Hänvisningar och länkar är uppdaterad med aktuell information för 2014", severity: "Notering", message: /^Rubriken "GK2 – Hänvisningar och länkar är uppdaterad .*" lästes som/ },
  { what: "a kommun in the wrong county", at: () => addressOf("12", "kommun", "1280", "lan"), value: "13", severity: "Fel", message: /^Kommun 1280 \(Malmö\) hör till län 12, inte "13"\.$/ },
  { what: "an unknown kommunkod", at: () => addressOf("12", "kommun", "1281", "kod"), value: "1299", severity: "Fel", message: /^Okänd kommunkod "1299" \(raden heter Lund: menade du 1281\?/ },
  { what: "a yes/no cell with other text", at: () => addressOf("12", "kommun", "1285", "GK1.innehall"), value: "kanske", severity: "Fel", message: /^"kanske" är inget ja\/nej-svar; skriv Ja eller Nej\.$/ },
  { what: "text in a share cell", at: () => addressOf("12", "landsting", "12", "A1.forsta-bedomning-30-dagar"), value: "ungefär 90", severity: "Fel", message: /^"ungefär 90" är ingen andel/ },
  { what: "a share typed as 9000 %", at: () => addressOf("12", "landsting", "12", "A2.fordjupad-30-dagar"), value: 90, severity: "Fel", message: /^Andelen 9000 % ligger utanför 0–100 %; menade du 90 %\?/ },
];
/** Skåne's allocation sheet is named after the county (issue 17: not "Fördelning (2)"). */
const COUNTY_SHEET = "Fördelning 12 Skåne";

test("Granska länsark: every seeded mistake in a broken county sheet is listed, and its link selects its cell", async () => {
  const page = s.page;
  await build(page, "12");
  for (const seed of SEEDS) await type(page, COUNTY_SHEET, seed.at(), seed.value);
  await check(page, COUNTY_SHEET);
  expect(await page.getByTestId("review-summary").textContent()).toMatch(/^5 fel, 0 avvikelser, 1 notering\. Beloppen kontrolleras när felen i indata är rättade\./);
  const rows = await listed(page);
  expect(rows).toHaveLength(SEEDS.length);
  for (const seed of SEEDS) {
    const row = rows.find((r) => r[1] === `${COUNTY_SHEET}!${seed.at()}`);
    expect(row).toBeDefined();
    expect(row![0]).toBe(seed.severity);
    expect(row![2]).toMatch(seed.message);
  }
  // Each link selects its cell (another sheet is shown first, so the link must switch sheets too).
  for (const seed of SEEDS) {
    await showSheet(page, "Blad1");
    await page.getByRole("button", { name: `Gå till ${COUNTY_SHEET}!${seed.at()}`, exact: true }).click();
    await expect(gridSelection(page)).resolves.toContain(`Bladet ${COUNTY_SHEET} – markerat: ${seed.at()}`);
    expect(await (await cellAt(page, seed.at())).getAttribute("class")).toBeTruthy();
  }
});

test("Granska länsark: highlighting colours the cells by severity and is removed again, the user's own fill put back; the values never change", async () => {
  const page = s.page;
  const malmo = SEEDS[1].at();
  const before = await page.evaluate((sh) => (window as unknown as { stimPreview: { snapshot: (s: string) => { values: unknown[][] } } }).stimPreview.snapshot(sh).values, COUNTY_SHEET);
  await page.evaluate(([sh, c]) => (window as unknown as { stimPreview: { writeFills: (s: string, f: unknown[]) => Promise<void> } }).stimPreview.writeFills(sh, [{ cell: c, fill: "#C6EFCE" }]), [COUNTY_SHEET, malmo]);
  await page.getByRole("button", { name: "Färgmarkera cellerna i bladet" }).click();
  await page.getByText(new RegExp(`^6 celler i ”${COUNTY_SHEET}” är färgmarkerade`)).waitFor();
  await showSheet(page, COUNTY_SHEET);
  for (const seed of SEEDS) {
    expect(await (await cellAt(page, seed.at())).getAttribute("data-fill")).toBe(seed.severity === "Fel" ? "#FFC7CE" : "#DDEBF7");
  }
  await page.getByRole("button", { name: "Ta bort färgmarkeringen" }).click();
  await page.getByText(/^Färgmarkeringen är borttagen: 6 celler/).waitFor();
  for (const seed of SEEDS) {
    expect(await (await cellAt(page, seed.at())).getAttribute("data-fill")).toBe(seed.at() === malmo ? "#C6EFCE" : null);
  }
  const after = await page.evaluate((sh) => (window as unknown as { stimPreview: { snapshot: (s: string) => { values: unknown[][] } } }).stimPreview.snapshot(sh).values, COUNTY_SHEET);
  expect(after).toEqual(before);
});

test("Granska länsark: the report goes to a new sheet, one row per finding, with links", async () => {
  const page = s.page;
  await page.getByRole("button", { name: "Skriv rapporten till ett nytt blad" }).click();
  await page.getByText(new RegExp(`^Rapporten finns på bladet ”Rapport ${COUNTY_SHEET}”`)).waitFor();
  expect(await gridSelection(page)).toContain(`Bladet Rapport ${COUNTY_SHEET}`);
  const cells = await page.locator("[data-cell^='B']").allTextContents();
  for (const seed of SEEDS) expect(cells).toContain(seed.at());
});

test("Granska länsark: a formula replaced by a typed number in the national sheet is the one finding", async () => {
  const page = s.page;
  const cell = addressOf(undefined, "kommun", "0180", "belopp.A3");
  await type(page, "Fördelning", cell, 123);
  await check(page, "Fördelning");
  expect(await page.getByTestId("review-summary").textContent()).toMatch(/^0 fel, 1 avvikelse, 0 noteringar\./);
  const rows = await listed(page);
  expect(rows).toEqual([["Avvikelse", `Fördelning!${cell}`, expect.stringMatching(/^Formeln är ersatt av värdet 123; reglerna ger 16 425 385 kr\./)]]);
});

test("Förklara: a selected amount cell of Malmö explains the row from the core's trace: verdict, failing criteria first, assumptions, citations", async () => {
  const page = s.page;
  await openView(page, "Förklara");
  await showSheet(page, "Fördelning");
  const cell = addressOf(undefined, "kommun", "1280", "belopp.B3");
  await (await cellAt(page, cell)).click();
  const article = page.getByTestId("explanation");
  await article.getByRole("heading", { name: "Kommun 1280 (Malmö)" }).waitFor();
  // The core, run here: Malmö's events, rendered by the one renderer.
  const malmo = evaluate(PRIO, FACTS).recipients.find((r) => r.level === "kommun" && r.code === "1280")!;
  const text = ((await article.textContent()) ?? "").replace(/\u00a0/g, " ");
  for (const e of malmo.events) expect(text).toContain(agreeInNumber(renderEvent(e)));
  // "grundkraven … är uppfyllda", never "uppfyllt" after the plural.
  expect(text).toContain("B3: grundkraven är inte uppfyllda för Malmö");
  expect(text).not.toMatch(/grundkraven[^.]* är (inte )?uppfyllt\b/);
  // Assumptions by their titles, never by their ids.
  expect(text).toContain("Antagande: Län där de godkända kommunerna har under 80 % av invånarna");
  expect(text).not.toMatch(/Antagande: [a-z0-9-]+(?=[A-ZÅÄÖ]|$)/);
  // The selected column's pot first, then the basic requirements.
  const sections = await article.locator("section[data-testid^='explain-section-']").evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
  expect(sections.slice(0, 2)).toEqual(["explain-section-B3", "explain-section-grundkrav"]);
  // GK1 fails: it comes before GK2, and its failing criterion first.
  const grundkrav = article.getByTestId("explain-section-grundkrav");
  const rules = await grundkrav.locator("details > summary").allTextContents();
  expect(rules[0]).toMatch(/^Inte uppfyllt GK1 /);
  const gk1 = grundkrav.getByRole("list", { name: "Kriterier för GK1" });
  const firstFailing = malmo.events.find((e) => e.kind === "criterion" && e.rule === "GK1" && e.applied === false)!;
  expect((await gk1.locator("li").first().textContent())?.replace(/\u00a0/g, " ")).toContain(agreeInNumber(renderEvent(firstFailing)));
  // Citations in the human form, and the assumptions in force.
  expect(text).toContain(`Källa: ${formatCitation(firstFailing.source!)}`);
  const inForce = new Set(malmo.events.flatMap((e) => e.assumptions ?? []));
  const assumptions = evaluate(PRIO, FACTS).assumptions.filter((a) => inForce.has(a.id));
  expect(assumptions.length).toBeGreaterThan(0);
  const listedAssumptions = page.getByTestId("explain-assumptions");
  for (const a of assumptions) expect(await listedAssumptions.textContent()).toContain(`${a.title}: ${a.valueLabel}`);
});

test("Förklara follows the selection: a cell without a STIM formula outside a sheet says what to select", async () => {
  const page = s.page;
  await showSheet(page, "Blad1");
  await (await cellAt(page, "B2")).click();
  await expect(page.getByTestId("explain-nothing").textContent()).resolves.toMatch(/^Cellen är inte en del av ett fördelningsark och har ingen STIM-formel\. Förklara fungerar för/);
});

test("accessibility: axe-core finds no violations in the three views with their results shown", async () => {
  const page = s.page;
  const scan = async (view: string) => expect({ view, violations: await axeViolations(page) }).toEqual({ view, violations: [] });
  // Förklara with an explanation (rules open and closed, assumptions, citations).
  await openView(page, "Förklara");
  await showSheet(page, "Fördelning");
  await (await cellAt(page, addressOf(undefined, "kommun", "1280", "belopp.B3"))).click();
  await page.getByTestId("explanation").waitFor();
  await scan("Förklara");
  // Granska with findings and the column mapping open.
  await check(page, COUNTY_SHEET);
  await page.getByTestId("review-mapping").getByRole("button", { name: "Så lästes bladet" }).click();
  await scan("Granska");
  // Bygg after a build.
  await build(page, "01");
  await scan("Bygg ark");
  expect(ownRequestsOffsite(s)).toEqual([]);
  expect(s.errors).toEqual([]);
});

describe("keyboard", () => {
  let k: Session;
  beforeAll(async () => {
    k = await openPreview({ hash: "bygg" });
  });
  afterAll(async () => {
    await k?.close();
  });

  const focused = (page: PwPage) => page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent?.trim() ?? ""}`);

  test("build, check and explain with the keyboard alone", async () => {
    const page = k.page;
    // The tabs: arrow keys move between the views.
    await page.getByRole("tab", { name: "Bygg ark" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(focused(page)).resolves.toBe("BUTTON:Granska");
    await page.keyboard.press("ArrowLeft");
    await expect(page.getByRole("tab", { name: "Bygg ark" }).getAttribute("aria-selected")).resolves.toBe("true");
    // Into the view: agreement, scope, county, demo, then the button.
    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toMatch(/^SELECT:/);
    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toMatch(/^INPUT:/);
    await page.keyboard.press("ArrowRight"); // radio: Ett län
    await expect(page.getByRole("radio", { name: "Ett län" }).isChecked()).resolves.toBe(true);
    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toMatch(/^SELECT:/);
    await page.keyboard.press("ArrowDown"); // 03 Uppsala län
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Fyll i fiktiva demouppgifter").evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toBe("BUTTON:Bygg fördelningsark");
    await page.keyboard.press("Enter");
    // A county's sheet is named after the county.
    await page.getByText(/^Klart: bladet ”Fördelning 03 Uppsala” har \d+ mottagare/).waitFor();
    expect(await gridSelection(page)).toContain("Bladet Fördelning 03 Uppsala");

    // Check it: the tab, then Tab to the button and Enter.
    await page.getByRole("tab", { name: "Bygg ark" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.getByRole("button", { name: "Granska bladet" }).waitFor();
    // The button is enabled (and so reachable by Tab) once the view has the workbook's sheets, the active one chosen.
    await page.waitForFunction(() => (document.querySelector("[data-testid=review-sheet]") as HTMLSelectElement | null)?.value === "Fördelning 03 Uppsala");
    await page.keyboard.press("Tab"); // the sheet list
    await expect(focused(page)).resolves.toMatch(/^SELECT:/);
    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toBe("BUTTON:Granska bladet");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("review-summary").textContent()).resolves.toMatch(/^0 fel, 0 avvikelser, 0 noteringar\. Bladet stämmer med reglerna\./);

    // Explain: the view explains the selection when it opens; the button and the details open with the keyboard.
    await page.getByRole("tab", { name: "Granska" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.getByRole("button", { name: "Förklara markeringen" }).waitFor(); // the view's chunk has arrived
    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toBe("BUTTON:Förklara markeringen");
    // The grid selection is the allocation sheet's A1 (the title row): nothing to explain there, and it says so.
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("explain-nothing").textContent()).resolves.toMatch(/^Markera en cell på en rad med en kommun/);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Följ markeringen").evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("Space");
    await expect(page.getByLabel("Följ markeringen").isChecked()).resolves.toBe(false);
  });
});
