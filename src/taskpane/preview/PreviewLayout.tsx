/**
 * The browser preview: the in-memory workbook as a grid on the left, the
 * task pane at Excel's pane width on the right. In a window narrower than
 * the two together (a phone, a 350 px screenshot) the pane comes first and
 * the grid below it. `?pane=450` in the address gives the pane another
 * width (300–800 px), as a user can drag Excel's pane wider.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, type ReactNode } from "react";
import type { MemoryWorkbook } from "../../office/memoryWorkbook";
import { Spinner } from "../components/ui";

// The grid is only needed in the preview: its own chunk, loaded beside the pane (which starts at once).
const SheetGrid = lazy(() => import(/* webpackChunkName: "preview-grid" */ "./SheetGrid"));

const useStyles = makeStyles({
  layout: {
    display: "flex",
    flexDirection: "row-reverse",
    alignItems: "stretch",
    minHeight: "100vh",
    "@media (max-width: 760px)": { flexDirection: "column" },
  },
  pane: {
    flex: "0 0 350px",
    // The pane keeps its width whatever its content (a long tab row scrolls inside it).
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    "@media (max-width: 760px)": { flexBasis: "auto", borderLeft: "none" },
  },
  grid: { flex: "1 1 auto", minWidth: 0, backgroundColor: tokens.colorNeutralBackground2 },
});

/** The pane's width asked for in the address (`?pane=450`), within 300–800 px; undefined for Excel's default. */
export function paneWidth(search: string): number | undefined {
  const v = Number(new URLSearchParams(search).get("pane"));
  return Number.isInteger(v) && v >= 300 && v <= 800 ? v : undefined;
}

export function PreviewLayout({ memory, children }: { memory: MemoryWorkbook; children: ReactNode }) {
  const styles = useStyles();
  const width = typeof location === "undefined" ? undefined : paneWidth(location.search);
  return (
    <div className={styles.layout}>
      <div className={styles.pane} data-testid="pane" style={width ? { flexBasis: `${width}px` } : undefined}>
        {children}
      </div>
      <div className={styles.grid}>
        <Suspense fallback={<Spinner label="Laddar arbetsboken …" />}>
          <SheetGrid memory={memory} />
        </Suspense>
      </div>
    </div>
  );
}
