// The lifecycle the benchmarks drive every indicator task through (9 actions, each adding one event: versions
// 2..10), the tasks they drive (distinct (indicator, unit) pairs of the demo catalog whose indicator asks for one
// archive material), one action through GraphQL or straight through Temporal, and the check that every task ended
// ARCHIVED with exactly its events. Shared by lifecycle.bench.ts, scale-out.bench.ts, soak.ts and the fault tests
// (test/faults/), which drive the same lifecycle while they break the system under it.
import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Db } from '../../src/platform/database/database';
import { demoMaterials, readDemoCatalog } from '../../src/demo/demo-catalog';
import { DEMO_UNITS, DEMO_USERS, demoAssignment, demoDueAt } from '../../src/demo/demo-organisation';
import type { NewIndicatorTask } from '../../src/indicator-task/indicator-task.starter';
import { foldCard } from '../../src/platform/projections/indicator-task-card.projection';
import type { IndicatorTaskCommand, Stage } from '../../workflows/indicator-task/indicator-task.types';
import { indicatorTaskWorkflowId, performActionUpdate } from '../../workflows/indicator-task/indicator-task.messages';
import type { Actor } from '../../workflows/shared/actor.types';
import { lanes, withTimeout } from './harness';

export const ACTION_TIMEOUT_MS = 60_000;

export type Who = 'unit' | 'supervisor' | 'supervisor2' | 'office' | 'archivist';
export interface Step {
  mutation: string;
  inputType: string;
  who: Who;
  input: Record<string, unknown> | ((task: BenchTask) => Record<string, unknown>);
  command: IndicatorTaskCommand | ((task: BenchTask) => IndicatorTaskCommand);
  stage: Stage;
}

/** Demo indicators that require exactly one archive material, so that every task takes the same 9 actions. */
const DEMO_MATERIALS = demoMaterials(readDemoCatalog());
const MATERIAL_NAMES = new Map(DEMO_MATERIALS.map((m) => [m.code, m.name]));
export const ONE_MATERIAL = new Set(
  readDemoCatalog()
    .map((row) => row.code)
    .filter((code) => DEMO_MATERIALS.filter((m) => m.indicatorCode === code).length === 1),
);

/** The archive file every task hands in: a tiny PDF. */
const ARCHIVE_FILE_CONTENT = Buffer.from('%PDF-1.4\n% 基准测试档案\n%%EOF\n');
const ARCHIVE_FILE = {
  sha256: createHash('sha256').update(ARCHIVE_FILE_CONTENT).digest('hex'),
  name: '档案.pdf',
  size: ARCHIVE_FILE_CONTENT.byteLength,
  mimeType: 'application/pdf',
};

/** A plan's deadline must lie between now and the task's due date: a week from the run. */
const PLAN_DEADLINE = new Date(Date.now() + 7 * 86_400_000).toISOString();

export const STEPS: readonly Step[] = [
  // NOT_MET straight to rectification: a failed mock assessment would now raise rectification items (issue 4),
  // which the two runs would have to drive as well; this path measures the task workflow alone.
  {
    mutation: 'submitSelfCheck', inputType: 'SubmitSelfCheckInput', who: 'unit',
    input: { classification: 'NOT_MET', note: '基准测试：未达标' },
    command: { action: 'SUBMIT_SELF_CHECK', classification: 'NOT_MET', note: '基准测试：未达标' },
    stage: 'SELF_CHECK',
  },
  { mutation: 'confirmSelfCheck', inputType: 'ApproveInput', who: 'supervisor', input: {}, command: { action: 'CONFIRM_SELF_CHECK' }, stage: 'RECTIFICATION' },
  {
    mutation: 'submitRectificationPlan', inputType: 'RectificationPlanInput', who: 'unit',
    input: { plan: '基准测试：整改方案', deadline: PLAN_DEADLINE },
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '基准测试：整改方案', deadline: PLAN_DEADLINE },
    stage: 'RECTIFICATION',
  },
  {
    mutation: 'reportRectificationProgress', inputType: 'NoteInput', who: 'unit',
    input: { note: '基准测试：整改过半' }, command: { action: 'REPORT_RECTIFICATION_PROGRESS', note: '基准测试：整改过半' }, stage: 'RECTIFICATION',
  },
  {
    mutation: 'submitRectification', inputType: 'NoteInput', who: 'unit',
    input: { note: '基准测试：整改完成' }, command: { action: 'SUBMIT_RECTIFICATION', note: '基准测试：整改完成' }, stage: 'RECTIFICATION',
  },
  { mutation: 'approveRectification', inputType: 'ApproveInput', who: 'supervisor2', input: {}, command: { action: 'APPROVE_RECTIFICATION' }, stage: 'CONSOLIDATION' },
  {
    // The API reads the materials from the catalog; the direct path sends the list the API would send.
    mutation: 'startArchiving', inputType: 'ApproveInput', who: 'office', input: {},
    command: (t) => ({ action: 'START_ARCHIVING', materials: [{ code: `${t.indicatorCode}-M1`, name: MATERIAL_NAMES.get(`${t.indicatorCode}-M1`) ?? '档案材料' }] }),
    stage: 'ARCHIVING',
  },
  {
    // The API also stores the file (by its SHA-256) before the Update; the direct path sends the file's record only.
    mutation: 'submitArchiveMaterial', inputType: 'SubmitArchiveMaterialInput', who: 'unit',
    input: (t) => ({ materialCode: `${t.indicatorCode}-M1`, fileName: ARCHIVE_FILE.name, contentBase64: ARCHIVE_FILE_CONTENT.toString('base64'), note: '基准测试：档案材料一卷' }),
    command: (t) => ({ action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: `${t.indicatorCode}-M1`, file: ARCHIVE_FILE, note: '基准测试：档案材料一卷' }),
    stage: 'ARCHIVING',
  },
  {
    mutation: 'acceptArchiveMaterial', inputType: 'AcceptArchiveMaterialInput', who: 'archivist',
    input: (t) => ({ materialCode: `${t.indicatorCode}-M1` }), command: (t) => ({ action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: `${t.indicatorCode}-M1` }),
    stage: 'ARCHIVED',
  },
];
export const EXPECTED_EVENT_TYPES = [
  'IndicatorTaskCreated',
  'SelfCheckSubmitted',
  'SelfCheckConfirmed',
  'RectificationPlanSubmitted',
  'RectificationProgressReported',
  'RectificationSubmitted',
  'RectificationApproved',
  'ArchivingStarted',
  'ArchiveMaterialSubmitted',
  'ArchiveMaterialAccepted',
];
export const EVENTS_PER_TASK = 1 + STEPS.length;

