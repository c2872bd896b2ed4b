/**
 * Server-renders the task pane shell (no DOM needed) and checks the Swedish
 * texts and amount formatting.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToString } from "react-dom/server";
import { App, type AgreementSummary } from "../src/taskpane/App";
import { NBSP, formatKronor, formatNumberSv, toPlainSpaces } from "../src/taskpane/format";

function render(agreements: AgreementSummary[], preview = false): string {
  return renderToString(
    <FluentProvider theme={webLightTheme}>
      <App agreements={agreements} preview={preview} />
    </FluentProvider>,
  );
}

/** Visible text of rendered HTML (tags removed, entities decoded). */
function text(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|&#xA0;|&#160;/gi, NBSP)
    .replace(/&amp;/g, "&")
    .replace(/[ \t\n]+/g, " ");
}

describe("formatKronor / formatNumberSv", () => {
  test("Swedish grouping with no-break spaces", () => {
    expect(formatKronor(692500000)).toBe(`692${NBSP}500${NBSP}000${NBSP}kr`);
    expect(toPlainSpaces(formatKronor(692500000))).toBe("692 500 000 kr");
    expect(formatKronor(0)).toBe(`0${NBSP}kr`);
    expect(formatKronor(-0)).toBe(`0${NBSP}kr`);
    expect(formatKronor(999)).toBe(`999${NBSP}kr`);
    expect(formatKronor(1000)).toBe(`1${NBSP}000${NBSP}kr`);
  });

  test("öre: two decimals with a decimal comma, only when needed", () => {
    expect(formatKronor(1234.5)).toBe(`1${NBSP}234,50${NBSP}kr`);
    expect(formatNumberSv(0.125)).toMatch(/^0,1[23]$/);
  });

  test("negative amounts use an ASCII minus", () => {
    expect(formatKronor(-1500)).toBe(`-1${NBSP}500${NBSP}kr`);
  });

  test("non-finite input does not pretend to be an amount", () => {
    expect(formatKronor(Number.NaN)).toBe("–");
    expect(formatKronor(Number.POSITIVE_INFINITY)).toBe("–");
  });
});

describe("<App>", () => {
  test("shows the header, description and the empty state", () => {
    const t = text(render([]));
    expect(t).toContain("Stimulans");
    expect(t).toContain("Fördela och kontrollera statliga stimulansmedel");
    expect(t).toContain("Överenskommelser");
    expect(t).toContain("Inga överenskommelser laddade");
    expect(t).not.toContain("Förhandsvisning");
  });

  test("lists agreements with Swedish amounts", () => {
    const t = text(
      render([
        { id: "a", title: "Psykisk hälsa 2014", total: 692500000 },
        { id: "b", title: "Patientsäkerhet", total: 1234.5 },
      ]),
    );
    expect(t).not.toContain("Inga överenskommelser laddade");
    expect(t).toContain("Psykisk hälsa 2014");
    expect(t).toContain(`692${NBSP}500${NBSP}000${NBSP}kr`);
    expect(t).toContain(`1${NBSP}234,50${NBSP}kr`);
  });

  test("marks the browser preview", () => {
    expect(text(render([], true))).toContain("Förhandsvisning");
  });
});
