/** Renders task-pane components the way index.tsx does: the theme root and the host context. */
import { fireEvent, render, screen } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryWorkbook } from "../../src/office/memoryWorkbook";
import type { WorkbookAdapter } from "../../src/office/workbook";
import { HostProvider, type Host } from "../../src/taskpane/hostContext";
import { ThemeRoot } from "../../src/taskpane/ThemeRoot";
import type { ThemeKind } from "../../src/taskpane/theme";

export function renderPane(ui: ReactElement, host: Partial<Host> = {}, theme: ThemeKind = "light") {
  const memory = host.memory ?? (host.workbook ? undefined : new MemoryWorkbook());
  const full: Host = { workbook: (host.workbook ?? memory) as WorkbookAdapter, memory, preview: host.preview ?? true, formulaLocale: host.formulaLocale ?? "sv" };
  const result = render(
    <ThemeRoot theme={theme}>
      <HostProvider host={full}>{ui}</HostProvider>
    </ThemeRoot>,
  );
  return { ...result, host: full, memory };
}

/** Opens every closed section (Fluent's Accordion renders a closed panel's content only when opened). */
export function openSections(root: HTMLElement = document.body): void {
  for (let guard = 0; guard < 100; guard++) {
    const closed = root.querySelector<HTMLButtonElement>(".fui-AccordionHeader__button[aria-expanded='false']");
    if (!closed) return;
    fireEvent.click(closed);
  }
}

export { screen };
