// Where the board may drop a task card: each action the person may take now (allowedActions, the workflow's own
// rules) paired with the column it leads to. The board shows these and keeps no copy of the lifecycle.
import { stageAfterClassification } from '../../workflows/indicator-task/indicator-task.rules';
import type { Classification, IndicatorTaskAction, ReviewKind, Stage } from '../../workflows/indicator-task/indicator-task.types';
import type { TaskMove } from '../platform/graphql/graphql.generated';

interface TaskOnBoard {
  stage: Stage;
  classification: Classification | null;
  awaitingReview: ReviewKind | null;
}

/** While a self-check awaits review, the stage its confirmation leads to (indicator-task.rules.ts). */
export function proposedStage(task: TaskOnBoard): Stage | null {
  return task.awaitingReview === 'SELF_CHECK_REVIEW' && task.classification ? stageAfterClassification(task.classification) : null;
}

/** One move per (action, column) the actions allow, never to the column the card is in. */
export function taskMoves(task: TaskOnBoard, allowed: readonly IndicatorTaskAction[]): TaskMove[] {
  const may = new Set(allowed);
  const moves: TaskMove[] = [];
  const add = (action: IndicatorTaskAction, target: Stage | null, immediate: boolean, preset: Pick<TaskMove, 'classification' | 'passed'> = {}) => {
    if (may.has(action) && target && target !== task.stage) moves.push({ action, target, immediate, classification: preset.classification ?? null, passed: preset.passed ?? null });
  };
  // A unit proposes where its indicator belongs; the card waits in 自查自评 for the supervisors' review.
  add('SUBMIT_SELF_CHECK', 'CONSOLIDATION', false, { classification: 'MET' });
  add('SUBMIT_SELF_CHECK', 'RECTIFICATION', false, { classification: 'NOT_MET' });
  add('SUBMIT_SELF_CHECK', 'MOCK_ASSESSMENT', false, { classification: 'UNKNOWN' });
  add('CONFIRM_SELF_CHECK', task.classification ? stageAfterClassification(task.classification) : null, true);
  add('SUBMIT_RECTIFICATION', 'CONSOLIDATION', false);
  add('APPROVE_RECTIFICATION', 'CONSOLIDATION', true);
  // The scores decide: dropped on 巩固 or 整改, the card goes where the score rate sends it.
  add('RECORD_MOCK_ASSESSMENT', 'CONSOLIDATION', true);
  add('RECORD_MOCK_ASSESSMENT', 'RECTIFICATION', true);
  add('RECORD_RECHECK', 'RECTIFICATION', true, { passed: false });
  add('START_ARCHIVING', 'ARCHIVING', true);
  add('SUBMIT_ARCHIVE_MATERIAL', 'ARCHIVED', false);
  add('ACCEPT_ARCHIVE_MATERIAL', 'ARCHIVED', false);
  return moves;
}
