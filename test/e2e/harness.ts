/**
 * End-to-end harness: serves dist/ (the production build) on a free port of
 * 127.0.0.1 and drives Debian's Chromium with playwright-core (no browser is
 * downloaded). Every request that leaves 127.0.0.1 is stopped and recorded;
 * requests for office.js on Microsoft's CDN are answered from the
 * @microsoft/office-js package, so taskpane.html starts exactly as it does
 * for users, with the real office.js.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { PROGRAMS, requireProgram } from "../support/programs";

export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");
const OFFICE_JS_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

export interface Served {
  url: string;
  close: () => Promise<void>;
}

/** Serves `dir` read-only on 127.0.0.1 at a port the system picks. */
export async function serve(dir = DIST): Promise<Served> {
  if (!existsSync(join(dir, "preview.html"))) throw new Error(`${dir}/preview.html saknas: kör npm run build först.`);
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Debian's Chromium, found on PATH or through CHROMIUM (test/support/programs.ts);
 * without it, one line that says what to install.
 */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: requireProgram(PROGRAMS.chromium),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

export interface Watched {
  page: Page;
  /** Requests that tried to leave 127.0.0.1 (stopped), office.js's CDN excepted. */
  blocked: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/** A page that answers office.js from the npm package and stops every other request to the outside. */
export async function newPage(browser: Browser, width = 1200, height = 900): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width, height }, locale: "sv-SE" });
  const blocked: string[] = [];
  const errors: string[] = [];
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, async (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_CDN)) {
      const file = join(OFFICE_JS_DIST, url.slice(OFFICE_CDN.length).split("?")[0]);
      if (file.startsWith(OFFICE_JS_DIST) && existsSync(file)) {
        await route.fulfill({ path: file, contentType: "text/javascript" });
        return;
      }
    }
    blocked.push(url);
    await route.abort();
  });
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return { page, blocked, errors };
}

/** office.js, loaded outside Office, asks Microsoft's telemetry service; that (stopped) request is office.js's own, not the add-in's. */
export const OFFICE_JS_OWN = /^https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\//;

/**
 * Runs axe-core (from the npm package) on the page; returns the violations.
 * Fluent's focus manager (tabster) puts invisible, aria-hidden sentinels
 * (`<i tabindex="0" data-tabster-dummy>`) at the edges of tab lists and
 * dialogs to keep Tab order; they hand focus on at once and are never read,
 * so they are left out of the check.
 */
export async function axe(page: Page): Promise<{ id: string; impact: string | null; help: string; nodes: string[] }[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run({ exclude: [["[data-tabster-dummy]"]] } as unknown as Document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
}
