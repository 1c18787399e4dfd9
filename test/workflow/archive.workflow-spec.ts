// The archive's workflows on the time-skipping server with a fake event store: a library document handed in,
// returned with a reason, resubmitted and accepted (then ended), wrong roles and illegal moves refused with no event;
// a system document recorded accepted at once; a package built by its activity, recorded with its hash and the
// warning when materials are missing, handed over (送审) once by the office; a failed build recorded as failed.
// The scenarios are kept as replay fixtures (RECORD_HISTORIES=1).
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { AppendRequest } from '../../activities/event-store.types';
import { ARCHIVE_DOCUMENT_STREAM_PREFIX, libraryActionUpdate, librarySubmittedUpdate } from '../../workflows/archive-library/archive-library.messages';
import type { LibraryCommand, LibraryDocumentInput } from '../../workflows/archive-library/archive-library.types';
import { archiveLibraryDocumentWorkflow } from '../../workflows/archive-library/archive-library.workflow';
import { ARCHIVE_PACKAGE_STREAM_PREFIX, packageActionUpdate, packageRequestedUpdate, packageStateQuery } from '../../workflows/archive-package/archive-package.messages';
import type { PackageBuildResult } from '../../workflows/archive-package/archive-package.types';
import { archivePackageWorkflow } from '../../workflows/archive-package/archive-package.workflow';
import { SYSTEM_ACTOR, type Actor } from '../../workflows/shared/actor.types';
import { startTimeSkippingWorker, type TimeSkippingWorker } from '../support/time-skipping';
import { ARCHIVIST, FakeEventStore, keepHistory, NEW_UNIT, OFFICE, UNIT } from '../support/workflow-fixtures';

const FILE = { sha256: 'a'.repeat(64), name: '活动照片.pdf', size: 12, mimeType: 'application/pdf' };

