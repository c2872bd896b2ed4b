/**
 * The browser preview: the in-memory workbook as a grid on the left, the
 * task pane at Excel's pane width on the right. In a window narrower than
 * the two together (a phone, a 350 px screenshot) the pane comes first and
 * the grid below it.
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
    maxWidth: "100%",
    boxSizing: "border-box",
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    "@media (max-width: 760px)": { flexBasis: "auto", borderLeft: "none" },
  },
  grid: { flex: "1 1 auto", minWidth: 0, backgroundColor: tokens.colorNeutralBackground2 },
});

export function PreviewLayout({ memory, children }: { memory: MemoryWorkbook; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.layout}>
      <div className={styles.pane} data-testid="pane">
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
