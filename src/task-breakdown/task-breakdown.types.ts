// Types of the task-breakdown import (任务分解表): what the parser reads from a spreadsheet, what it and the
// validator report, and the tasks a clean file turns into. Pure data: no database, no Temporal.

/** Same identifiers as the lifecycle's Classification (GLOSSARY.md); a unit test keeps the two lists equal. */
export const BREAKDOWN_CLASSIFICATIONS = ['MET', 'NOT_MET', 'UNKNOWN', 'RELAPSE_PRONE'] as const;
export type BreakdownClassification = (typeof BREAKDOWN_CLASSIFICATIONS)[number];

/** Header names as offices write them. 测评内容 and 测评标准 are two names for the same column. */
export const REQUIRED_HEADERS = ['测评项目', '测评指标', '牵头单位', '责任单位', '完成时限'] as const;
export const OPTIONAL_HEADERS = ['序号', '测评内容', '测评标准', '当前状态', '备注', '责任人'] as const;
export type BreakdownHeader = (typeof REQUIRED_HEADERS)[number] | (typeof OPTIONAL_HEADERS)[number];

/** One data row of the table, as written (names, not codes: matching them is the validator's job). */
export interface BreakdownRow {
  sheet: string;
  /** 1-based spreadsheet row (for CSV: the record number, which is the row Excel shows when it opens the file). */
  row: number;
  seq: string | null;
  itemName: string;
  indicatorName: string;
  criterion: string | null;
  leadUnitName: string;
  /** Split on 、 , ， ; ； and line breaks; trimmed; each name once. */
  responsibleUnitNames: string[];
  /** YYYY-MM-DD */
  due: string;
  classification: BreakdownClassification | null;
  remarks: string | null;
  /**
   * 责任人 as written: names or mobile numbers, split like the units, each once; one per responsible unit at most.
   * Absent or empty when the file has no such column or the cell is empty.
   */
  responsiblePeople?: string[];
  /**
   * Where each column is (header name → letter, e.g. { 责任单位: 'F' }), so that the validator's problems can
   * name the column letter too. Optional: rows built by hand may leave it out.
   */
  columnLetters?: Partial<Record<BreakdownHeader, string>>;
  /**
   * Its date or status could not be read (the parser reported that): the validator still checks its units and
   * indicator, so that every problem of the file is reported at once, but plans no task from it.
   */
  incomplete?: boolean;
}

export { IMPORT_PROBLEM_CODES, type ImportProblem, type ImportProblemCode } from '../platform/spreadsheet/problems';
import type { ImportProblem } from '../platform/spreadsheet';

export interface ParseResult {
  /** Rows that could be read. A row with a MISSING_VALUE problem is left out; one with only a BAD_DATE or BAD_STATUS comes marked `incomplete`. */
  rows: BreakdownRow[];
  problems: ImportProblem[];
}

export interface PlannedTask {
  indicatorCode: string;
  unitCode: string;
  leadUnitCode: string;
  /** ISO instant: 23:59:59 of the due date in Asia/Shanghai, e.g. 2027-03-31T15:59:59.000Z */
  dueAt: string;
  classification: BreakdownClassification | null;
  /** The 责任人 the row names for this unit, resolved against the roster; absent when it names none. */
  responsiblePerson?: { login: string; name: string };
  source: { sheet: string; row: number };
}

/** What the file is checked against: the unit roster and the assessment catalog. */
export interface BreakdownReference {
  units: readonly { code: string; name: string }[];
  indicators: readonly { code: string; name: string; itemName: string }[];
  /** The people of the units (the roster's unit heads and members), to resolve 责任人; none when left out. */
  people?: readonly { login: string; name: string; phone: string | null; unitCode: string }[];
}

export interface PlanResult {
  /** Meaningful only when problems is empty. */
  tasks: PlannedTask[];
  problems: ImportProblem[];
}
