// One workflow per briefing: it records the draft, then takes the office's and the leader's actions (an Update
// whose validator applies the pure rule). PUBLISH takes the number from the register and renders the PDF into the
// file store (activities, once per briefing however often retried), then records BriefingPublished with both.
// A published circular that names units then waits for their 签收, climbing 提醒 → 催办 → 督办 for those still
// pending; it ends once every named unit has acknowledged (a briefing without named units ends when published).
import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { BriefingActivities } from '../../activities/briefing.activities';
import { actionValidator, recordAction } from '../shared/action-update';
import { eventRecorder } from '../shared/event-recorder';
import { shanghaiDate } from '../shared/time';
import { runTimerLoop } from '../shared/timer-loop';
import { acceptedEvents } from '../shared/workflow-loop';
import { decideBriefing } from './briefing.decide';
import type { BriefingEvent } from './briefing.events';
import { evolveBriefing, initialBriefingState, pendingUnits } from './briefing.evolve';
import { briefingActionUpdate, briefingDraftedUpdate, briefingStateQuery, type BriefingActionResult } from './briefing.messages';
import { briefingTimerEvent, nextBriefingTimer } from './briefing.schedule';
import type { BriefingActionRequest, BriefingInput, BriefingStateView } from './briefing.types';

export const DEFAULT_BRIEFING_HISTORY_LIMIT = 2_000;

// A database outage delays a number or a PDF, never loses it: retried until done (idempotent by briefing id).
const { allocateBriefingNumber, briefingPdfForArchive } = proxyActivities<BriefingActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['BAD_BRIEFING'] },
});

export async function briefingWorkflow(input: BriefingInput): Promise<BriefingStateView> {
  const info = workflowInfo();
  let state = input.resume?.state ?? initialBriefingState(info.workflowId, input);
  const recorder = eventRecorder<BriefingStateView, BriefingEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolveBriefing,
  );
  let publishing = false;

  setHandler(briefingStateQuery, () => state);
  setHandler(briefingDraftedUpdate, async () => {
    await condition(() => state.version > 0);
    return state;
  });
  setHandler(
    briefingActionUpdate,
    async (request: BriefingActionRequest): Promise<BriefingActionResult> => {
      if (request.command.action !== 'PUBLISH') {
        const { state: after } = await recordAction(recorder, () => state, decideBriefing, request);
        return { version: after.version, state: after.state };
      }
      // One publication at a time; a second request finds it published and is refused by the rule.
      await condition(() => !publishing);
      publishing = true;
      try {
        acceptedEvents(decideBriefing(state, { ...request, command: { action: 'PUBLISH' } }));
        const publishedAt = new Date().toISOString();
        const year = Number(shanghaiDate(publishedAt).slice(0, 4));
        const { number, seq } = await allocateBriefingNumber({ briefingId: info.workflowId, kind: state.kind, year });
        const pdf = await briefingPdfForArchive({ state: { ...state, number, year, seq, publishedAt, state: 'PUBLISHED' } });
        const publication = { number, year, seq, pdfSha256: pdf.sha256, pdfName: pdf.name, pdfSize: pdf.size, publishedAt };
        const { state: after } = await recordAction(recorder, () => state, decideBriefing, { ...request, command: { action: 'PUBLISH', publication } });
        return { version: after.version, state: after.state };
      } finally {
        publishing = false;
      }
    },
    { validator: actionValidator(recorder, decideBriefing) },
  );

  if (!input.resume) {
    const drafted: BriefingEvent = { type: 'BriefingDrafted', data: { campaignId: input.campaignId, kind: input.kind, ...input.draft } };
    await recorder.commit(() => (state.version === 0 ? [drafted] : []), input.createdBy, `${info.workflowId}:drafted`, info.workflowId);
  }

  return runTimerLoop({
    recorder,
    state: () => state,
    finished: (s) => s.state === 'PUBLISHED' && pendingUnits(s).length === 0 && !publishing,
    historyLimit: input.historyLimit ?? DEFAULT_BRIEFING_HISTORY_LIMIT,
    next: nextBriefingTimer,
    event: briefingTimerEvent,
    causation: (timer) => `${info.workflowId}:${timer.level}:${timer.at}`,
    continueAsNew: (s) => continueAsNew<typeof briefingWorkflow>({ ...input, resume: { state: s } }),
  });
}
