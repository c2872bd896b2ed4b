/**
 * The in-memory workbook as a working spreadsheet, for teaching without
 * Excel: sheet tabs, column letters, row numbers and the values as Excel
 * would show them; the header rows and the name columns stay in place while
 * the rest scrolls; only the cells in view are rendered, so a national
 * allocation sheet (311 recipients × about 60 columns) shows at once.
 *
 * Keyboard (one tab stop, the WAI-ARIA grid pattern): the arrow keys,
 * Home/End, Ctrl+Home/End and Page Up/Down move the selection; Enter or F2
 * edits the selected cell, typing replaces it; in an edit Enter (or Tab)
 * keeps the value, Escape cancels. A block pasted from Excel or a text file
 * (tabs between cells, one line a row) is written from the selection.
 * After every edit the sheet's computed cells are recomputed through the
 * sheet layer and the core (recompute.ts), and the views follow.
 *
 * Clicking a cell selects it, as in Excel; a link in a view that selects a
 * cell scrolls it into view. Hand-written: Fluent's DataGrid renders every
 * row and has no frozen columns or cell editing.
 */
import { Tab, TabList, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ClipboardEvent, type KeyboardEvent } from "react";
import { cellToA1, columnIndexToLetters, parseA1Range } from "../../sheets/a1";
import type { MemoryWorkbook, SheetSnapshot } from "../../office/memoryWorkbook";
import type { CellValue } from "../../office/workbook";
import { formatNumber } from "../../runtime";
import type { StyleId } from "../../sheets/layout";
import { noBreak } from "../format";
import { locateCall, quickResult, recomputeSheet, type RecomputeResult } from "./recompute";

const ROW_H = 22;
const HEAD_W = 44;
const OVERSCAN = 6;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100vh", minHeight: "320px", position: "sticky", top: 0 },
  tabs: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    padding: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  status: { margin: 0, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  scroll: {
    overflow: "auto",
    flex: "1 1 auto",
    position: "relative",
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  frozenTop: { position: "sticky", top: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground1 },
  row: { display: "flex", height: `${ROW_H}px` },
  cell: {
    flex: "0 0 auto",
    boxSizing: "border-box",
    height: `${ROW_H}px`,
    lineHeight: `${ROW_H - 2}px`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "cell",
  },
  frozenCol: { position: "sticky", zIndex: 1 },
  lastFrozen: { borderRight: `2px solid ${tokens.colorNeutralStroke1}` },
  head: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2, textAlign: "center", cursor: "default" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  bold: { fontWeight: tokens.fontWeightSemibold },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  editor: {
    width: "100%",
    height: "100%",
    boxSizing: "border-box",
    border: "none",
    padding: 0,
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
  },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
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
  if (numberFormat?.includes("%")) return noBreak(`${formatNumber(value * 100, 0)} %`);
  const text = numberFormat && /0$|0 "kr"$/.test(numberFormat) ? formatNumber(value, 0) : formatNumber(value);
  return noBreak(numberFormat?.includes('"kr"') ? `${text} kr` : text);
}

/**
 * What a typed text becomes in a cell, as Excel reads it in Swedish: a
 * number when it is one ("1 234,5", "-12", "45 %"), SANT/FALSKT as
 * booleans, anything else text (kept exactly, "Ja" and "Nej" included).
 */
export function typedValue(text: string): CellValue {
  const t = text.trim();
  if (t === "") return "";
  if (/^sant$/i.test(t)) return true;
  if (/^falskt$/i.test(t)) return false;
  const m = /^([-−+]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?( ?%)?$/.exec(t);
  if (!m) return text;
  const digits = `${m[2].replace(/[ \u00a0\u202f]/g, "")}${m[3] ? `.${m[3]}` : ""}`;
  const n = Number(digits) * (m[1] === "-" || m[1] === "−" ? -1 : 1);
  return m[4] ? n / 100 : n;
}

/** A pasted block: one line a row, tabs between cells (as Excel copies). */
export function parseBlock(text: string): CellValue[][] {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  const rows = lines.map((l) => l.split("\t").map(typedValue));
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill("")]);
}

