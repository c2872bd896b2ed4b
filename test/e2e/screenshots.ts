/**
 * Writes the screenshots in docs/screenshots/: every view of the task pane
 * with its result showing, at 350 px (Excel's pane) and 1 400 px (the
 * browser preview with the grid beside the pane), light and dark, from the
 * built page (dist/) in headless Chromium. Run by hand after a build, never
 * by the tests:
 *
 *   npx webpack --mode production && npx tsx test/e2e/screenshots.ts
 *
 * Names: <view>-<width>-<theme>.png; <view>.png (350 px, light) and
 * preview.png (1 400 px, light, Länsöversikt) are the ones the README shows.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { VIEWS } from "../../src/taskpane/views/registry";
import { ROOT, launch, newPage, serve } from "./harness";

const DIR = join(ROOT, "docs", "screenshots");

const ready = async (page: Page, title: string) => {
  await page.locator("#stim-view h2", { hasText: title }).waitFor();
  await page.waitForFunction(() => !document.body.textContent?.includes("Laddar vyn"));
};

const tab = async (page: Page, label: string, title: string) => {
  await page.getByRole("tab", { name: label }).click();
  await ready(page, title);
};

/** What each view shows in its screenshot: its result, as a user gets there. */
const PREPARE: Record<string, (page: Page) => Promise<void>> = {
  overenskommelser: async (page) => {
    await page.locator("#stim-view .fui-AccordionHeader__button").first().click(); // Potter open, the rest closed
  },
  bygg: async (page) => {
    await page.getByRole("button", { name: "Bygg fördelningsark" }).click();
    await page.getByText(/^Klart: bladet/).waitFor();
  },
  granska: async (page) => {
    await tab(page, "Bygg ark", "Bygg fördelningsark");
    await PREPARE.bygg(page);
    await page.evaluate(() => {
      const wb = (window as unknown as { stimPreview: { snapshot: (s: string) => { values: unknown[][] }; setValues: (s: string, a: string, v: unknown[][]) => void } }).stimPreview;
      const row = wb.snapshot("Fördelning").values.findIndex((r) => r[0] === "1280");
      wb.setValues("Fördelning", `F${row + 1}`, [["kanske"]]);
    });
    await tab(page, "Granska", "Granska länsark");
    await page.getByLabel("Blad att granska").selectOption("Fördelning");
    await page.getByRole("button", { name: "Granska bladet" }).click();
    await page.getByTestId("review-summary").waitFor();
  },
  forklara: async (page) => {
    await tab(page, "Bygg ark", "Bygg fördelningsark");
    await PREPARE.bygg(page);
    await tab(page, "Förklara", "Förklara");
    await page.evaluate(() => {
      const wb = (window as unknown as { stimPreview: { snapshot: (s: string) => { values: unknown[][] }; select: (s: string, a: string) => void } }).stimPreview;
      const row = wb.snapshot("Fördelning").values.findIndex((r) => r[0] === "1280");
      wb.select("Fördelning", `B${row + 1}`);
    });
    await page.getByTestId("explanation").waitFor();
  },
  "tank-om": async (page) => {
    await page.getByLabel("Grundkraven (GK1, GK2)").selectOption("not-met");
    await page.getByTestId("whatif-table").waitFor();
  },
  lansoversikt: async (page) => {
    await page.getByRole("button", { name: "Skriv till nytt blad" }).click();
    await page.getByText(/Länsöversikten finns nu på bladet/).waitFor();
  },
};

async function main() {
  mkdirSync(DIR, { recursive: true });
  const served = await serve();
  const browser = await launch();
  try {
    for (const view of VIEWS) {
      for (const width of [350, 1400]) {
        for (const theme of ["light", "dark"] as const) {
          const { page } = await newPage(browser, width, 900);
          await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
          const first = view.id === "granska" || view.id === "forklara" ? "bygg" : view.id;
          await page.goto(`${served.url}/preview.html#${first}`);
          await ready(page, VIEWS.find((v) => v.id === first)!.title);
          await PREPARE[view.id]?.(page);
          await page.waitForTimeout(300); // Fluent's transitions settle
          await page.evaluate(() => window.scrollTo(0, 0));
          const file = join(DIR, `${view.id}-${width}-${theme}.png`);
          if (width === 350) {
            const box = (await page.getByTestId("pane").boundingBox())!;
            await page.screenshot({ path: file, clip: { x: 0, y: box.y, width: 350, height: Math.min(box.height, 1600) }, fullPage: true });
          } else {
            await page.screenshot({ path: file });
          }
          console.log(file);
          await page.close();
        }
      }
      copyFileSync(join(DIR, `${view.id}-350-light.png`), join(DIR, `${view.id}.png`));
    }
    copyFileSync(join(DIR, "lansoversikt-1400-light.png"), join(DIR, "preview.png"));
  } finally {
    await browser.close();
    await served.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
