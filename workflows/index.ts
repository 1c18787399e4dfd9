// Entry point of the workflow bundle: every workflow type the worker registers.
export { indicatorTaskWorkflow } from './indicator-task/indicator-task.workflow';
export { taskBreakdownImportWorkflow } from './task-breakdown-import/task-breakdown-import.workflow';
