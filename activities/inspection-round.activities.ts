// A mock-assessment round's scores become a task's mock assessment (issue 20): the round's workflow runs this
// activity for each task whose criteria are all scored. It sends the task's own RECORD_MOCK_ASSESSMENT, so the task's
// rules decide (its stage, who may score, pass or fail by score rate, failed criteria to rectify). Safe to run again:
// a task records a round's scores once (its state lists the rounds applied, and the Update id is the round's), and
// an attempt after one that took effect finds the task's event and answers with it.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../src/platform/database/database';
import { readStream } from '../src/platform/event-store/event-store.repository';
import type { IndicatorTaskEvent } from '../workflows/indicator-task/indicator-task.events';
import { performActionUpdate } from '../workflows/indicator-task/indicator-task.messages';
import type { CriterionScore, MockAssessmentFollowUp } from '../workflows/indicator-task/indicator-task.types';
import type { Actor } from '../workflows/shared/actor.types';

export interface ApplyRoundScoresInput {
  roundId: string;
  roundTitle: string;
  taskId: string;
  scores: CriterionScore[];
  followUp: MockAssessmentFollowUp;
  /** Who recorded the scores in the round: the task's rules judge this person. */
  by: Actor;
}

export interface AppliedRoundScores {
  outcome: 'APPLIED' | 'NOT_APPLICABLE';
  /** Why the task refused them (its rule's Chinese message); null when applied. */
  reason: string | null;
  score: number;
  maxScore: number;
  scoreRate: number | null;
  passed: boolean | null;
  taskVersion: number | null;
}

type Recorded = Extract<IndicatorTaskEvent, { type: 'MockAssessmentRecorded' }>['data'];

function applied(data: Recorded, taskVersion: number | null): AppliedRoundScores {
  return { outcome: 'APPLIED', reason: null, score: data.score, maxScore: data.maxScore, scoreRate: data.scoreRate, passed: data.passed, taskVersion };
}

/** The Update id of a round's scores on a task: the same round never sends a second one. */
export function roundScoresUpdateId(roundId: string): string {
  return `round-scores:${roundId}`;
}

export function createInspectionRoundActivities(deps: { db: Db; client: Client }) {
  /** The task's mock assessment from this round, if it has one already. */
  async function recorded(taskId: string, roundId: string): Promise<AppliedRoundScores | null> {
    const events = await readStream(deps.db, taskId, ['MockAssessmentRecorded']);
    const found = events.find((e) => (e.data as unknown as Recorded).roundId === roundId);
    return found ? applied(found.data as unknown as Recorded, found.streamVersion) : null;
  }

  return {
    async applyRoundScoresToTask(input: ApplyRoundScoresInput): Promise<AppliedRoundScores> {
      const before = await recorded(input.taskId, input.roundId);
      if (before) return before;
      const total = input.scores.reduce((n, s) => n + s.score, 0);
      const max = input.scores.reduce((n, s) => n + s.points, 0);
      const notApplied = (reason: string): AppliedRoundScores => ({
        outcome: 'NOT_APPLICABLE',
        reason,
        score: Math.round(total * 100) / 100,
        maxScore: Math.round(max * 100) / 100,
        scoreRate: max > 0 ? Math.round((total / max) * 1000) / 10 : null,
        passed: null,
        taskVersion: null,
      });
      try {
        const result = await deps.client.workflow.getHandle(input.taskId).executeUpdate(performActionUpdate, {
          updateId: roundScoresUpdateId(input.roundId),
          args: [
            {
              command: {
                action: 'RECORD_MOCK_ASSESSMENT',
                scores: input.scores,
                note: `得分来自检查轮次「${input.roundTitle}」`,
                followUp: input.followUp,
                source: { roundId: input.roundId, roundTitle: input.roundTitle },
              },
              actor: input.by,
              correlationId: input.roundId,
            },
          ],
        });
        const event = result.events?.find((e) => e.type === 'MockAssessmentRecorded');
        if (event && event.type === 'MockAssessmentRecorded') return applied(event.data, result.version);
        return (await recorded(input.taskId, input.roundId)) ?? notApplied('任务未记录模拟测评结果');
      } catch (err) {
        if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
          // Refused: by the task's rules, or because an earlier attempt of this very activity took effect.
          return (await recorded(input.taskId, input.roundId)) ?? notApplied(err.cause.message);
        }
        if (err instanceof WorkflowNotFoundError) return notApplied('任务的工作流不存在或已结束');
        throw err;
      }
    },
  };
}

export type InspectionRoundActivities = ReturnType<typeof createInspectionRoundActivities>;