export const CREATED_BY: Actor = { userId: 'user:office', displayName: '张霞（创建办主任）', role: 'OFFICE', unitCode: null };

/** Distinct (indicator, unit) pairs of the demo catalog whose indicator has exactly one archive material. */
export const MAX_TASKS = readDemoCatalog().filter((row) => ONE_MATERIAL.has(row.code)).length * DEMO_UNITS.length;

export interface BenchTask {
  taskId: string;
  indicatorCode: string;
  unitCode: string;
  unitLogin: string;
}

export function login(who: Who, task: BenchTask): string {
  return who === 'unit' ? task.unitLogin : who;
}

/** The actor as the API would build it from the users table (src/demo/demo-data.ts inserts DEMO_USERS so). */
function actorOf(loginName: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === loginName);
  if (!user) throw new Error(`no demo user ${loginName}`);
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

// ---------------------------------------------------------------------------------------------------------
// The tasks, one action, the check.

export function benchTasks(campaignId: string, n: number): { tasks: BenchTask[]; starts: NewIndicatorTask[] } {
  const catalog = readDemoCatalog().filter((row) => ONE_MATERIAL.has(row.code));
  const max = MAX_TASKS;
  if (n > max) throw new Error(`N=${n} is more than the ${max} distinct (indicator, unit) pairs of the demo catalog with one archive material`);
  const tasks: BenchTask[] = [];
  const starts: NewIndicatorTask[] = [];
  for (let i = 0; i < n; i++) {
    const row = catalog[i % catalog.length];
    const unit = DEMO_UNITS[Math.floor(i / catalog.length) % DEMO_UNITS.length];
    tasks.push({
      taskId: indicatorTaskWorkflowId(campaignId, row.code, unit.code),
      indicatorCode: row.code,
      unitCode: unit.code,
      unitLogin: `${unit.code.toLowerCase()}.member`,
    });
    starts.push({
      campaignId,
      indicatorCode: row.code,
      unitCode: unit.code,
      leadUnitCode: demoAssignment(row.code, row.area).lead,
      dueAt: demoDueAt(row.code),
      createdBy: CREATED_BY,
    });
  }
  return { tasks, starts };
}

/** The GraphQL input of a step for a task. */
export function stepInput(step: Step, task: BenchTask): Record<string, unknown> {
  return { taskId: task.taskId, ...(typeof step.input === 'function' ? step.input(task) : step.input) };
}

/** The mutation of a step, answering the card's stage and version. */
export function stepMutation(step: Step): string {
  return `mutation($input: ${step.inputType}!) { ${step.mutation}(input: $input) { id stage classification awaitingReview version allowedActions } }`;
}

