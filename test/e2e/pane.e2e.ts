/**
 * The task pane end to end, as users get it: the production build in
 * headless Chromium, started by the real office.js (from the npm package in
 * place of Microsoft's CDN), outside Office, so it runs as the browser
 * preview against the in-memory workbook.
 *
 * Also writes the screenshots in docs/screenshots/ (350 px, the width of
 * Excel's task pane) that the README shows.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { AGREEMENTS, getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";
import { evaluate } from "../../src/core/evaluate";
import { countySummary } from "../../src/core/summary";
import { diffEvaluations, whatIfSentence, withRuleOutcome } from "../../src/core/whatif";
import { VIEWS } from "../../src/taskpane/views/registry";
import { OFFICE_JS_OWN, ROOT, axe, launch, newPage, serve, type Served } from "./harness";

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
  await w.page.getByRole("group", { name: /^Celler i bladet/ }).waitFor();
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
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    },
    "tank-om": stockholmFails,
    lansoversikt: async (page) => {
      await page.getByRole("button", { name: "Skriv till nytt blad" }).click();
      await page.getByText(/Länsöversikten finns nu på bladet/).waitFor();
    },
  };

  test.each(VIEWS.map((v) => [v.id, v.title]))("%s (with its content showing, the grid beside it)", async (id, title) => {
    const { page, errors } = await open(id);
    await viewReady(page, title);
    await prepare[id]?.(page);
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
    expect(await page.getByTestId("whatif-chart").getAttribute("aria-label")).toBe(sentence);
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
    await grid.getByRole("button", { name: "Länsöversikt 01 Stockholms län" }).waitFor();
    const sumRow = grid.locator("tr", { hasText: "Summa (minst)" });
    expect((await sumRow.locator("td").allTextContents()).map(nbsp)).toContain("13 878 000 kr");
    const summary = countySummary(AGREEMENTS, "01");
    const rowCount = await grid.locator("tbody tr").evaluateAll((trs) => trs.filter((tr) => tr.querySelector("td")?.textContent).length);
    expect(rowCount).toBeGreaterThanOrEqual(summary.items.length);
    // Blad1 (the user's sheet) is still empty.
    await grid.getByRole("button", { name: "Blad1" }).click();
    expect(await grid.locator("tbody td").evaluateAll((tds) => tds.filter((td) => td.textContent).length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("screenshots for the README (docs/screenshots, 350 px)", () => {
  const dir = join(ROOT, "docs", "screenshots");
  mkdirSync(dir, { recursive: true });

  // Bygg fördelningsark, Granska länsark and Förklara are shot with their results by test/e2e/views-sheets.e2e.ts.
  const shotElsewhere = new Set(["bygg", "granska", "forklara"]);
  test.each(VIEWS.filter((v) => !shotElsewhere.has(v.id)).map((v) => [v.id, v.title]))("%s", async (id, title) => {
    const { page } = await open(id, 350, 1000);
    await viewReady(page, title);
    if (id === "tank-om") await stockholmFails(page);
    if (id === "lansoversikt") {
      await page.getByRole("button", { name: "Skriv till nytt blad" }).click();
      await page.getByText(/Länsöversikten finns nu på bladet/).waitFor();
    }
    const pane = page.getByTestId("pane");
    const box = (await pane.boundingBox())!;
    // The pane as Excel shows it: 350 px wide, at most 1 600 px of it.
    await page.screenshot({ path: join(dir, `${id}.png`), clip: { x: 0, y: box.y, width: 350, height: Math.min(box.height, 1600) }, fullPage: true });
    await page.close();
  });

  test("the browser preview: the workbook grid beside the pane", async () => {
    const { page } = await open("lansoversikt", 1280, 800);
    await viewReady(page, "Länsöversikt");
    await page.getByRole("button", { name: "Skriv till nytt blad" }).click();
    await page.getByText(/Länsöversikten finns nu på bladet/).waitFor();
    await page.screenshot({ path: join(dir, "preview.png") });
    await page.close();
  });
});
