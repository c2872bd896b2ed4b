#!/usr/bin/env node
/**
 * `npm run themes`: writes src/taskpane/themes.json, the values of the Fluent
 * UI v9 design tokens the task pane uses (every `tokens.<name>` in
 * src/taskpane) in Fluent's web light and dark themes.
 *
 * Why: the pane declares its theme as CSS variables (ThemeRoot.tsx). Fluent's
 * complete themes are built at run time from its colour palettes, which costs
 * about 7 KB (minified, gzipped) of the page's 150 KB budget; the tokens the
 * pane uses take about 1 KB. test/taskpane/themes.test.ts fails when a token
 * is used but missing here, or when a value differs from Fluent's, so run
 * this after using a new token or upgrading @fluentui/react-components.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { webLightTheme, webDarkTheme } = require("@fluentui/react-components");

const ROOT = path.join(__dirname, "..");
const PANE = path.join(ROOT, "src", "taskpane");
const OUT = path.join(PANE, "themes.json");

/** Every token name the pane's sources use (`tokens.colorNeutralForeground1` …), sorted. */
function usedTokens(dir = PANE) {
  const names = new Set();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) for (const m of fs.readFileSync(p, "utf8").matchAll(/\btokens\.([A-Za-z0-9]+)/g)) names.add(m[1]);
    }
  };
  walk(dir);
  return [...names].sort();
}

/** The pane's themes: light and dark, each token → Fluent's value. */
function paneThemes() {
  const pick = (theme) => Object.fromEntries(usedTokens().map((n) => [n, theme[n]]));
  return { light: pick(webLightTheme), dark: pick(webDarkTheme) };
}

if (require.main === module) {
  const themes = paneThemes();
  const missing = Object.keys(themes.light).filter((n) => themes.light[n] === undefined);
  if (missing.length) {
    console.error(`Okända tokens (finns inte i Fluents tema): ${missing.join(", ")}`);
    process.exit(1);
  }
  fs.writeFileSync(OUT, `${JSON.stringify(themes, null, 2)}\n`);
  console.log(`${path.relative(ROOT, OUT)}: ${Object.keys(themes.light).length} tokens`);
}

module.exports = { usedTokens, paneThemes };
