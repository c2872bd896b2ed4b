import { createContext, useContext, type ReactNode } from "react";
import type { WorkbookAdapter } from "../office/workbook";

/**
 * Gives task pane components the workbook they work on: `OfficeWorkbook`
 * inside Excel, `MemoryWorkbook` in the browser preview and in tests.
 */
const WorkbookContext = createContext<WorkbookAdapter | null>(null);

export function WorkbookProvider({ workbook, children }: { workbook: WorkbookAdapter; children: ReactNode }) {
  return <WorkbookContext.Provider value={workbook}>{children}</WorkbookContext.Provider>;
}

export function useWorkbook(): WorkbookAdapter {
  const workbook = useContext(WorkbookContext);
  if (workbook === null) throw new Error("useWorkbook() används utanför <WorkbookProvider>.");
  return workbook;
}
