// What the task-breakdown import workflow is given and returns. It keeps no state of its own beyond a count:
// the import's rows and which of them are applied live in PostgreSQL.

export interface TaskBreakdownImportInput {
  importId: string;
}

export interface TaskBreakdownImportResult {
  /** Changes applied to task workflows by this run. */
  applied: number;
}
