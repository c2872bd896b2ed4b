/**
 * Task pane entry. Runs in the shared runtime page (taskpane.html), next to
 * the custom functions bundle.
 *
 * Inside Excel it talks to the workbook through office.js. Opened in a plain
 * browser (office.js missing, or loaded but with no Office host) it falls
 * back to an in-memory workbook so the page works as a preview.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { MemoryWorkbook } from "../office/memoryWorkbook";
import { OfficeWorkbook } from "../office/officeWorkbook";
import type { WorkbookAdapter } from "../office/workbook";
import { AGREEMENTS } from "../agreements";
import { App, type AgreementSummary } from "./App";
import { WorkbookProvider } from "./workbookContext";

function render(workbook: WorkbookAdapter, preview: boolean): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html saknar elementet #root.");
  const agreements: AgreementSummary[] = AGREEMENTS.map((a) => ({ id: a.id, title: a.title, total: a.total, source: a.source }));
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <WorkbookProvider workbook={workbook}>
          <App agreements={agreements} preview={preview} />
        </WorkbookProvider>
      </FluentProvider>
    </StrictMode>,
  );
}

if (typeof Office === "undefined") {
  render(new MemoryWorkbook(), true);
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) render(new OfficeWorkbook(), false);
    else render(new MemoryWorkbook(), true);
  });
}
