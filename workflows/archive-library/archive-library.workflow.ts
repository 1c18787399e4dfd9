// One workflow per library document: records its submission (or, for a system document, its submission and
// acceptance by the system at once), then waits for the archivist's 验收 or 退回 and the resubmission of a
// returned one (an Update whose validator applies the pure rule). It ends once the document is accepted.
import { condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { actionValidator, recordAction } from '../shared/action-update';
import { eventRecorder } from '../shared/event-recorder';
import { drainHandlers } from '../shared/workflow-loop';
import { decideLibrary } from './archive-library.decide';
import type { ArchiveLibraryEvent } from './archive-library.events';
import { evolveLibrary, initialLibraryState } from './archive-library.evolve';
import { libraryActionUpdate, libraryStateQuery, librarySubmittedUpdate, type LibraryActionResult } from './archive-library.messages';
import type { LibraryActionRequest, LibraryDocumentInput, LibraryDocumentState } from './archive-library.types';

export async function archiveLibraryDocumentWorkflow(input: LibraryDocumentInput): Promise<LibraryDocumentState> {
  const info = workflowInfo();
  let state = initialLibraryState(info.workflowId);
  const recorder = eventRecorder<LibraryDocumentState, ArchiveLibraryEvent>(
    () => state,
    (next) => {
      state = next;
    },
    evolveLibrary,
  );
  const submitted: ArchiveLibraryEvent = {
    type: 'LibraryDocumentSubmitted',
    data: { campaignId: input.campaignId, title: input.title, kind: input.kind, file: input.file, unitCode: input.unitCode, tags: input.tags, source: input.source },
  };
  const events: ArchiveLibraryEvent[] = input.source === null ? [submitted] : [submitted, { type: 'LibraryDocumentAccepted', data: { note: '系统登记' } }];
  const created = recorder.recordNow(events, input.submittedBy, `${info.workflowId}:submitted`, info.workflowId);

  setHandler(libraryStateQuery, () => state);
  setHandler(librarySubmittedUpdate, async () => {
    await created;
    return state;
  });
  setHandler(
    libraryActionUpdate,
    async (request: LibraryActionRequest): Promise<LibraryActionResult> => {
      const { state: after } = await recordAction(recorder, () => state, decideLibrary, request);
      return { version: after.version, state: after.state };
    },
    { validator: actionValidator(recorder, decideLibrary) },
  );

  await created;
  await condition(() => state.state === 'ACCEPTED');
  await drainHandlers(recorder.settled);
  return state;
}
