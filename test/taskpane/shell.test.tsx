/**
 * @jest-environment jsdom
 *
 * The pane's shell: tabs for every view with the keyboard, views loaded on
 * first use, and a Swedish message (never an empty pane) when a view cannot
 * be loaded or throws.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { VIEWS, type ViewInfo } from "../../src/taskpane/views/registry";
import { renderPane } from "./render";

jest.setTimeout(30_000); // Fluent's components in jsdom on a shared machine

const fake = (id: string, load: ViewInfo["load"]): ViewInfo => ({ id, label: id.toUpperCase(), title: `Vy ${id}`, description: `Beskrivning ${id}`, group: "ekonomi", load });
const ok = (text: string) => async () => ({ default: () => <p>{text}</p> });

test("every view of the registry has a tab; the first is open and its panel is labelled by its tab", async () => {
  renderPane(<App views={VIEWS} />);
  const tabs = screen.getAllByRole("tab");
  expect(tabs).toHaveLength(VIEWS.length);
  VIEWS.forEach((v, i) => expect(screen.getByRole("tab", { name: v.label })).toBe(tabs[i]));
  expect(tabs[0].getAttribute("aria-selected")).toBe("true");
  // One tab stop (Fluent's arrow-key mover): checked in Chromium by test/e2e/pane.e2e.ts.
  const panel = screen.getByRole("tabpanel");
  expect(panel.getAttribute("aria-labelledby")).toBe(tabs[0].id);
  expect(await within(panel).findByText(/Potter \(10\)/, {}, { timeout: 15000 })).toBeTruthy();
});

// Arrow keys, Home and End between the tabs are Fluent's (tabster, which
// needs a real layout): test/e2e/pane.e2e.ts goes through them in Chromium.
test("each tab opens its view, and a view is loaded once however often it is opened", async () => {
  const loads: string[] = [];
  const views = ["a", "b", "c"].map((id) => fake(id, async () => (loads.push(id), { default: () => <p>innehåll {id}</p> })));
  renderPane(<App views={views} />);
  await screen.findByText("innehåll a");
  const tab = (name: string) => screen.getByRole("tab", { name });
  for (const [name, text] of [["B", "innehåll b"], ["C", "innehåll c"], ["A", "innehåll a"], ["C", "innehåll c"]]) {
    fireEvent.click(tab(name));
    await screen.findByText(text);
    expect(tab(name).getAttribute("aria-selected")).toBe("true");
  }
  expect(loads).toEqual(["a", "b", "c"]);
});

test("the URL fragment opens a view directly, and changes are reported", async () => {
  const seen: string[] = [];
  renderPane(<App views={[fake("a", ok("A")), fake("b", ok("B"))]} initialView="b" onViewChange={(id) => seen.push(id)} />);
  await screen.findByText("B");
  fireEvent.click(screen.getByRole("tab", { name: "A" }));
  await screen.findByText("A");
  expect(seen).toEqual(["a"]);
});

test("a view that cannot be downloaded: a Swedish message, and 'Försök igen' loads it again", async () => {
  let attempts = 0;
  const flaky = fake("a", async () => {
    attempts++;
    if (attempts === 1) throw Object.assign(new Error("Loading chunk 42 failed."), { name: "ChunkLoadError" });
    return { default: () => <p>laddad</p> };
  });
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  renderPane(<App views={[flaky]} />);
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("En del av Stimulans kunde inte laddas.");
  expect(alert.textContent).toContain("Stäng tillägget och öppna det igen");
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Försök igen" })));
  await screen.findByText("laddad");
  expect(attempts).toBe(2);
  spy.mockRestore();
});

test("a view that throws while rendering shows what to do instead of an empty pane", async () => {
  const Broken = () => {
    throw new Error("oväntat");
  };
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  renderPane(<App views={[fake("a", async () => ({ default: Broken }))]} />);
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("Något gick fel.");
  expect(alert.textContent).toContain("Försök igen.");
  expect(alert.textContent).toContain("Teknisk information: oväntat");
  spy.mockRestore();
});

test("the preview says it works against a workbook in memory; inside Excel it does not", async () => {
  const { unmount } = renderPane(<App views={[fake("a", ok("A"))]} />, { preview: true });
  expect(screen.getByText("Förhandsvisning")).toBeTruthy();
  unmount();
  renderPane(<App views={[fake("a", ok("A"))]} />, { preview: false });
  await waitFor(() => expect(screen.queryByText("Förhandsvisning")).toBeNull());
});
