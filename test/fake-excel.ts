/**
 * A stateful stand-in for the part of office.js's Excel object model that
 * src/office/officeWorkbook.ts uses, so whole task-pane operations (build a
 * sheet, read it back, highlight, explain) can run against the office.js
 * adapter in Node. It keeps office.js's batching rules, which is what the
 * adapter must get right:
 * - commands (writes, loads, activate, select …) are queued on the request
 *   context and run, in order, at `context.sync()`; every sync is counted;
 * - a property can be read only after it was `load`ed and synced (else it
 *   throws, as office.js does), and it holds the value at its load;
 * - `isNullObject` is known only after a sync;
 * - `formulas` gives a constant cell's value (office.js does), "=…" for a
 *   formula; a formula's value is what `calculate` gives (Excel's job: the
 *   tests pass the values the core computed for the layout).
 * office-addin-mock (test/office-workbook-*.test.ts) checks the adapter's
 * single calls against Microsoft's own mock; this fake checks sequences.
 */
import { parseA1Range, rangeToA1 } from "../src/sheets/a1";

type Value = string | number | boolean;

interface Cell {
  value: Value;
  formula?: string;
  numberFormat?: string;
  fill?: string;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, Cell>;
  tables: { name: string; range: string }[];
  validations: { range: string; rule: unknown }[];
  frozen?: string;
}

const key = (r: number, c: number) => `${r},${c}`;

