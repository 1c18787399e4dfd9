// The task-breakdown import workflow's type name and id, for the API that starts it. It has no updates or
// queries: the import's progress is in PostgreSQL (each change is marked applied).

export const TASK_BREAKDOWN_IMPORT_WORKFLOW_TYPE = 'taskBreakdownImportWorkflow';

/** Business key: one workflow per import. */
export function taskBreakdownImportWorkflowId(importId: string): string {
  return `task-breakdown-import:${importId}`;
}
