/**
 * Task pane entry. Runs in the shared runtime page (taskpane.html, or
 * preview.html with office.js from the npm package), after functions.js.
 *
 * Inside Excel it talks to the workbook through office.js. Opened in a plain
 * browser it works against an in-memory workbook and shows it as a grid
 * beside the pane (the preview). See startup.ts.
 */
import { FluentProvider } from "@fluentui/react-components";
import { StrictMode, Suspense, lazy, useEffect, useState, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { MemoryWorkbook } from "../office/memoryWorkbook";
import { OfficeWorkbook } from "../office/officeWorkbook";
import { App } from "./App";
import { userMessage } from "./errors";
import { HostProvider, type Host } from "./hostContext";
import { detectHost, type OfficeLike } from "./startup";
import { fluentTheme, isDark } from "./theme";
import { formulaLocaleFor } from "../runtime";

const PreviewLayout = lazy(() => import(/* webpackChunkName: "preview" */ "./preview/PreviewLayout"));

const initialView = () => decodeURIComponent(location.hash.replace(/^#/, "")) || undefined;
const rememberView = (id: string) => {
  // office.js removes history.replaceState and pushState (seen in the preview with office.js loaded): keep the
  // fragment with location.replace then, which also adds no history entry.
  if (typeof history.replaceState === "function") history.replaceState(null, "", `#${id}`);
  else location.replace(`#${id}`);
};

/** Follows the system's light/dark setting (the preview has no Office theme to follow). */
function useSystemDark(): boolean {
  const query = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : undefined;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setDark(query.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, [query]);
  return dark;
}

function Preview({ host }: { host: Host }) {
  const dark = useSystemDark();
  return (
    <FluentProvider theme={fluentTheme(dark)} lang="sv" style={{ minHeight: "100vh" }}>
      <HostProvider host={host}>
        <Suspense fallback={<App initialView={initialView()} onViewChange={rememberView} />}>
          <PreviewLayout memory={host.memory!}>
            <App initialView={initialView()} onViewChange={rememberView} />
          </PreviewLayout>
        </Suspense>
      </HostProvider>
    </FluentProvider>
  );
}

function showFatal(container: HTMLElement, error: unknown): void {
  const m = userMessage(error);
  container.textContent = "";
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.style.padding = "12px";
  p.textContent = `${m.title} ${m.action}${m.detail ? ` (${m.detail})` : ""}`;
  container.appendChild(p);
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html saknar elementet #root.");
  try {
    const where = await detectHost(typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike));
    let tree: ReactNode;
    if (where.kind === "excel") {
      const host: Host = { workbook: new OfficeWorkbook(), preview: false, formulaLocale: where.formulaLocale };
      tree = (
        <FluentProvider theme={fluentTheme(isDark(where.theme))} lang="sv" style={{ minHeight: "100vh" }}>
          <HostProvider host={host}>
            <App initialView={initialView()} onViewChange={rememberView} />
          </HostProvider>
        </FluentProvider>
      );
    } else {
      const memory = new MemoryWorkbook();
      // The preview's workbook, for automation: the end-to-end tests seed sheets through it.
      (window as unknown as { stimPreview?: MemoryWorkbook }).stimPreview = memory;
      tree = <Preview host={{ workbook: memory, memory, preview: true, formulaLocale: formulaLocaleFor("sv-SE") }} />;
    }
    createRoot(container).render(<StrictMode>{tree}</StrictMode>);
  } catch (e) {
    showFatal(container, e);
  }
}

void start();
