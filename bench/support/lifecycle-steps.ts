// The lifecycle that the lifecycle and action-latency benchmarks drive every task through: 9 actions, each adding
// one event (version 2..10), on the demo catalog's indicators that require one archive material; and how an
// action is sent through the GraphQL API.
import { createHash } from 'node:crypto';
import { demoMaterials } from '../../src/catalog/catalog.demo';
import { readDemoCatalog } from '../../src/demo/demo-data';
import { DEMO_UNITS, DEMO_USERS, demoAssignment, demoDueAt } from '../../src/demo/demo-organisation';
import type { NewIndicatorTask } from '../../src/indicator-task/indicator-task.starter';
import type { IndicatorTaskCommand } from '../../workflows/indicator-task/indicator-task.lifecycle';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import type { Actor, Stage } from '../../workflows/indicator-task/indicator-task.types';

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
const ONE_MATERIAL = new Set(
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

const CREATED_BY: Actor = { userId: 'user:office', displayName: '张霞（创建办主任）', role: 'OFFICE', unitCode: null };

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
export function actorOf(loginName: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === loginName);
  if (!user) throw new Error(`no demo user ${loginName}`);
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

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

export async function graphqlAction(baseUrl: string, task: BenchTask, step: Step): Promise<{ stage: string; version: number }> {
  const query = `mutation($input: ${step.inputType}!) { ${step.mutation}(input: $input) { id stage classification awaitingReview version allowedActions } }`;
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-user': login(step.who, task) },
    body: JSON.stringify({ query, variables: { input: { taskId: task.taskId, ...(typeof step.input === 'function' ? step.input(task) : step.input) } } }),
    signal: AbortSignal.timeout(ACTION_TIMEOUT_MS),
  });
  const body = (await res.json()) as { data?: Record<string, { stage: string; version: number }> | null; errors?: unknown[] };
  if (!res.ok || body.errors || !body.data?.[step.mutation]) {
    throw new Error(`${step.mutation} on ${task.taskId} failed (HTTP ${res.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data[step.mutation];
}