/**
 * Rows and columns that stay in place: the rows down to an Excel table's
 * header row, and the table's first two columns (code and name, as the
 * allocation sheet's own frozen panes in Excel).
 */
function frozenOf(memory: MemoryWorkbook, sheet: string): { rows: number; cols: number } {
  const table = memory.tablesOn(sheet)[0];
  if (!table) return { rows: 0, cols: 0 };
  const { start } = parseA1Range(table.range);
  return { rows: start.row + 1, cols: start.col + 2 };
}

interface Editing {
  row: number;
  col: number;
  text: string;
}

export default function SheetGrid({ memory }: { memory: MemoryWorkbook }) {
  const styles = useStyles();
  const revision = useSyncExternalStore(
    (l) => memory.subscribe(l),
    () => memory.getRevision(),
  );
  const active = memory.getActive();
  const names = memory.sheetNames();
  const sheet = active.sheet;
  // The snapshot is rebuilt only when the sheet's content changes: not on scrolling, nor when
  // the grid itself moves the selection (`selectKeeping`); an edit builds it once and both the
  // edit's status and the render use it.
  const snapRef = useRef<{ sheet: string; revision: number; snap: SheetSnapshot } | null>(null);
  const snapshotOf = useCallback(
    (name: string): SheetSnapshot => {
      const at = memory.getRevision();
      const cached = snapRef.current;
      if (cached && cached.sheet === name && cached.revision === at) return cached.snap;
      const fresh = memory.snapshot(name, 100_000, 1_000);
      snapRef.current = { sheet: name, revision: at, snap: fresh };
      return fresh;
    },
    [memory],
  );
  const snap = useMemo(() => snapshotOf(sheet), [snapshotOf, sheet, revision]);
  // Where the sheet's STIM.ALLOCATION_SHEET call is, found while the browser is idle, so an edit need not read the sheet again.
  useEffect(() => {
    const w = window as Window & { requestIdleCallback?: (f: () => void) => number; cancelIdleCallback?: (id: number) => void };
    const find = () => void locateCall(memory, sheet).catch(() => undefined);
    if (w.requestIdleCallback && w.cancelIdleCallback) {
      const id = w.requestIdleCallback(find);
      return () => w.cancelIdleCallback!(id);
    }
    const id = setTimeout(find, 0);
    return () => clearTimeout(id);
  }, [memory, sheet]);
  const frozenByTable = useMemo(() => frozenOf(memory, sheet), [memory, sheet, revision]);
  const rowCount = Math.max(snap.values.length + 5, 30);
  const colCount = Math.max((snap.values[0]?.length ?? 0) + 2, 10);
  const widths = useMemo(() => Array.from({ length: colCount }, (_, c) => Math.max(40, Math.round((snap.columnWidths[c] ?? 9) * 7))), [snap, colCount]);
  const lefts = useMemo(() => {
    const out = [HEAD_W];
    for (const w of widths) out.push(out[out.length - 1] + w);
    return out;
  }, [widths]);
  const totalWidth = lefts[lefts.length - 1];
  const sel = parseA1Range(active.address).start;

  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, left: 0, height: 600, width: 800 });
  // Name columns stay in place only when they leave room for the rest (not in a phone-wide window).
  const frozen = lefts[frozenByTable.cols] <= view.width * 0.7 ? frozenByTable : { rows: frozenByTable.rows, cols: 0 };
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState<RecomputeResult | null>(null);

  const measure = useCallback(() => {
    const el = scroller.current;
    if (el) setView({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight, width: el.clientWidth });
  }, []);
  useLayoutEffect(() => {
    measure();
    const el = scroller.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure]);

  // The selected cell is scrolled into view whenever the selection moves (keys, a link in a view, a click).
  const frozenHeight = (frozen.rows + 1) * ROW_H;
  const frozenWidth = lefts[frozen.cols];
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (sel.row >= frozen.rows) {
      const top = (sel.row + 1) * ROW_H; // +1: the column letters
      if (top < el.scrollTop + frozenHeight) el.scrollTop = top - frozenHeight;
      else if (top + ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_H - el.clientHeight;
    }
    if (sel.col >= frozen.cols && sel.col < widths.length) {
      const left = lefts[sel.col];
      const right = lefts[sel.col + 1];
      if (left < el.scrollLeft + frozenWidth) el.scrollLeft = left - frozenWidth;
      else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth;
    }
    measure();
  }, [sheet, sel.row, sel.col, frozen.rows, frozen.cols, frozenHeight, frozenWidth, lefts, widths.length, measure]);

  // Only the rows and columns in view (and a few around them) are rendered.
  const firstRow = Math.max(frozen.rows, Math.floor((view.top + frozenHeight) / ROW_H) - 1 - OVERSCAN);
  const lastRow = Math.min(rowCount - 1, Math.ceil((view.top + view.height) / ROW_H) + OVERSCAN);
  let firstCol = frozen.cols;
  while (firstCol < colCount - 1 && lefts[firstCol + 1] < view.left + frozenWidth) firstCol++;
  let lastCol = firstCol;
  while (lastCol < colCount - 1 && lefts[lastCol] < view.left + view.width) lastCol++;
  firstCol = Math.max(frozen.cols, firstCol - 2);
  lastCol = Math.min(colCount - 1, lastCol + 2);

  const rendered = (r: number, c: number) => (r < frozen.rows || (r >= firstRow && r <= lastRow)) && (c < frozen.cols || (c >= firstCol && c <= lastCol));

  const select = (row: number, col: number) => {
    const r = Math.min(Math.max(row, 0), rowCount - 1);
    const c = Math.min(Math.max(col, 0), colCount - 1);
    const before = memory.getRevision();
    memory.select(sheet, cellToA1({ row: r, col: c }));
    // Only the selection moved: the sheet's snapshot is still the sheet.
    const cached = snapRef.current;
    if (cached && cached.sheet === sheet && cached.revision === before && memory.getRevision() === before + 1) cached.revision = before + 1;
  };

  /**
   * Writes a block as typing does; the workbook recomputes the sheet in the
   * same call. All in the one input event, so React renders the new values,
   * the status and the moved selection once; the sheet is read again only
   * when its call is not yet located or input errors must be counted.
   */
  const write = (row: number, col: number, block: CellValue[][]) => {
    memory.setValues(sheet, cellToA1({ row, col }), block);
    const quick = quickResult(memory, sheet, snapshotOf(sheet).values);
    if (quick) setStatus(quick);
    else void recomputeSheet(memory, sheet).then(setStatus);
  };

  const commit = (e: Editing, move: [number, number]) => {
    setEditing(null);
    const before = snap.values[e.row]?.[e.col] ?? "";
    const value = typedValue(e.text);
    if (value !== before) write(e.row, e.col, [[value]]);
    select(e.row + move[0], e.col + move[1]);
    scroller.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return; // the editor handles its own keys
    const page = Math.max(1, Math.floor((view.height - frozenHeight) / ROW_H) - 1);
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      PageUp: [-page, 0],
      PageDown: [page, 0],
    };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      select(sel.row + m[0], sel.col + m[1]);
      return;
    }
    if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      const lastUsedRow = Math.max(snap.values.length - 1, 0);
      const lastUsedCol = Math.max((snap.values[0]?.length ?? 1) - 1, 0);
      if (e.ctrlKey && e.key === "Home" && scroller.current) {
        scroller.current.scrollTop = 0;
        scroller.current.scrollLeft = 0;
      }
      if (e.ctrlKey) select(e.key === "Home" ? 0 : lastUsedRow, e.key === "Home" ? 0 : lastUsedCol);
      else select(sel.row, e.key === "Home" ? 0 : lastUsedCol);
      return;
    }
    if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      const v = snap.values[sel.row]?.[sel.col] ?? "";
      setEditing({ row: sel.row, col: sel.col, text: typeof v === "boolean" ? (v ? "SANT" : "FALSKT") : typeof v === "number" ? formatNumber(v) : v });
      return;
    }
    if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      write(sel.row, sel.col, [[""]]);
      return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      setEditing({ row: sel.row, col: sel.col, text: e.key });
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const text = e.clipboardData.getData("text/plain");
    if (!text) return;
    e.preventDefault();
    const block = parseBlock(text);
    write(sel.row, sel.col, block);
  };

  const cellId = (r: number, c: number) => `stim-cell-${r}-${c}`;

  const renderCell = (r: number, c: number) => {
    const v = snap.values[r]?.[c] ?? "";
    const a1 = cellToA1({ row: r, col: c });
    const fill = snap.fills[r]?.[c];
    const isSel = r === sel.row && c === sel.col;
    const frozenC = c < frozen.cols;
    const edit = editing && editing.row === r && editing.col === c;
    return (
      <div
        key={c}
        id={cellId(r, c)}
        role="gridcell"
        aria-colindex={c + 2}
        aria-selected={isSel}
        data-cell={a1}
        data-fill={fill}
        className={mergeClasses(
          styles.cell,
          typeof v === "number" && styles.number,
          BOLD.has(snap.styles[r]?.[c] as StyleId) && styles.bold,
          frozenC && styles.frozenCol,
          frozenC && c === frozen.cols - 1 && styles.lastFrozen,
          isSel && styles.selected,
        )}
        style={{ width: `${widths[c]}px`, ...(frozenC ? { left: `${lefts[c]}px` } : {}), ...(fill ? { backgroundColor: fill, color: "#000000" } : {}) }}
        onMouseDown={() => select(r, c)}
        onDoubleClick={() => setEditing({ row: r, col: c, text: typeof v === "number" ? formatNumber(v) : String(v) })}
        title={typeof v === "string" && v.length > 30 ? v : undefined}
      >
        {edit ? (
          <input
            className={styles.editor}
            aria-label={`Redigera ${a1}`}
            autoFocus
            value={editing.text}
            onChange={(ev) => setEditing({ ...editing, text: ev.target.value })}
            onKeyDown={(ev) => {
              if (ev.key === "Enter") {
                ev.preventDefault();
                commit(editing, [ev.shiftKey ? -1 : 1, 0]);
              } else if (ev.key === "Tab") {
                ev.preventDefault();
                commit(editing, [0, ev.shiftKey ? -1 : 1]);
              } else if (ev.key === "Escape") {
                ev.preventDefault();
                setEditing(null);
                scroller.current?.focus();
              }
              ev.stopPropagation();
            }}
            onBlur={() => setEditing((cur) => (cur && cur.row === r && cur.col === c ? null : cur))}
          />
        ) : (
          shown(v, snap.numFmts[r]?.[c])
        )}
      </div>
    );
  };

  const renderRow = (r: number) => (
    <div key={r} role="row" aria-rowindex={r + 2} className={styles.row} style={{ width: `${totalWidth}px` }}>
      <div role="rowheader" className={mergeClasses(styles.cell, styles.head, styles.frozenCol)} style={{ width: `${HEAD_W}px`, left: 0 }}>
        {r + 1}
      </div>
      {Array.from({ length: frozen.cols }, (_, c) => renderCell(r, c))}
      {firstCol > frozen.cols && <div aria-hidden="true" style={{ flex: "0 0 auto", width: `${lefts[firstCol] - lefts[frozen.cols]}px` }} />}
      {Array.from({ length: lastCol - firstCol + 1 }, (_, i) => renderCell(r, firstCol + i))}
    </div>
  );

  const headerRow = (
    <div role="row" aria-rowindex={1} className={styles.row} style={{ width: `${totalWidth}px` }}>
      <div role="columnheader" className={mergeClasses(styles.cell, styles.head, styles.frozenCol)} style={{ width: `${HEAD_W}px`, left: 0 }}>
        <span className={styles.hidden}>Rad</span>
      </div>
      {[...Array.from({ length: frozen.cols }, (_, c) => c), ...(firstCol > frozen.cols ? [-1] : []), ...Array.from({ length: lastCol - firstCol + 1 }, (_, i) => firstCol + i)].map((c) =>
        c === -1 ? (
          <div key="gap" aria-hidden="true" style={{ flex: "0 0 auto", width: `${lefts[firstCol] - lefts[frozen.cols]}px` }} />
        ) : (
          <div
            key={c}
            role="columnheader"
            aria-colindex={c + 2}
            className={mergeClasses(styles.cell, styles.head, c < frozen.cols && styles.frozenCol, c < frozen.cols && c === frozen.cols - 1 && styles.lastFrozen)}
            style={{ width: `${widths[c]}px`, ...(c < frozen.cols ? { left: `${lefts[c]}px` } : {}) }}
          >
            {columnIndexToLetters(c)}
          </div>
        ),
      )}
    </div>
  );

  // The cells, rebuilt only when what they show changes: a new status line (after a recalculation) re-renders nothing else.
  const canvas = useMemo(
    () => (
    <div role="presentation" style={{ width: `${totalWidth}px`, height: `${(rowCount + 1) * ROW_H}px`, position: "relative" }}>
      <div role="rowgroup" className={styles.frozenTop} style={{ width: `${totalWidth}px` }}>
        {headerRow}
        {Array.from({ length: frozen.rows }, (_, r) => renderRow(r))}
      </div>
      <div role="rowgroup">
        <div style={{ height: `${(firstRow - frozen.rows) * ROW_H}px` }} aria-hidden="true" />
        {Array.from({ length: Math.max(0, lastRow - firstRow + 1) }, (_, i) => renderRow(firstRow + i))}
      </div>
    </div>
    ),
    [snap, sel.row, sel.col, editing, firstRow, lastRow, firstCol, lastCol, frozen.rows, frozen.cols, lefts, widths, totalWidth, rowCount, styles],
  );

  const statusText =
    status?.status === "input-errors"
      ? ` Beloppen räknas inte om: ${status.errors} fel i indata (Granska visar var).`
      : status?.status === "done"
        ? " De beräknade cellerna räknades om."
        : "";

  return (
    <section className={styles.root} aria-label="Arbetsboken (förhandsvisning)">
      {/* The workbook's sheets as Excel shows them: tabs (Fluent's TabList, as the pane's own views). */}
      <TabList className={styles.tabs} size="small" aria-label="Blad" selectedValue={sheet} onTabSelect={(_, d) => memory.select(String(d.value), "A1")}>
        {names.map((n) => (
          <Tab key={n} value={n}>
            {n}
          </Tab>
        ))}
      </TabList>
      <p className={styles.status} data-testid="grid-status" aria-live="polite">
        Bladet {sheet} – markerat: {active.address}.{statusText}
      </p>
      <div
        ref={scroller}
        className={styles.scroll}
        tabIndex={0}
        role="grid"
        aria-label={`Celler i bladet ${sheet}`}
        aria-rowcount={rowCount + 1}
        aria-colcount={colCount + 1}
        aria-activedescendant={!editing && rendered(sel.row, sel.col) ? cellId(sel.row, sel.col) : undefined}
        aria-describedby="stim-grid-help"
        onScroll={measure}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        data-testid="sheet-grid"
      >
        {canvas}
      </div>
      <span id="stim-grid-help" className={styles.hidden}>
        Piltangenterna flyttar markeringen, Enter eller F2 redigerar, Escape avbryter. Klistra in ett block med Ctrl+V.
      </span>
    </section>
  );
}
