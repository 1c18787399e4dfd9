// The grid every reader hands over (one per worksheet, or the CSV) and the limits every import applies to it.

/** A cell as the readers hand it over: text, or a Date from a date-formatted spreadsheet cell. */
export type GridCell = string | Date;
export interface GridRow {
  /** 1-based spreadsheet row */
  row: number;
  /** index 0 is column A */
  cells: GridCell[];
  /**
   * Columns whose value this row only inherits from a merged cell above or to the left. They count as the
   * row's values (an item name merged over six rows belongs to all six), but a row with nothing else in it
   * looks empty on screen and is treated as blank.
   */
  inherited?: ReadonlySet<number>;
}
export interface Grid {
  sheet: string;
  rows: GridRow[];
}

/** One import reads at most this many data rows: beyond it the file is refused, not cut short. */
export const MAX_DATA_ROWS = 20_000;
/** The header may sit under a title, a date line and the like, but not further down than this. */
export const HEADER_SEARCH_ROWS = 10;
