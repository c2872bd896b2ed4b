/** Renders task-pane components the way index.tsx does: Fluent's provider and the host context. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryWorkbook } from "../../src/office/memoryWorkbook";
import type { WorkbookAdapter } from "../../src/office/workbook";
import { HostProvider, type Host } from "../../src/taskpane/hostContext";

export function renderPane(ui: ReactElement, host: Partial<Host> = {}) {
  const memory = host.memory ?? (host.workbook ? undefined : new MemoryWorkbook());
  const full: Host = { workbook: (host.workbook ?? memory) as WorkbookAdapter, memory, preview: host.preview ?? true, formulaLocale: host.formulaLocale ?? "sv" };
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <HostProvider host={full}>{ui}</HostProvider>
    </FluentProvider>,
  );
  return { ...result, host: full, memory };
}
