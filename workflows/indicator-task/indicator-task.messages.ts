// Message definitions shared by the workflow, the API's Temporal client and the tests.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ActionRequest, IndicatorTaskState, Stage } from './indicator-task.types';
import type { Actor } from '../shared/actor.types';
import type { IndicatorTaskEvent } from './indicator-task.events';

export interface ActionResult {
  version: number;
  stage: Stage;
  /**
   * The events the action recorded (at versions `version - events.length + 1` to `version`) and the time they
   * carry (occurredAt, the card's updatedAt after them; null when there were none): the API folds them into the
   * card it read before the action, as the projection does, instead of reading the card again. Absent from answers
   * given before they were added (an Update completed then and answered again for the same update id).
   */
  events?: IndicatorTaskEvent[];
  recordedAt?: string | null;
}

/** Every human action is one Update: its validator refuses illegal moves before anything is written. */
export const performActionUpdate = defineUpdate<ActionResult, [ActionRequest]>('performAction');

/** A re-imported task breakdown changed this task's due date or lead unit. */
export interface BreakdownChange {
  importId: string;
  dueAt: string;
  leadUnitCode: string;
  /** The office member who imported the file. */
  actor: Actor;
}

/** A system event, so a signal: the import learns nothing from the task's answer. Sending it twice is harmless. */
export const breakdownChangedSignal = defineSignal<[BreakdownChange]>('breakdownChanged');

/** For operators and tests; the board reads the PostgreSQL projection instead. */
export const stateQuery = defineQuery<IndicatorTaskState>('state');

export const INDICATOR_TASK_WORKFLOW_TYPE = 'indicatorTaskWorkflow';

/** Business key: one workflow per (campaign, indicator, responsible unit). */
export function indicatorTaskWorkflowId(campaignId: string, indicatorCode: string, unitCode: string): string {
  return `indicator-task:${campaignId}:${indicatorCode}:${unitCode}`;
}
