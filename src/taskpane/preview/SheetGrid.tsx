/**
 * The in-memory workbook as a simple spreadsheet: sheet tabs, column letters,
 * row numbers and the values the add-in wrote, formatted as Excel would
 * show them (kronor with spaces between thousands, bold rows). Clicking a
 * cell selects it, as in Excel, so views that read the selection work.
 */
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { useSyncExternalStore } from "react";
import { cellToA1, columnIndexToLetters } from "../../sheets/a1";
import type { MemoryWorkbook } from "../../office/memoryWorkbook";
import type { CellValue } from "../../office/workbook";
import { formatNumber } from "../../runtime";
import type { StyleId } from "../../sheets/layout";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minHeight: "320px" },
  tabs: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    padding: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    cursor: "pointer",
  },
  activeTab: { fontWeight: tokens.fontWeightSemibold, ...shorthands.borderColor(tokens.colorBrandStroke1) },
  scroll: { overflow: "auto", flex: "1 1 auto" },
  table: {
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    "& td, & th": {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `0 ${tokens.spacingHorizontalXS}`,
      whiteSpace: "nowrap",
      overflow: "hidden",
      textOverflow: "ellipsis",
      height: "20px",
    },
    "& th": { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  bold: { fontWeight: tokens.fontWeightSemibold },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  caption: { textAlign: "left", padding: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
});

/** Styles the sheet layer shows in bold (as Excel and the xlsx writer do). */
const BOLD: ReadonlySet<StyleId> = new Set<StyleId>(["title", "subtitle", "fictional", "header", "total"]);

/**
 * A cell as Excel shows it: numbers with a space between thousands (a
 * format with "0" shows whole numbers, one with "%" a percentage),
 * "kr" after kronor formats, SANT/FALSKT for booleans.
 */
export function shown(value: CellValue, numberFormat: string | undefined): string {
  if (typeof value === "boolean") return value ? "SANT" : "FALSKT";
  if (typeof value !== "number") return value;
  if (numberFormat?.includes("%")) return `${formatNumber(value * 100, 0)} %`;
  const text = numberFormat && /0$|0 "kr"$/.test(numberFormat) ? formatNumber(value, 0) : formatNumber(value);
  return numberFormat?.includes('"kr"') ? `${text} kr` : text;
}

/** The block shown: a national allocation sheet (prio-2014: 323 rows, 59 columns) fits. */
const MAX_ROWS = 400;
const MAX_COLS = 64;

export default function SheetGrid({ memory }: { memory: MemoryWorkbook }) {
  const styles = useStyles();
  useSyncExternalStore(
    (l) => memory.subscribe(l),
    () => memory.getRevision(),
  );
  const active = memory.getActive();
  const names = memory.sheetNames();
  // One row and column more than shown, to tell whether the sheet goes on.
  const snapshot = memory.snapshot(active.sheet, MAX_ROWS + 1, MAX_COLS + 1);
  const truncated = snapshot.values.length > MAX_ROWS || (snapshot.values[0]?.length ?? 0) > MAX_COLS;
  const cols = Math.max(Math.min(snapshot.values[0]?.length ?? 0, MAX_COLS), 8);
  const rows = Math.max(Math.min(snapshot.values.length, MAX_ROWS), 20);
  const selectedTopLeft = active.address.split(":")[0];
  // Column widths as Excel would show them (about 7 px per character; 9 characters by default).
  const widths = Array.from({ length: cols }, (_, c) => Math.round((snapshot.columnWidths[c] ?? 9) * 7));

  return (
    <section className={styles.root} aria-label="Arbetsboken (förhandsvisning)">
      <div className={styles.tabs} role="group" aria-label="Blad">
        {names.map((n) => (
          <button
            key={n}
            type="button"
            className={mergeClasses(styles.tab, n === active.sheet && styles.activeTab)}
            aria-pressed={n === active.sheet}
            onClick={() => memory.select(n, "A1")}
          >
            {n}
          </button>
        ))}
      </div>
      <div className={styles.scroll} tabIndex={0} role="group" aria-label={`Celler i bladet ${active.sheet}`}>
        <table className={styles.table} style={{ width: `${40 + widths.reduce((a, b) => a + b, 0)}px` }}>
          <caption className={styles.caption}>
            Bladet {active.sheet} – markerat: {active.address}
            {truncated && ` (visar de första ${MAX_ROWS} raderna och ${MAX_COLS} kolumnerna)`}
          </caption>
          <colgroup>
            <col style={{ width: "40px" }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: `${w}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col">
                <span className={styles.hidden}>Rad</span>
              </th>
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col">
                  {columnIndexToLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const v = snapshot.values[r]?.[c] ?? "";
                  const a1 = cellToA1({ row: r, col: c });
                  const fill = snapshot.fills[r]?.[c];
                  return (
                    <td
                      key={c}
                      className={mergeClasses(
                        typeof v === "number" && styles.number,
                        BOLD.has(snapshot.styles[r]?.[c] as StyleId) && styles.bold,
                        a1 === selectedTopLeft && styles.selected,
                      )}
                      style={fill ? { backgroundColor: fill, color: "#000000" } : undefined}
                      data-fill={fill}
                      data-cell={a1}
                      onClick={() => memory.select(active.sheet, a1)}
                      title={typeof v === "string" && v.length > 30 ? v : undefined}
                    >
                      {shown(v, snapshot.numFmts[r]?.[c])}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
