/**
 * Server-renders the task pane shell (no DOM needed) and checks the Swedish
 * texts, amount formatting (src/core/format.ts) and citations.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { renderToString } from "react-dom/server";
import { App, type AgreementSummary } from "../src/taskpane/App";
import type { Citation } from "../src/core/model";

const PRIO_SOURCE: Citation = { doc: "004_a38fd00e97c5cefc.txt", section: "3", label: "Den ekonomiska omfattningen" };

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
    .replace(/&nbsp;|&#xA0;|&#160;/gi, "\u00a0")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/[ \t\n]+/g, " ");
}

describe("<App>", () => {
  test("shows the header, description and the empty state", () => {
    const t = text(render([]));
    expect(t).toContain("Stimulans");
    expect(t).toContain("Fördela och kontrollera statliga stimulansmedel");
    expect(t).toContain("Överenskommelser");
    expect(t).toContain("Inga överenskommelser laddade");
    expect(t).not.toContain("Förhandsvisning");
  });

  test("lists agreements with Swedish amounts and the source document in words", () => {
    const t = text(
      render([
        { id: "a", title: "Psykisk hälsa 2014", total: 692500000, source: PRIO_SOURCE },
        { id: "b", title: "Patientsäkerhet", total: 1234.5, source: { ...PRIO_SOURCE, doc: "003_df29125e70796945.txt", section: "Kommunal eHälsa" } },
      ]),
    );
    expect(t).not.toContain("Inga överenskommelser laddade");
    expect(t).toContain("Psykisk hälsa 2014");
    expect(t).toContain("692 500 000 kr");
    expect(t).toContain("1 234,50 kr");
    expect(t).toContain("Källa: Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3");
    expect(t).toContain("Källa: SKL:s information om stimulansmedel för Stockholms län 2014 (SKL-PM, odaterad), avsnittet ”Kommunal eHälsa”");
    expect(t).not.toContain(".txt");
  });

  test("marks the browser preview", () => {
    expect(text(render([], true))).toContain("Förhandsvisning");
  });
});
