import { createContext, useContext, type ReactNode } from "react";
import type { FormulaLocale } from "../functions/formula";
import type { MemoryWorkbook } from "../office/memoryWorkbook";
import type { WorkbookAdapter } from "../office/workbook";

/**
 * Where the pane runs, for every view: the workbook it works on
 * (`OfficeWorkbook` inside Excel, `MemoryWorkbook` in the browser preview
 * and in tests), whether this is the preview, and how formulas are written
 * for the user's Excel (Swedish or English function names).
 */
export interface Host {
  workbook: WorkbookAdapter;
  /** The in-memory workbook when running outside Excel (the preview shows it as a grid). */
  memory?: MemoryWorkbook;
  preview: boolean;
  formulaLocale: FormulaLocale;
}

const HostContext = createContext<Host | null>(null);

export function HostProvider({ host, children }: { host: Host; children: ReactNode }) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

export function useHost(): Host {
  const host = useContext(HostContext);
  if (host === null) throw new Error("useHost() används utanför <HostProvider>.");
  return host;
}

export function useWorkbook(): WorkbookAdapter {
  return useHost().workbook;
}

export function useFormulaLocale(): FormulaLocale {
  return useHost().formulaLocale;
}
