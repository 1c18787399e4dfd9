// The task-breakdown import's pure part: read a 任务分解表 (.xlsx or .csv), check it against the roster and
// the catalog, plan the tasks. The importing service adds the transaction and the workflows.
export * from './task-breakdown.types';
export { parseTaskBreakdownCsv, parseTaskBreakdownXlsx, decodeCsvBytes, MAX_CSV_BYTES, MAX_XLSX_BYTES, MAX_DATA_ROWS, HEADER_SEARCH_ROWS } from './task-breakdown.parser';
export { planTasks, formatProblems } from './task-breakdown.validator';
export { endOfDayShanghai } from './task-breakdown.dates';
export { importProgress, durationLabel, type ImportProgress } from './task-breakdown.progress';