export async function graphqlAction(baseUrl: string, task: BenchTask, step: Step): Promise<{ stage: string; version: number }> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-user': login(step.who, task) },
    body: JSON.stringify({ query: stepMutation(step), variables: { input: stepInput(step, task) } }),
    signal: AbortSignal.timeout(ACTION_TIMEOUT_MS),
  });
  const body = (await res.json()) as { data?: Record<string, { stage: string; version: number }> | null; errors?: unknown[] };
  if (!res.ok || body.errors || !body.data?.[step.mutation]) {
    throw new Error(`${step.mutation} on ${task.taskId} failed (HTTP ${res.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data[step.mutation];
}

export async function directAction(client: Client, task: BenchTask, step: Step): Promise<{ stage: string; version: number }> {
  const actor = actorOf(login(step.who, task));
  return withTimeout(
    client.workflow.getHandle(task.taskId).executeUpdate(performActionUpdate, { args: [{ command: typeof step.command === 'function' ? step.command(task) : step.command, actor }] }),
    ACTION_TIMEOUT_MS,
    `${step.mutation} on ${task.taskId}`,
  );
}

/**
 * Every task of the campaign archived with exactly its events, or an error listing what is wrong: each stream holds
 * the expected types in order at versions 1..n, no event id twice, no other stream of the campaign; each card is
 * ARCHIVED at version 10 and is the fold of its stream's events (whole state, last position); every workflow
 * completed archived. Returns a one-line summary.
 */
export async function verifyArchived(db: Db, client: Client, campaignId: string, tasks: readonly BenchTask[]): Promise<string> {
  const problems: string[] = [];
  const events = await db
    .selectFrom('events')
    .select(['position', 'event_id', 'stream_id', 'stream_version', 'type', 'data', 'metadata', 'occurred_at'])
    .where('stream_id', 'like', `indicator-task:${campaignId}:%`)
    .orderBy('stream_id')
    .orderBy('stream_version')
    .execute();
  const eventIds = new Set<string>();
  const byStream = new Map<string, typeof events>();
  for (const e of events) {
    if (eventIds.has(e.event_id)) problems.push(`${e.stream_id}: event id ${e.event_id} twice`);
    eventIds.add(e.event_id);
    const list = byStream.get(e.stream_id) ?? [];
    if (e.stream_version !== list.length + 1) problems.push(`${e.stream_id}: version ${e.stream_version} where ${list.length + 1} was expected`);
    list.push(e);
    byStream.set(e.stream_id, list);
  }
  const expectedIds = new Set(tasks.map((t) => t.taskId));
  for (const streamId of byStream.keys()) if (!expectedIds.has(streamId)) problems.push(`${streamId}: a stream no task should have`);
  for (const task of tasks) {
    const types = (byStream.get(task.taskId) ?? []).map((e) => e.type);
    if (types.join() !== EXPECTED_EVENT_TYPES.join()) problems.push(`${task.taskId}: ${types.length} events ${types.join(', ')}`);
  }

  const cards = await db
    .selectFrom('indicator_task_cards')
    .select(['task_id', 'stage', 'version', 'state', 'last_position'])
    .where('campaign_id', '=', campaignId)
    .execute();
  if (cards.length !== tasks.length) problems.push(`${cards.length} cards, expected ${tasks.length}`);
  for (const card of cards) {
    if (card.stage !== 'ARCHIVED' || card.version !== EVENTS_PER_TASK) problems.push(`card ${card.task_id}: ${card.stage} v${card.version}`);
    // The projection must be exactly what its events fold to.
    let folded: ReturnType<typeof foldCard> | undefined;
    for (const e of byStream.get(card.task_id) ?? []) {
      folded = foldCard(folded, { position: e.position, eventId: e.event_id, streamId: e.stream_id, streamVersion: e.stream_version, type: e.type, data: e.data, metadata: e.metadata, occurredAt: e.occurred_at });
    }
    if (!folded) continue;
    if (card.last_position !== folded.lastPosition) problems.push(`card ${card.task_id}: last position ${card.last_position}, its events end at ${folded.lastPosition}`);
    if (JSON.stringify(sortKeys(card.state)) !== JSON.stringify(sortKeys(folded.state))) problems.push(`card ${card.task_id}: state differs from the fold of its events`);
  }

  // The workflows end once their task is archived.
  await lanes(tasks, 16, async (task) => {
    const state = await withTimeout(client.workflow.getHandle(task.taskId).result(), 30_000, `result of ${task.taskId}`);
    if ((state as { stage?: string }).stage !== 'ARCHIVED') problems.push(`workflow ${task.taskId} ended in ${JSON.stringify(state)}`);
  });
  if (problems.length > 0) {
    throw new Error(`verification FAILED (${problems.length} problems):\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
  return `verify: ${cards.length} cards ARCHIVED at version ${EVENTS_PER_TASK}, each the fold of its events; ${events.length} events (${EVENTS_PER_TASK} per task, expected types in order, distinct ids); ${tasks.length} workflows completed: OK`;
}

/** JSON with object keys in order, so that two equal states compare equal whatever order jsonb gave their keys. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}
