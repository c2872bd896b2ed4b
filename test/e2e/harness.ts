/**
 * End-to-end harness: the built page (dist/preview.html: the task pane as
 * users get it, with the real office.js from the @microsoft/office-js
 * package instead of the unreachable CDN) served on a free loopback port,
 * opened in Debian's headless Chromium through playwright-core. No browser
 * is downloaded; every request that leaves the loopback server is refused
 * and recorded, so a test also proves the add-in makes no network calls.
 */
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
/** The task pane's width in Excel, and the screenshots' width. */
export const PANE_WIDTH = 350;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves dist/ on 127.0.0.1 at a port the system picks (never 3000). */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(DIST, "preview.html"))) throw new Error("dist/preview.html saknas: kör `npm run build` först (npm run test:e2e gör det).");
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    const file = join(DIST, path === "/" ? "preview.html" : path);
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  base: string;
  /** Requests refused because they left the loopback server. */
  offsite: string[];
  /** Errors thrown in the page, and console errors. */
  errors: string[];
  close: () => Promise<void>;
}

export async function openPreview(options: { width?: number; height?: number; hash?: string } = {}): Promise<Session> {
  const server = await serveDist();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: options.width ?? PANE_WIDTH, height: options.height ?? 900 }, locale: "sv-SE", reducedMotion: "reduce" });
  const offsite: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url)) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${server.url}/preview.html${options.hash ? `#${options.hash}` : ""}`);
  await page.getByRole("tablist", { name: "Vyer" }).waitFor();
  // The preview layout (its own chunk) replaces the first render of the pane when it arrives: wait for it.
  await page.getByRole("region", { name: "Arbetsboken (förhandsvisning)" }).waitFor();
  return {
    browser,
    context,
    page,
    base: server.url,
    offsite,
    errors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Runs axe-core (from node_modules) on the page; returns the violations, each with the offending elements. */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/** Opens a view by its tab. */
export async function openView(page: Page, label: string): Promise<void> {
  await page.getByRole("tab", { name: label }).click();
  await page.locator("#stim-view h2").filter({ hasText: /./ }).waitFor();
}

/** The grid's caption: "Bladet X – markerat: F7". */
export async function gridSelection(page: Page): Promise<string> {
  return (await page.locator("caption").first().textContent()) ?? "";
}