describe('archive workflows', () => {
  let env: TestWorkflowEnvironment;
  let server: TimeSkippingWorker;
  let store: FakeEventStore;
  const taskQueue = 'archive-workflow-spec';
  let nextBuild: () => Promise<PackageBuildResult>;

  beforeAll(async () => {
    store = new FakeEventStore();
    server = await startTimeSkippingWorker({
      taskQueue,
      workflowsPath: require.resolve('../../workflows/index'),
      activities: {
        appendEvents: (r: AppendRequest) => store.appendEvents(r),
        buildArchivePackage: () => nextBuild(),
      },
    });
    env = server.env;
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function failure(p: Promise<unknown>): Promise<ApplicationFailure> {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
  }

  function document(extra: Partial<LibraryDocumentInput> = {}): LibraryDocumentInput {
    return { campaignId: 'wf', title: '志愿服务活动照片', kind: 'PHOTO', file: FILE, unitCode: 'WTSQ', tags: [{ kind: 'INDICATOR', code: 'A3' }], source: null, submittedBy: UNIT, ...extra };
  }

  it('takes a document through 退回 and resubmission to 验收, refusing wrong roles with no event, then ends', async () => {
    const id = `${ARCHIVE_DOCUMENT_STREAM_PREFIX}${randomUUID()}`;
    const handle = await env.client.workflow.start(archiveLibraryDocumentWorkflow, { workflowId: id, taskQueue, args: [document()] });
    const act = (command: LibraryCommand, actor: Actor) => handle.executeUpdate(libraryActionUpdate, { args: [{ command, actor }] });
    expect((await handle.executeUpdate(librarySubmittedUpdate)).state).toBe('SUBMITTED');

    expect((await failure(act({ action: 'ACCEPT' }, OFFICE))).type).toBe('FORBIDDEN');
    expect((await failure(act({ action: 'RETURN', reason: ' ' }, ARCHIVIST))).type).toBe('BAD_USER_INPUT');
    expect((await failure(act({ action: 'RESUBMIT', title: 'x', file: FILE, tags: [] }, UNIT))).type).toBe('ILLEGAL_TRANSITION');
    expect(store.stream(id).map((e) => e.type)).toEqual(['LibraryDocumentSubmitted']);

    expect(await act({ action: 'RETURN', reason: '缺少活动时间' }, ARCHIVIST)).toEqual({ version: 2, state: 'RETURNED' });
    expect((await failure(act({ action: 'RESUBMIT', title: '志愿服务活动照片', file: FILE, tags: [] }, NEW_UNIT))).type).toBe('FORBIDDEN');
    expect((await failure(act({ action: 'RESUBMIT', title: '长'.repeat(101), file: FILE, tags: [] }, UNIT))).type).toBe('BAD_USER_INPUT');
    expect(await act({ action: 'RESUBMIT', title: '志愿服务活动照片（补充）', file: { ...FILE, sha256: 'b'.repeat(64) }, tags: [] }, UNIT)).toEqual({ version: 3, state: 'SUBMITTED' });
    expect(await act({ action: 'ACCEPT', note: '齐全' }, ARCHIVIST)).toEqual({ version: 4, state: 'ACCEPTED' });
    const final = await handle.result();
    expect(final).toMatchObject({ state: 'ACCEPTED', title: '志愿服务活动照片（补充）', rounds: 2, reviewedBy: ARCHIVIST.userId, returnReason: null, tags: [] });
    expect(store.stream(id).map((e) => e.type)).toEqual(['LibraryDocumentSubmitted', 'LibraryDocumentReturned', 'LibraryDocumentResubmitted', 'LibraryDocumentAccepted']);
    expect(store.stream(id)[1].data).toMatchObject({ reason: '缺少活动时间', campaignId: 'wf', unitCode: 'WTSQ' });
    await keepHistory('archive-document-returned-resubmitted-accepted', handle);
  });

  it('records a system document submitted and accepted by the system at once', async () => {
    const id = `${ARCHIVE_DOCUMENT_STREAM_PREFIX}system-${randomUUID()}`;
    const handle = await env.client.workflow.start(archiveLibraryDocumentWorkflow, {
      workflowId: id,
      taskQueue,
      args: [document({ title: '创文简报〔2027〕第1期', kind: 'BRIEFING', unitCode: null, source: 'briefing:b-1', submittedBy: SYSTEM_ACTOR })],
    });
    expect((await handle.result()).state).toBe('ACCEPTED');
    expect(store.stream(id).map((e) => [e.type, (e.metadata as { actor: Actor }).actor.userId])).toEqual([
      ['LibraryDocumentSubmitted', 'system'],
      ['LibraryDocumentAccepted', 'system'],
    ]);
    await keepHistory('archive-document-system', handle);
  });

  it('builds a package, records its hash and warning, and takes its 送审 from the office once', async () => {
    nextBuild = async () => ({ sha256: 'c'.repeat(64), size: 2_147_483_648 + 10, fileName: '档案包.zip', fileCount: 120, missingCount: 3, unitsMissing: 2 });
    const id = `${ARCHIVE_PACKAGE_STREAM_PREFIX}${randomUUID()}`;
    const handle = await env.client.workflow.start(archivePackageWorkflow, { workflowId: id, taskQueue, args: [{ campaignId: 'wf', requestedBy: OFFICE }] });
    await handle.executeUpdate(packageRequestedUpdate);
    const submit = (actor: Actor, note?: string) => handle.executeUpdate(packageActionUpdate, { args: [{ command: { action: 'SUBMIT', note }, actor }] });
    for (let i = 0; i < 50 && (await handle.query(packageStateQuery)).state === 'BUILDING'; i += 1) await new Promise((r) => setTimeout(r, 100));
    const built = await handle.query(packageStateQuery);
    expect(built).toMatchObject({ state: 'BUILT', sha256: 'c'.repeat(64), size: 2_147_483_658, missingCount: 3 });
    expect(built.warning).toContain('2个责任单位尚缺3项材料');

    expect((await failure(submit(ARCHIVIST))).type).toBe('FORBIDDEN');
    expect(await submit(OFFICE, '已送区创建办')).toMatchObject({ state: 'SUBMITTED' });
    const final = await handle.result();
    expect(final.state).toBe('SUBMITTED');
    expect(store.stream(id).map((e) => e.type)).toEqual(['ArchivePackageRequested', 'ArchivePackageBuilt', 'ArchivePackageSubmitted']);
    expect(store.stream(id)[2].data).toEqual({ sha256: 'c'.repeat(64), note: '已送区创建办' });
    await keepHistory('archive-package-built-submitted', handle);
  });

  it('records a build that fails for good as failed, and ends', async () => {
    nextBuild = async () => {
      throw ApplicationFailure.create({ type: 'BROKEN', message: '文件存储已损坏', nonRetryable: true });
    };
    const id = `${ARCHIVE_PACKAGE_STREAM_PREFIX}${randomUUID()}`;
    const handle = await env.client.workflow.start(archivePackageWorkflow, { workflowId: id, taskQueue, args: [{ campaignId: 'wf', requestedBy: ARCHIVIST }] });
    const final = await handle.result();
    expect(final).toMatchObject({ state: 'FAILED', failure: '档案包生成失败：文件存储已损坏' });
    expect(store.stream(id).map((e) => e.type)).toEqual(['ArchivePackageRequested', 'ArchivePackageFailed']);
  });
});
