/** Renders task-pane components the way index.tsx does: the theme root and the host context. */
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryWorkbook } from "../../src/office/memoryWorkbook";
import type { WorkbookAdapter } from "../../src/office/workbook";
import { HostProvider, type Host } from "../../src/taskpane/hostContext";
import { ThemeRoot } from "../../src/taskpane/ThemeRoot";
import { fluentTheme } from "../../src/taskpane/theme";

export function renderPane(ui: ReactElement, host: Partial<Host> = {}) {
  const memory = host.memory ?? (host.workbook ? undefined : new MemoryWorkbook());
  const full: Host = { workbook: (host.workbook ?? memory) as WorkbookAdapter, memory, preview: host.preview ?? true, formulaLocale: host.formulaLocale ?? "sv" };
  const result = render(
    <ThemeRoot theme={fluentTheme(false)}>
      <HostProvider host={full}>{ui}</HostProvider>
    </ThemeRoot>,
  );
  return { ...result, host: full, memory };
}