class NotLoaded extends Error {
  constructor(prop: string) {
    super(`The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    this.name = "PropertyNotLoaded";
  }
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  active = { sheet: "", address: "A1" };
  syncs = 0;
  readonly log: string[] = [];
  private handlers: (() => Promise<void>)[] = [];
  private tableCount = 0;

  constructor(
    initial: Record<string, Value[][]> = { Blad1: [] },
    private readonly calculate: (sheet: string, address: string, formula: string) => Value = () => "#BUSY!",
  ) {
    for (const [name, values] of Object.entries(initial)) {
      const s = this.addSheet(name);
      values.forEach((row, r) => row.forEach((v, c) => v !== "" && s.cells.set(key(r, c), { value: v })));
    }
    this.active = { sheet: this.sheets[0].name, address: "A1" };
  }

  /** Installs the global `Excel` (and `Office` without ExcelApi 1.9); returns the uninstaller. */
  install(): () => void {
    const g = globalThis as unknown as Record<string, unknown>;
    g.Excel = {
      run: async (a: unknown, b?: unknown) => {
        const cb = (typeof a === "function" ? a : b) as (ctx: Context) => Promise<unknown>;
        return cb(new Context(this));
      },
    };
    g.Office = { context: { requirements: { isSetSupported: (name: string, v: string) => name === "ExcelApi" && Number(v.split(".")[1]) <= 8 } } };
    return () => {
      delete g.Excel;
      delete g.Office;
    };
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): FakeSheet {
    const s: FakeSheet = { name, cells: new Map(), tables: [], validations: [] };
    this.sheets.push(s);
    return s;
  }

  /** What a user typing does: a value replaces the cell's formula. */
  type(sheet: string, address: string, value: Value): void {
    const { start } = parseA1Range(address);
    const s = this.find(sheet)!;
    const old = s.cells.get(key(start.row, start.col));
    s.cells.set(key(start.row, start.col), { ...old, value, formula: undefined });
  }

  /** The user selects cells (Excel fires the selection event). */
  async select(sheet: string, address: string): Promise<void> {
    this.active = { sheet: this.find(sheet)!.name, address };
    for (const h of [...this.handlers]) await h();
  }

  cell(sheet: string, address: string): Cell | undefined {
    const { start } = parseA1Range(address);
    return this.find(sheet)?.cells.get(key(start.row, start.col));
  }

  /** Values of a sheet from A1, as a grid (for comparisons). */
  grid(sheet: string): Value[][] {
    const s = this.find(sheet)!;
    let rows = 0;
    let cols = 0;
    for (const k of s.cells.keys()) {
      const [r, c] = k.split(",").map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.cells.get(key(r, c))?.value ?? ""));
  }

  // --- used by the proxies -------------------------------------------------

  addHandler(h: () => Promise<void>): { remove: () => void } {
    this.handlers.push(h);
    return { remove: () => (this.handlers = this.handlers.filter((x) => x !== h)) };
  }

  newTableName(): string {
    return `Tabell${++this.tableCount}`;
  }

  write(sheet: FakeSheet, address: string, what: "values" | "formulas" | "numberFormat", grid: unknown[][]): void {
    const { start } = parseA1Range(address);
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        const k = key(start.row + r, start.col + c);
        const old = sheet.cells.get(k) ?? { value: "" };
        if (what === "numberFormat") sheet.cells.set(k, { ...old, numberFormat: String(v) });
        else if (what === "formulas" && typeof v === "string" && v.startsWith("=")) {
          sheet.cells.set(k, { ...old, formula: v, value: this.calculate(sheet.name, rangeToA1({ start: { row: start.row + r, col: start.col + c }, end: { row: start.row + r, col: start.col + c } }), v) });
        } else sheet.cells.set(k, { ...old, value: v as Value, formula: undefined });
      }),
    );
  }

  read(sheet: FakeSheet, address: string, what: "values" | "formulas"): unknown[][] {
    const { start, end } = parseA1Range(address);
    const out: unknown[][] = [];
    for (let r = start.row; r <= end.row; r++) {
      const row: unknown[] = [];
      for (let c = start.col; c <= end.col; c++) {
        const cell = sheet.cells.get(key(r, c));
        row.push(what === "formulas" ? (cell?.formula ?? cell?.value ?? "") : (cell?.value ?? ""));
      }
      out.push(row);
    }
    return out;
  }

  used(sheet: FakeSheet): { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of sheet.cells) {
      if (cell.value === "" && cell.formula === undefined) continue;
      const [r, c] = k.split(",").map(Number);
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    return r1 < 0 ? null : { rowIndex: r0, columnIndex: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 };
  }
}

class Context {
  readonly queue: (() => void)[] = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly fake: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }
  async sync(): Promise<void> {
    this.fake.syncs++;
    for (const op of this.queue.splice(0)) op();
  }
}

/** A proxy's loaded properties: readable only after load + sync. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: Context) {}
  protected get(prop: string): unknown {
    if (!this.loaded.has(prop)) throw new NotLoaded(prop);
    return this.loaded.get(prop);
  }
  load(props: string | string[]): this {
    const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim());
    this.ctx.queue.push(() => {
      for (const p of list) this.loaded.set(p, this.snapshot(p));
    });
    return this;
  }
  protected snapshot(prop: string): unknown {
    throw new Error(`cannot load ${prop}`);
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly onSelectionChanged: { add: (h: () => Promise<void>) => { context: Context; remove: () => void } };
  constructor(private readonly ctx: Context) {
    this.worksheets = new WorksheetCollection(ctx);
    this.tables = new TableCollection(ctx);
    this.onSelectionChanged = {
      add: (h) => {
        const reg = ctx.fake.addHandler(h);
        return { context: ctx, remove: () => ctx.queue.push(() => reg.remove()) };
      },
    };
  }
  getSelectedRange(): RangeProxy {
    const fake = this.ctx.fake;
    const ws = new WorksheetProxy(this.ctx, () => fake.find(fake.active.sheet));
    return new RangeProxy(this.ctx, ws, () => fake.active.address);
  }
}

class TableCollection extends Loadable {
  get items(): { name: string }[] {
    return this.get("items/name") as { name: string }[];
  }
  protected override snapshot(): unknown {
    return this.ctx.fake.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name })));
  }
}

class WorksheetCollection extends Loadable {
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.fake.find(name));
  }
  add(name: string): WorksheetProxy {
    let sheet: FakeSheet | undefined;
    this.ctx.queue.push(() => {
      if (this.ctx.fake.find(name)) throw Object.assign(new Error("ItemAlreadyExists"), { code: "ItemAlreadyExists" });
      sheet = this.ctx.fake.addSheet(name);
      this.ctx.fake.log.push(`add ${name}`);
    });
    return new WorksheetProxy(this.ctx, () => sheet);
  }
  get items(): { name: string }[] {
    return this.get("items/name") as { name: string }[];
  }
  protected override snapshot(): unknown {
    return this.ctx.fake.sheets.map((s) => ({ name: s.name }));
  }
}

class WorksheetProxy extends Loadable {
  private resolved = false;
  private isNull = true;
  readonly tables: { add: (range: RangeProxy, headers: boolean) => { name: string } };
  readonly freezePanes: { freezeAt: (range: RangeProxy) => void };
  constructor(
    ctx: Context,
    readonly sheet: () => FakeSheet | undefined,
  ) {
    super(ctx);
    ctx.queue.push(() => {
      this.resolved = true;
      this.isNull = this.sheet() === undefined;
    });
    this.tables = {
      add: (range, headers) => {
        const table = { name: "" };
        ctx.queue.push(() => {
          const s = this.sheet()!;
          // The name the adapter sets after add() (in the same batch) is there when the batch runs.
          const t = { name: table.name || ctx.fake.newTableName(), range: range.address0() };
          s.tables.push(t);
          ctx.fake.log.push(`table ${s.name}!${t.range} headers=${headers}`);
        });
        return table;
      },
    };
    this.freezePanes = { freezeAt: (range) => ctx.queue.push(() => (this.sheet()!.frozen = range.address0())) };
  }
  get isNullObject(): boolean {
    if (!this.resolved) throw new NotLoaded("isNullObject");
    return this.isNull;
  }
  get name(): string {
    return this.get("name") as string;
  }
  protected override snapshot(prop: string): unknown {
    if (prop === "name") return this.sheet()?.name ?? "";
    return super.snapshot(prop);
  }
  activate(): void {
    this.ctx.queue.push(() => {
      this.ctx.fake.active = { sheet: this.sheet()!.name, address: "A1" };
      this.ctx.fake.log.push(`activate ${this.sheet()!.name}`);
    });
  }
  getRange(address: string): RangeProxy {
    return new RangeProxy(this.ctx, this, () => address);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): UsedRangeProxy {
    return new UsedRangeProxy(this.ctx, this);
  }
}

class UsedRangeProxy extends Loadable {
  private used: ReturnType<FakeExcel["used"]> = null;
  private resolved = false;
  constructor(
    ctx: Context,
    private readonly ws: WorksheetProxy,
  ) {
    super(ctx);
    ctx.queue.push(() => {
      this.resolved = true;
      this.used = ctx.fake.used(ws.sheet()!);
    });
  }
  get isNullObject(): boolean {
    if (!this.resolved) throw new NotLoaded("isNullObject");
    return this.used === null;
  }
  get rowIndex(): number {
    return this.get("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.get("columnIndex") as number;
  }
  get rowCount(): number {
    return this.get("rowCount") as number;
  }
  get columnCount(): number {
    return this.get("columnCount") as number;
  }
  protected override snapshot(prop: string): unknown {
    const u = this.ctx.fake.used(this.ws.sheet()!);
    return u ? u[prop as keyof typeof u] : 0;
  }
}

class FillProxy extends Loadable {
  constructor(
    ctx: Context,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }
  set color(v: string) {
    this.ctx.queue.push(() => this.range.eachCell((cell) => (cell.fill = v.toUpperCase())));
  }
  get color(): string {
    return this.get("color") as string;
  }
  get pattern(): string {
    return this.get("pattern") as string;
  }
  clear(): void {
    this.ctx.queue.push(() => this.range.eachCell((cell) => delete cell.fill));
  }
  protected override snapshot(prop: string): unknown {
    let fill: string | undefined;
    this.range.eachCell((cell) => (fill = cell.fill), false);
    if (prop === "color") return fill ?? "#FFFFFF";
    if (prop === "pattern") return fill ? "Solid" : "None";
    return super.snapshot(prop);
  }
}

class RangeProxy extends Loadable {
  readonly format: { fill: FillProxy; font: Record<string, unknown>; columnWidth?: number };
  readonly dataValidation: Record<string, unknown>;
  constructor(
    ctx: Context,
    readonly worksheet: WorksheetProxy,
    private readonly addressOf: () => string,
  ) {
    super(ctx);
    this.format = { fill: new FillProxy(ctx, this), font: {} };
    const dv: Record<string, unknown> = {};
    this.dataValidation = new Proxy(dv, {
      set: (t, p, v) => {
        ctx.queue.push(() => {
          if (p === "rule") this.worksheet.sheet()!.validations.push({ range: this.address0(), rule: v });
        });
        t[p as string] = v;
        return true;
      },
    });
  }
  /** The address without the sheet (valid once the batch runs). */
  address0(): string {
    return this.addressOf();
  }
  /** Calls `fn` for every cell of the range (creating empty cells when `create`). */
  eachCell(fn: (cell: Cell) => void, create = true): void {
    const s = this.worksheet.sheet()!;
    const { start, end } = parseA1Range(this.addressOf());
    for (let r = start.row; r <= end.row; r++) {
      for (let c = start.col; c <= end.col; c++) {
        let cell = s.cells.get(key(r, c));
        if (!cell && create) s.cells.set(key(r, c), (cell = { value: "" }));
        if (cell) fn(cell);
      }
    }
  }
  set values(v: unknown[][]) {
    this.ctx.queue.push(() => this.ctx.fake.write(this.worksheet.sheet()!, this.addressOf(), "values", v));
  }
  get values(): unknown[][] {
    return this.get("values") as unknown[][];
  }
  set formulas(v: unknown[][]) {
    this.ctx.queue.push(() => this.ctx.fake.write(this.worksheet.sheet()!, this.addressOf(), "formulas", v));
  }
  get formulas(): unknown[][] {
    return this.get("formulas") as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.queue.push(() => this.ctx.fake.write(this.worksheet.sheet()!, this.addressOf(), "numberFormat", v));
  }
  get address(): string {
    return this.get("address") as string;
  }
  get rowCount(): number {
    return this.get("rowCount") as number;
  }
  get columnCount(): number {
    return this.get("columnCount") as number;
  }
  select(): void {
    this.ctx.queue.push(() => {
      this.ctx.fake.active = { sheet: this.worksheet.sheet()!.name, address: this.addressOf() };
      this.ctx.fake.log.push(`select ${this.worksheet.sheet()!.name}!${this.addressOf()}`);
    });
  }
  protected override snapshot(prop: string): unknown {
    const s = this.worksheet.sheet()!;
    const a = this.addressOf();
    const { start, end } = parseA1Range(a);
    switch (prop) {
      case "values":
        return this.ctx.fake.read(s, a, "values");
      case "formulas":
        return this.ctx.fake.read(s, a, "formulas");
      case "address":
        return `'${s.name}'!${a}`;
      case "rowCount":
        return end.row - start.row + 1;
      case "columnCount":
        return end.col - start.col + 1;
      default:
        return super.snapshot(prop);
    }
  }
}
