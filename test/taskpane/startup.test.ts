/**
 * Start-up decisions (src/taskpane/startup.ts, theme.ts, errors.ts): where
 * the pane runs, which theme it takes, and what users read when something
 * fails. The real office.js start-up path runs in the end-to-end tests.
 */
import { detectHost, type OfficeLike } from "../../src/taskpane/startup";
import { userMessage } from "../../src/taskpane/errors";
import { isDark, luminance } from "../../src/taskpane/theme";
import { WorkbookError } from "../../src/office/workbook";

/** The part of office.js start-up reads: onReady resolves with the host, as office.js does. */
function office(host: string | null, context: object = {}): OfficeLike {
  return { onReady: async () => ({ host, platform: host ? "PC" : null }), HostType: { Excel: "Excel" }, context };
}

describe("detectHost", () => {
  test("no office.js (the CDN unreachable, or a plain page): the preview", async () => {
    expect(await detectHost(undefined)).toEqual({ kind: "preview", reason: "no-office-js" });
  });

  test("office.js loaded outside Office (onReady reports no host): the preview", async () => {
    expect(await detectHost(office(null))).toEqual({ kind: "preview", reason: "outside-office" });
  });

  test("another Office application: the preview (the pane needs Excel's workbook)", async () => {
    expect(await detectHost(office("Word"))).toEqual({ kind: "preview", reason: "other-host" });
  });

  test("Excel: its theme and its language decide the pane's colours and the formulas' names", async () => {
    const where = await detectHost(office("Excel", { officeTheme: { bodyBackgroundColor: "#262626" }, displayLanguage: "en-US" }));
    expect(where).toEqual({ kind: "excel", theme: { bodyBackgroundColor: "#262626" }, formulaLocale: "en" });
    expect(await detectHost(office("Excel", { displayLanguage: "sv-SE" }))).toMatchObject({ kind: "excel", formulaLocale: "sv" });
  });

  test("Excel where officeTheme throws (not supported): defaults, not a crash", async () => {
    const context = {};
    Object.defineProperty(context, "officeTheme", {
      get() {
        throw new Error("not supported");
      },
    });
    expect(await detectHost(office("Excel", context))).toEqual({ kind: "excel", theme: undefined, formulaLocale: "sv" });
  });
});

describe("theme", () => {
  test.each([
    ["#FFFFFF", false],
    ["#E6E6E6", false],
    ["#262626", true],
    ["#000000", true],
    ["#6A6A6A", true],
  ])("Office body %s → dark %p", (bg, dark) => {
    expect(isDark({ bodyBackgroundColor: bg })).toBe(dark);
  });

  test("no Office theme: the system's setting decides", () => {
    expect(isDark(undefined, true)).toBe(true);
    expect(isDark({ bodyBackgroundColor: "nonsens" }, false)).toBe(false);
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(luminance("fff")).toBeNull();
  });
});

describe("userMessage", () => {
  test("messages meant for users pass through, with what to do", () => {
    expect(userMessage(new WorkbookError('Det finns inget blad som heter "X".'))).toEqual({
      title: 'Det finns inget blad som heter "X".',
      action: "Rätta uppgiften och försök igen.",
    });
  });

  test.each([
    ["InvalidOperationInCellEditMode", "Excel redigerar en cell just nu."],
    ["AccessDenied", "Excel tillåter inte ändringen."],
    ["RequestPayloadSizeLimitExceeded", "Datamängden är för stor för Excel på webben."],
  ])("Excel's %s gets a Swedish message", (code, title) => {
    const m = userMessage(Object.assign(new Error("English text"), { code }));
    expect(m.title).toBe(title);
    expect(m.detail).toBe("English text");
  });

  test("a failed download and anything else: Swedish, with the detail kept apart", () => {
    expect(userMessage(Object.assign(new Error("Loading chunk 3 failed."), { name: "ChunkLoadError" })).title).toBe("En del av Stimulans kunde inte laddas.");
    expect(userMessage("konstigt")).toEqual({
      title: "Något gick fel.",
      action: "Försök igen. Om felet kvarstår: spara arbetsboken, stäng tillägget och öppna det igen.",
      detail: "konstigt",
    });
  });
});
