/**
 * Task pane entry. Runs in the shared runtime page (taskpane.html, or
 * preview.html with office.js from the npm package), after functions.js.
 *
 * Inside Excel it talks to the workbook through office.js. Opened in a plain
 * browser it works against an in-memory workbook and shows it as a grid
 * beside the pane (the preview). See startup.ts.
 */
import { StrictMode, useEffect, useState, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { MemoryWorkbook } from "../office/memoryWorkbook";
import { OfficeWorkbook } from "../office/officeWorkbook";
import { App } from "./App";
import { userMessage } from "./errors";
import { HostProvider, type Host } from "./hostContext";
import { PreviewLayout } from "./preview/PreviewLayout";
import { detectHost, type OfficeLike } from "./startup";
import { isDark, themeKind } from "./theme";
import { ThemeRoot } from "./ThemeRoot";
import { formulaLocaleFor } from "../runtime";


const initialView = () => decodeURIComponent(location.hash.replace(/^#/, "")) || undefined;
/**
 * Keeps the open view in the URL fragment (a reload or a link opens it
 * again). office.js replaces history.replaceState with a stub outside some
 * hosts, so the fragment is set directly.
 */
const rememberView = (id: string) => {
  try {
    if (location.hash !== `#${id}`) location.hash = id;
  } catch {
    // A host that forbids it: the view is simply not remembered.
  }
};

/** Follows a media query of the system (light/dark, high contrast). */
function useMedia(text: string): boolean {
  const query = typeof matchMedia === "function" ? matchMedia(text) : undefined;
  const [matches, setMatches] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setMatches(query.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, [query]);
  return matches;
}

/** The system's high-contrast mode (Windows contrast themes, forced colours). */
const useContrast = () => useMedia("(forced-colors: active)");

function Preview({ host }: { host: Host }) {
  const dark = useMedia("(prefers-color-scheme: dark)");
  const contrast = useContrast();
  return (
    <ThemeRoot theme={themeKind(dark, contrast)}>
      <HostProvider host={host}>
        <PreviewLayout memory={host.memory!}>
          <App initialView={initialView()} onViewChange={rememberView} />
        </PreviewLayout>
      </HostProvider>
    </ThemeRoot>
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
      const officeTheme = where.theme;
      const Excel = () => (
        <ThemeRoot theme={themeKind(isDark(officeTheme), useContrast())}>
          <HostProvider host={host}>
            <App initialView={initialView()} onViewChange={rememberView} />
          </HostProvider>
        </ThemeRoot>
      );
      tree = <Excel />;
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
