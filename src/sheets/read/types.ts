/** What reading a sheet returns and takes: rows, results, header readings, options, the error that stops reading. */
import { Facts } from "../../core/facts";
import { Agreement } from "../../core/model";
import { RowLevel } from "../columns";
import { Finding } from "../findings";

export interface ReadRow {
  /** 0-based row index on the sheet. */
  row: number;
  level: RowLevel;
  code: string;
  lan: string;
}

export interface ReadResult {
  agreement: Agreement;
  facts: Facts;
  findings: Finding[];
  headerRow: number;
  /** Column id → 0-based column index on the sheet. */
  columns: Map<string, number>;
  rows: ReadRow[];
  /** The declared scope: undefined = whole country, else a länskod. */
  scope?: string;
  /** Rows of the totals block: label → 0-based row index. */
  totals: Map<string, number>;
  /** Whether the title block says FIKTIVT. */
  fictional: boolean;
  /** How every non-empty cell of the header row was read (for a face that shows, and lets the user adjust, the mapping). */
  headers: HeaderReading[];
  /** 0-based anchor of the calculation block below the totals (calc.ts), when the sheet has one. */
  calcRow?: number;
  calcCol?: number;
}

/** How one header cell was read. */
export interface HeaderReading {
  /** 0-based column index on the sheet. */
  col: number;
  /** A1 address of the header cell. */
  cell: string;
  /** The header text in the sheet ("" for an empty header cell the user mapped). */
  text: string;
  /** The column it was read as (a column id of `sheetColumns`), or undefined when it is not read. */
  column?: string;
  /**
   * exact: the header names the column (case, diacritics and punctuation aside);
   * guessed: read despite a small typo; user: the caller's mapping said so;
   * unknown: not recognised, not read; ignored: the caller's mapping said not
   * to read it; duplicate: a second column of the same meaning, not read.
   */
  how: "exact" | "guessed" | "user" | "unknown" | "ignored" | "duplicate";
}

export interface ReadOptions {
  /** The agreement, when the caller knows it (else read from the sheet). */
  agreement?: Agreement;
  /**
   * Table mode: the grid is exactly the table (header row first, data rows
   * after, nothing else), as a custom function receives it.
   */
  table?: boolean;
  /**
   * The header row (0-based) when the caller knows it better than the
   * search for the row with the most known headers.
   */
  headerRow?: number;
  /**
   * The caller's reading of columns, overriding the headers: 0-based column
   * index → column id (see `sheetColumns`) to read that column as, or null
   * not to read it. Columns not named here are read by their headers.
   */
  mapping?: ReadonlyMap<number, string | null>;
  /**
   * The county (länskod) the sheet is for, when the caller knows it
   * (`stim validate --county`): overrides the title block's scope line.
   */
  county?: string;
}

/** An error that stops reading a sheet at all. */
export class SheetReadError extends Error {
  constructor(readonly findings: Finding[]) {
    super(findings.map((f) => f.message).join("; "));
    this.name = "SheetReadError";
  }
}
