/**
 * The task pane end to end, as users get it: the production build in
 * headless Chromium, started by the real office.js (from the npm package in
 * place of Microsoft's CDN), outside Office, so it runs as the browser
 * preview against the in-memory workbook.
 *
 * Screenshots for docs/ are made by test/e2e/screenshots.ts (run by hand),
 * never by the tests.
 */
import type { Browser, Page } from "playwright-core";
import { AGREEMENTS, getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";
import { evaluate } from "../../src/core/evaluate";
import { countySummary } from "../../src/core/summary";
import { diffEvaluations, whatIfSentence, withRuleOutcome } from "../../src/core/whatif";
import { VIEWS } from "../../src/taskpane/views/registry";
import { OFFICE_JS_OWN, axe, launch, newPage, serve, type Served } from "./harness";

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serve();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** Opens preview.html (optionally at a view) and waits until the pane is up. */
async function open(view = "", width = 1200, height = 900) {
  const w = await newPage(browser, width, height);
  await w.page.goto(`${served.url}/preview.html${view ? `#${view}` : ""}`);
  await w.page.getByRole("tablist", { name: "Vyer" }).waitFor();
  await w.page.getByRole("grid", { name: /^Celler i bladet/ }).waitFor();
  return w;
}

/** Waits until the open view has loaded (its chunk arrived, no spinner). */
async function viewReady(page: Page, title: string) {
  await page.locator("#stim-view h2", { hasText: title }).waitFor();
  await page.waitForFunction(() => !document.body.textContent?.includes("Laddar vyn"));
}

/** Makes Stockholm (0180) miss the grundkrav in "Tänk om" and waits for the result. */
async function stockholmFails(page: Page) {
  await page.getByLabel("Grundkraven (GK1, GK2)").selectOption("not-met");
  await page.getByTestId("whatif-table").waitFor();
}

/** Opens every closed Fluent accordion section of the view. */
async function openSections(page: Page) {
  for (let guard = 0; guard < 100; guard++) {
    const closed = page.locator("#stim-view .fui-AccordionHeader__button[aria-expanded=false]").first();
    if ((await closed.count()) === 0) return;
    await closed.click();
  }
}

const nbsp = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

describe("start-up with the real office.js", () => {
  test("taskpane.html (office.js from the CDN address): outside Office it opens the preview; no request of ours leaves the machine", async () => {
    const { page, blocked, errors } = await newPage(browser);
    await page.goto(`${served.url}/taskpane.html`);
    await page.getByText("Förhandsvisning").waitFor();
    expect(await page.evaluate(() => typeof Office)).toBe("object");
    expect(await page.evaluate(async () => (await Office.onReady()).host)).toBeNull();
    await viewReady(page, VIEWS[0].title);
    expect(blocked.filter((u) => !OFFICE_JS_OWN.test(u))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("preview.html loads office.js from the package's copy beside the page", async () => {
    const { page, blocked, errors } = await newPage(browser);
    const requested: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${served.url}/preview.html`);
    await page.getByText("Förhandsvisning").waitFor();
    expect(requested).toContain("/office-js/office.js");
    expect(await page.evaluate(() => typeof Office)).toBe("object");
    expect(blocked.filter((u) => !OFFICE_JS_OWN.test(u))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("keyboard", () => {
  test("Tab reaches the view tabs first; arrow keys open every view; Tab goes into the view and Shift+Tab back", async () => {
    const { page, errors } = await open();
    await page.keyboard.press("Tab");
    for (const [i, view] of VIEWS.entries()) {
      if (i > 0) await page.keyboard.press("ArrowRight");
      // The selection is rendered, then focus follows it: wait for both.
      await page.waitForFunction((label) => document.activeElement?.textContent === label && document.activeElement?.getAttribute("aria-selected") === "true", view.label, { timeout: 5000 }).catch(() => undefined);
      const focused = await page.evaluate(() => ({ role: document.activeElement?.getAttribute("role"), text: document.activeElement?.textContent, selected: document.activeElement?.getAttribute("aria-selected") }));
      expect(focused).toEqual({ role: "tab", text: view.label, selected: "true" });
      await viewReady(page, view.title);
      await page.keyboard.press("Tab");
      expect([view.id, await page.evaluate(() => (document.activeElement?.closest("#stim-view") ? "in view" : document.activeElement?.outerHTML.slice(0, 120)))]).toEqual([view.id, "in view"]);
      await page.keyboard.press("Shift+Tab");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("tab");
    }
    // And around again: the last tab wraps to the first.
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction((label) => document.activeElement?.textContent === label, VIEWS[0].label, { timeout: 5000 }).catch(() => undefined);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(VIEWS[0].label);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("Tänk om and Länsöversikt can be worked with the keyboard alone", async () => {
    const { page } = await open("lansoversikt");
    await viewReady(page, "Länsöversikt");
    await page.getByRole("button", { name: "Skriv till nytt blad" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText(/Länsöversikten finns nu på bladet/).waitFor();
    await page.close();
  });
});

describe("accessibility (axe-core): no violations", () => {
  const prepare: Record<string, (page: Page) => Promise<void>> = {
    overenskommelser: async (page) => {
      // Open every section, so that every card is checked.
      await openSections(page);
    },
    "tank-om": stockholmFails,
    lansoversikt: async (page) => {
      await page.getByRole("button", { name: "Skriv till nytt blad" }).click();
      await page.getByText(/Länsöversikten finns nu på bladet/).waitFor();
    },
  };

  const THEMES = [
    ["light", async () => undefined],
    ["dark", (page: Page) => page.emulateMedia({ colorScheme: "dark" })],
    ["high contrast", (page: Page) => page.emulateMedia({ forcedColors: "active" })],
  ] as const;
  test.each(THEMES.flatMap(([theme]) => VIEWS.map((v) => [v.id, theme, v.title])))("%s in the %s theme (with its content showing, the grid beside it)", async (id, theme, title) => {
    const { page, errors } = await open(id);
    await THEMES.find(([t]) => t === theme)![1](page);
    await viewReady(page, title);
    await prepare[id]?.(page);
    expect(await page.locator(".fui-FluentProvider").first().getAttribute("data-theme")).toBe(theme === "high contrast" ? "contrast" : theme);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("in a 350 px pane, dark system theme", async () => {
    const { page } = await open("tank-om", 350);
    await page.emulateMedia({ colorScheme: "dark" });
    await viewReady(page, "Tänk om");
    await stockholmFails(page);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

describe("Tänk om against the core", () => {
  test("Stockholm misses the grundkrav: the sentence, the chart's name and every row's change are the core's, to the krona", async () => {
    const prio = getAgreement("prio-2014");
    const base = demoFacts(prio);
    const before = evaluate(prio, base, { explain: false });
    const after = evaluate(prio, withRuleOutcome(prio, base, { level: "kommun", lan: "01", code: "0180" }, ["GK1", "GK2"], false), { explain: false });
    const diff = diffEvaluations(before, after);
    const sentence = whatIfSentence(diff, { kind: "requirements", who: "Stockholm", meets: false }, { subject: "kommun:0180" });

    const { page, errors } = await open("tank-om");
    await viewReady(page, "Tänk om");
    await stockholmFails(page);
    expect(nbsp(await page.getByTestId("whatif-sentence").textContent())).toBe(sentence);
    const headline = await page.getByTestId("whatif-headline").textContent();
    expect(await page.getByTestId("whatif-chart").getAttribute("aria-label")).toBe(`Diagram: ${headline}`);
    const rows = await page.locator("[data-testid=whatif-table] tbody tr[data-key]").evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-key"), tr.getAttribute("data-delta")]));
    expect(rows).toEqual(diff.recipients.slice(0, 25).map((r) => [`${r.level}:${r.code}`, r.delta.toString()]));
    // Stockholm's own row shows what it had and what it loses.
    const stockholm = diff.recipients.find((r) => r.code === "0180")!;
    const cells = await page.locator('[data-key="kommun:0180"] td').allTextContents();
    expect(cells.map(nbsp)).toEqual([`${fmt(stockholm.before)} kr`, `-${fmt(-stockholm.delta)} kr`]);

    await page.getByLabel("Per län").check();
    const counties = await page.locator("[data-testid=whatif-table] tbody tr[data-key]").evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-key"), tr.getAttribute("data-delta")]));
    expect(counties).toEqual(diff.counties.map((c) => [c.lan, c.delta.toString()]));
    expect(errors).toEqual([]);
    await page.close();
  });
});

function fmt(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

describe("Länsöversikt in the preview", () => {
  test("written to a new sheet of the in-memory workbook, shown in the grid; the existing sheet is untouched", async () => {
    const { page, errors } = await open("lansoversikt");
    await viewReady(page, "Länsöversikt");
    expect(nbsp(await page.getByTestId("county-minimum").textContent())).toBe("13 878 000 kr");
    await page.getByRole("button", { name: "Skriv till nytt blad" }).click();
    await page.getByText("Länsöversikten finns nu på bladet ”Länsöversikt 01 Stockholms län”. Inga befintliga celler ändrades.").waitFor();
    const grid = page.getByRole("region", { name: "Arbetsboken (förhandsvisning)" });
    await grid.getByRole("tab", { name: "Länsöversikt 01 Stockholms län", selected: true }).waitFor();
    const sumRow = grid.getByRole("row").filter({ hasText: "Summa (minst)" });
    expect((await sumRow.getByRole("gridcell").allTextContents()).map(nbsp)).toContain("13 878 000 kr");
    const summary = countySummary(AGREEMENTS, "01");
    const rowCount = await grid.getByRole("row").evaluateAll((trs) => trs.filter((tr) => tr.querySelector("[role=gridcell]")?.textContent).length);
    expect(rowCount).toBeGreaterThanOrEqual(summary.items.length);
    // Blad1 (the user's sheet) is still empty.
    await grid.getByRole("tab", { name: "Blad1" }).click();
    expect(await grid.getByRole("gridcell").evaluateAll((tds) => tds.filter((td) => td.textContent).length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});


describe("Tänk om for a room", () => {
  test("at 1 280 × 720 with a 450 px pane the headline is on screen without scrolling, in at most two lines; presenter mode fills the window", async () => {
    const w = await newPage(browser, 1280, 720);
    const { page, errors } = w;
    await page.goto(`${served.url}/preview.html?pane=450#tank-om`);
    await viewReady(page, "Tänk om");
    await stockholmFails(page);
    const head = page.getByTestId("whatif-headline");
    expect(nbsp(await head.textContent())).toMatch(/^Om Stockholm inte uppfyller grundkraven flyttas [\d ]+,\d mnkr från \d+ mottagare i Stockholms län till \d+ andra\.$/);
    const box = (await head.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const lineHeight = await head.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect(box.height).toBeLessThanOrEqual(2 * lineHeight + 1);
    // Presenter mode: the whole window, large type, the chart across it; Escape closes it and focus returns.
    await page.getByRole("button", { name: "Presentera" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Presentationsläge" });
    await dialog.waitFor();
    // Fluent's dialog grows in (a short motion): the size once it has settled.
    await page.waitForFunction(() => (document.querySelector("[role=dialog]")?.getBoundingClientRect().width ?? 0) >= 1270, undefined, { timeout: 5000 });
    const d = (await dialog.boundingBox())!;
    expect(d.width).toBeGreaterThanOrEqual(1270);
    expect(d.height).toBeGreaterThanOrEqual(710);
    expect(await page.getByTestId("presenter-headline").evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(32);
    expect((await dialog.getByTestId("whatif-chart").boundingBox())!.width).toBeGreaterThan(1000);
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Presentera");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("Överenskommelser in a narrow pane", () => {
  test("starts short with its sections closed, opens one by keyboard, and no amount breaks across lines", async () => {
    const { page, errors } = await open("overenskommelser", 350, 900);
    await viewReady(page, "Överenskommelser");
    const height = await page.getByTestId("pane").evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeLessThan(1500);
    // The first section's header by keyboard: Enter opens it.
    const header = page.locator("#stim-view .fui-AccordionHeader__button").first();
    await header.focus();
    await page.keyboard.press("Enter");
    expect(await header.getAttribute("aria-expanded")).toBe("true");
    // Every amount in the view is one unbroken line: its spaces are no-break spaces.
    const amounts = await page.locator("#stim-view").evaluate((el) => (el.textContent ?? "").match(/\d[\d \u00a0]*\d(?:[ \u00a0]kr)/g) ?? []);
    expect(amounts.length).toBeGreaterThan(0);
    for (const a of amounts) expect(a).not.toMatch(/ /);
    expect(errors).toEqual([]);
    await page.close();
  });
});
