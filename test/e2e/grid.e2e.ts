/**
 * The browser preview's grid as a spreadsheet for teaching, end to end in
 * headless Chromium on the built page, by keyboard: build the national
 * prio-2014 sheet (focus stays on the button), move with the arrow keys,
 * edit with Enter and F2, cancel with Escape, paste a block, and see the
 * computed amounts follow; the header rows and name columns stay in place.
 * Expected amounts come from the core run here in Node.
 */
import type { Browser, Page } from "playwright-core";
import { getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";
import { evaluate } from "../../src/core/evaluate";
import { withRuleOutcome } from "../../src/core/whatif";
import { buildAllocationSheet, sheetColumns } from "../../src/sheets";
import { columnIndexToLetters } from "../../src/sheets/a1";
import { launch, newPage, serve, type Served } from "./harness";

const PRIO = getAgreement("prio-2014");
const FACTS = demoFacts(PRIO);

/** Where a recipient's cell is on the national allocation sheet the layout writes. */
function addressOf(code: string, column: string): { row: number; col: number; a1: string } {
  const { geometry } = buildAllocationSheet(PRIO, sheetColumns(PRIO), { facts: FACTS });
  const row = geometry.firstDataRow + geometry.rows.findIndex((r) => r.level === "kommun" && r.code === code);
  const col = geometry.columns.get(column)!;
  return { row, col, a1: `${columnIndexToLetters(col)}${row + 1}` };
}

/** The kronor a kommun gets from a pot, by the core. */
function amount(facts: unknown, code: string, pot: string): number {
  const r = evaluate(PRIO, facts, { explain: false }).recipients.find((x) => x.level === "kommun" && x.code === code)!;
  return Number(r.pots.find((p) => p.pot === pot)!.amount);
}

let served: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await serve();
  browser = await launch();
  page = (await newPage(browser, 1280, 800)).page;
  await page.goto(`${served.url}/preview.html#bygg`);
  await page.getByRole("grid", { name: /^Celler i bladet/ }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const status = async () => (await page.getByTestId("grid-status").textContent()) ?? "";
const grid = () => page.getByTestId("sheet-grid");
/** Selects a cell as a link in a view does (the grid scrolls to it; only cells in view are rendered). */
async function reveal(a1: string) {
  await page.evaluate((a) => (window as unknown as { stimPreview: { select: (s: string, a: string) => void } }).stimPreview.select("Fördelning", a), a1);
  await grid().locator(`[data-cell="${a1}"]`).waitFor();
}
const cellText = async (a1: string) => ((await grid().locator(`[data-cell="${a1}"]`).textContent()) ?? "").replace(/\s/g, "");
/** Waits until a cell shows `want` (the recomputation is asynchronous). */
const shows = (a1: string, want: string) =>
  page.waitForFunction(([a, w]) => document.querySelector(`[data-testid=sheet-grid] [data-cell="${a}"]`)?.textContent?.replace(/\s/g, "") === w, [a1, want] as const);

/** Moves the grid's selection with the arrow keys from where it is to `target`. */
async function walkTo(target: { row: number; col: number }) {
  const at = /markerat: ([A-Z]+)(\d+)/.exec(await status())!;
  const col = [...at[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(at[2]) - 1;
  for (let i = 0; i < Math.abs(target.row - row); i++) await page.keyboard.press(target.row > row ? "ArrowDown" : "ArrowUp");
  for (let i = 0; i < Math.abs(target.col - col); i++) await page.keyboard.press(target.col > col ? "ArrowRight" : "ArrowLeft");
  await page.waitForFunction((a) => document.querySelector("[data-testid=grid-status]")?.textContent?.includes(`markerat: ${a}.`), `${columnIndexToLetters(target.col)}${target.row + 1}`);
}

test("Enter on Bygg fördelningsark builds the national sheet and leaves the focus on the button", async () => {
  await page.getByRole("radio", { name: "Hela riket" }).check();
  const button = page.getByRole("button", { name: "Bygg fördelningsark" });
  await button.focus();
  await page.keyboard.press("Enter");
  await page.getByText(/^Klart: bladet ”Fördelning” har 311 mottagare/).waitFor();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Bygg fördelningsark");
});

test("keyboard: arrows move, Enter edits and the amounts follow the core; F2 then Escape changes nothing", async () => {
  const answer = addressOf("0180", "GK1.innehall");
  const a3 = addressOf("0180", "belopp.A3");
  const solna = addressOf("0184", "belopp.A3");
  await reveal(a3.a1);
  expect(await cellText(a3.a1)).toBe(String(amount(FACTS, "0180", "A3")));
  await grid().focus();
  // Ctrl+Home, then the arrow keys to Stockholm's answer cell (the grid scrolls along).
  await page.keyboard.press("Control+Home");
  await walkTo(answer);
  await page.keyboard.press("Enter");
  const editor = grid().getByRole("textbox", { name: `Redigera ${answer.a1}` });
  await editor.waitFor();
  await editor.fill("Nej");
  await page.keyboard.press("Enter");
  // Enter keeps the value and moves down, as in Excel.
  await page.waitForFunction((a) => document.querySelector("[data-testid=grid-status]")?.textContent?.includes(`markerat: ${a}.`), `${columnIndexToLetters(answer.col)}${answer.row + 2}`);
  expect(await cellText(answer.a1)).toBe("Nej");
  // The focus is back on the grid; F2 opens the editor, Escape leaves the cell as it was.
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("F2");
  await grid().getByRole("textbox").fill("Ja");
  await page.keyboard.press("Escape");
  await grid().getByRole("textbox").waitFor({ state: "detached" });
  expect(await cellText(answer.a1)).toBe("Nej");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("sheet-grid");
  // The amounts are the core's with Stockholm failing GK1: its own and its neighbours'.
  const failing = withRuleOutcome(PRIO, FACTS, { level: "kommun", lan: "01", code: "0180" }, ["GK1"], false);
  await reveal(a3.a1);
  await shows(a3.a1, String(amount(failing, "0180", "A3")));
  expect(await cellText(solna.a1)).toBe(String(amount(failing, "0184", "A3")));
  expect(await page.getByTestId("grid-status").textContent()).toMatch(/De beräknade cellerna räknades om\.$/);
});

test("a pasted block is written from the selection and the amounts go back to the scenario's", async () => {
  const answer = addressOf("0180", "GK1.innehall");
  const a3 = addressOf("0180", "belopp.A3");
  await reveal(answer.a1);
  await grid().evaluate((el) => {
    const data = new DataTransfer();
    data.setData("text/plain", "Ja\r\n");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  expect(await cellText(answer.a1)).toBe("Ja");
  await reveal(a3.a1);
  await shows(a3.a1, String(amount(FACTS, "0180", "A3")));
});

test("header rows and name columns stay in place while the sheet scrolls; a far cell is scrolled into view when selected", async () => {
  const header = grid().getByRole("columnheader", { name: "A", exact: true });
  const before = (await header.boundingBox())!;
  const far = addressOf("2584", "belopp.A3"); // Kiruna, near the end of the sheet
  await reveal(far.a1);
  const cell = grid().locator(`[data-cell="${far.a1}"]`);
  const box = (await cell.boundingBox())!;
  const area = (await grid().boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(area.y);
  expect(box.y + box.height).toBeLessThanOrEqual(area.y + area.height);
  expect((await header.boundingBox())!.y).toBe(before.y);
  // The name of the far row is shown at the left, in the frozen columns.
  const name = grid().locator(`[data-cell="${columnIndexToLetters(1)}${far.row + 1}"]`);
  expect(await name.textContent()).toBe("Kiruna");
  expect((await name.boundingBox())!.x).toBeLessThan(box.x);
  // Only the rows in view are in the page: far fewer than the sheet's.
  expect(await grid().getByRole("row").count()).toBeLessThan(120);
});
