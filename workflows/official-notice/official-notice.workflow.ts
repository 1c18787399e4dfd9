// One workflow per official notice: it takes the notice's number (an activity, once per notice, however often the
// step is retried or replayed), records NoticeIssued, then waits for the unit head's 签收 (an Update whose validator
// applies the pure rule) or for its 签收 deadline, which climbs 催签 → 督办 like any other step. It ends once
// the notice is acknowledged.
import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { OfficialNoticeActivities } from '../../activities/official-notice.activities';
import { actionValidator, recordAction } from '../shared/action-update';
import { eventRecorder } from '../shared/event-recorder';
import { addMs, HOUR, shanghaiDate } from '../shared/time';
import { runTimerLoop } from '../shared/timer-loop';
import { decideNotice } from './official-notice.decide';
import type { OfficialNoticeEvent } from './official-notice.events';
import { evolveNotice, initialNoticeState } from './official-notice.evolve';
import { noticeActionUpdate, noticeIssuedUpdate, noticeStateQuery, type NoticeActionResult } from './official-notice.messages';
import { nextNoticeTimer, noticeTimerEvent } from './official-notice.schedule';
import { DEFAULT_ACK_HOURS, type NoticeActionRequest, type OfficialNoticeInput, type OfficialNoticeState } from './official-notice.types';

export const DEFAULT_NOTICE_HISTORY_LIMIT = 2_000;

// A database outage delays a number, never loses it: retried until it is allocated (idempotent by notice id).
const { allocateNoticeNumber } = proxyActivities<OfficialNoticeActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const now = () => new Date().toISOString();

export async function officialNoticeWorkflow(input: OfficialNoticeInput): Promise<OfficialNoticeState> {
  const info = workflowInfo();
  const ackHours = input.ackHours ?? DEFAULT_ACK_HOURS;
  let state = input.resume?.state ?? initialNoticeState(info.workflowId, input);
  const recorder = eventRecorder<OfficialNoticeState, OfficialNoticeEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolveNotice,
  );

  setHandler(noticeStateQuery, () => state);
  setHandler(noticeIssuedUpdate, async () => {
    await condition(() => state.number !== null);
    return state;
  });
  setHandler(
    noticeActionUpdate,
    async (request: NoticeActionRequest): Promise<NoticeActionResult> => {
      const { state: after } = await recordAction(recorder, () => state, decideNotice, request);
      return { version: after.version, state: after.state };
    },
    { validator: actionValidator(recorder, decideNotice) },
  );

  if (!input.resume) {
    const issuedAt = now();
    const year = Number(shanghaiDate(issuedAt).slice(0, 4));
    const { number, seq } = await allocateNoticeNumber({ noticeId: info.workflowId, kind: input.kind, year });
    const issued: OfficialNoticeEvent = {
      type: 'NoticeIssued',
      data: {
        campaignId: input.campaignId,
        taskId: input.taskId,
        itemId: input.itemId,
        unitCode: input.unitCode,
        indicatorCode: input.indicatorCode,
        title: input.title,
        dueAt: input.dueAt,
        kind: input.kind,
        trigger: input.trigger,
        level: input.level,
        note: input.note,
        sourceEventId: input.sourceEventId,
        number,
        year,
        seq,
        ackDueAt: addMs(issuedAt, ackHours * HOUR),
      },
    };
    await recorder.commit(() => (state.state === 'PENDING' ? [issued] : []), input.issuedBy, `${info.workflowId}:issued`, info.workflowId);
  }

  return runTimerLoop({
    recorder,
    state: () => state,
    finished: (s) => s.state === 'ACKNOWLEDGED',
    historyLimit: input.historyLimit ?? DEFAULT_NOTICE_HISTORY_LIMIT,
    next: (s) => nextNoticeTimer(s, ackHours),
    event: noticeTimerEvent,
    causation: (timer) => `${info.workflowId}:${timer.level}:${timer.at}`,
    continueAsNew: (s) => continueAsNew<typeof officialNoticeWorkflow>({ ...input, resume: { state: s } }),
  });
}
