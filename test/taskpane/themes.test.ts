/**
 * The pane's theme (src/taskpane/themes.json, ThemeRoot.tsx): Fluent UI v9's
 * web light and dark values for exactly the tokens the pane uses.
 */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import themes from "../../src/taskpane/themes.json";
import { themeCss } from "../../src/taskpane/ThemeRoot";
import { fluentTheme } from "../../src/taskpane/theme";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { usedTokens } = require("../../scripts/gen-pane-themes.js") as { usedTokens: () => string[] };

test("every token the pane's sources use has its light and dark value (run `npm run themes` after using a new one)", () => {
  const used = usedTokens();
  expect(used.length).toBeGreaterThan(30);
  expect(Object.keys(themes.light).sort()).toEqual(used);
  expect(Object.keys(themes.dark).sort()).toEqual(used);
});

test("the values are Fluent's (run `npm run themes` after upgrading Fluent UI)", () => {
  for (const [name, value] of Object.entries(themes.light)) expect([name, value]).toEqual([name, (webLightTheme as Record<string, unknown>)[name]]);
  for (const [name, value] of Object.entries(themes.dark)) expect([name, value]).toEqual([name, (webDarkTheme as Record<string, unknown>)[name]]);
  expect(themes.light.colorNeutralBackground1).not.toBe(themes.dark.colorNeutralBackground1);
});

test("the theme becomes CSS variables on the root", () => {
  const css = themeCss(fluentTheme(true), ".x");
  expect(css.startsWith(".x{")).toBe(true);
  expect(css).toContain(`--colorNeutralBackground1:${webDarkTheme.colorNeutralBackground1};`);
  expect(css).toContain(`--fontFamilyBase:${webDarkTheme.fontFamilyBase};`);
});
