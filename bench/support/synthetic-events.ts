// A big campaign's events without the workflows that would have written them: indicator tasks and rectification
// items at every step of their lifecycles, with the real events' shapes, inserted in bulk and folded by the event
// store's own inline projections in the same transaction (as an append does, many streams at a time). So the
// board reads real projection rows, and a rebuild can be checked against what the appends built.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/platform/database/database';
import type { InlineProjection, StoredEvent } from '../../src/platform/event-store/event-store.types';
import { criterionCode, materialCode } from '../../src/catalog/catalog.types';
import { demoMaterials, type DemoCatalogRow } from '../../src/demo/demo-catalog';
import { DEMO_UNITS, demoAssignment, demoDueAt } from '../../src/demo/demo-organisation';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { DEFAULT_TASK_POLICY, type Classification, type EvidenceFile } from '../../workflows/indicator-task/indicator-task.types';
import { SYSTEM_ACTOR, type Actor } from '../../workflows/shared/actor.types';
import { rectificationItemWorkflowId } from '../../workflows/rectification-item/rectification-item.messages';
import { DEFAULT_ITEM_POLICY, ITEM_AREAS, ITEM_SOURCES } from '../../workflows/rectification-item/rectification-item.types';

const HOUR = 3_600_000;

export interface SyntheticEvent {
  streamId: string;
  streamVersion: number;
  type: string;
  data: Record<string, unknown>;
  actor: Actor;
  occurredAt: Date;
}

/** The campaign the streams belong to: its catalog, and the units that do the work (the demo's first, then made-up ones). */
export interface SyntheticCampaign {
  campaignId: string;
  catalog: readonly DemoCatalogRow[];
  unitCodes: readonly string[];
  /** When the first stream begins; each stream's events follow hours apart. */
  start: Date;
}

/** Made-up units beyond the demo's twelve, so that a unit has about one task per indicator, as in the demo. */
export function extraUnits(count: number): { code: string; name: string; kind: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return { code: `BU${n}`, name: `基准测试社区${n}`, kind: 'COMMUNITY' };
  });
}

/** Units for `tasks` tasks: the demo's twelve, and more when the catalog × twelve is not enough. */
export function unitCodesFor(tasks: number, catalog: readonly DemoCatalogRow[]): string[] {
  const needed = Math.max(DEMO_UNITS.length, Math.ceil(tasks / catalog.length));
  return [...DEMO_UNITS.map((u) => u.code as string), ...extraUnits(needed - DEMO_UNITS.length).map((u) => u.code)];
}

/** A cheap, fixed scramble of an index, so that lengths and choices look random but every run is the same. */
function mix(i: number): number {
  let x = (i + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const UNIT_ACTOR = (unitCode: string): Actor => ({ userId: `user:${unitCode.toLowerCase()}.member`, displayName: `${unitCode}工作人员`, role: 'UNIT_MEMBER', unitCode });
const SUPERVISOR: Actor = { userId: 'user:supervisor', displayName: '李督查（督查检查组）', role: 'SUPERVISOR', unitCode: null };
const OFFICE: Actor = { userId: 'user:office', displayName: '张霞（创建办主任）', role: 'OFFICE', unitCode: null };
const ARCHIVIST: Actor = { userId: 'user:archivist', displayName: '陈档案（档案组）', role: 'ARCHIVIST', unitCode: null };

function photo(seed: number, name: string): EvidenceFile {
  return { sha256: (mix(seed).toString(16).padStart(8, '0') + mix(seed + 1).toString(16).padStart(8, '0')).repeat(4), name, size: 180_000 + (mix(seed) % 900_000), mimeType: 'image/jpeg' };
}

type Step = [type: string, data: Record<string, unknown>, actor: Actor];

export interface SyntheticTask {
  taskId: string;
  unitCode: string;
}

/** Task number `i` of the campaign: which indicator, which unit (a `:round` suffix past catalog × units). */
export function syntheticTask(c: SyntheticCampaign, i: number): SyntheticTask & { row: DemoCatalogRow; round: number } {
  const row = c.catalog[i % c.catalog.length];
  const unitCode = c.unitCodes[Math.floor(i / c.catalog.length) % c.unitCodes.length];
  const round = Math.floor(i / (c.catalog.length * c.unitCodes.length));
  return { taskId: `${indicatorTaskWorkflowId(c.campaignId, row.code, unitCode)}${round ? `:${round}` : ''}`, unitCode, row, round };
}

/**
 * The events of task number `i`: one of five paths (met; not met and rectified; unknown and a failed mock
 * assessment; relapse-prone with a relapse; late with escalations), cut at a point that spreads the tasks over
 * every stage, with comments, evidence, extensions and escalations on the way.
 */
export function taskEvents(c: SyntheticCampaign, i: number): SyntheticEvent[] {
  const { taskId, unitCode, row } = syntheticTask(c, i);
  const unit = UNIT_ACTOR(unitCode);
  const dueAt = demoDueAt(row.code);
  const materials = demoMaterials([row]).map((m) => ({ code: m.code, name: m.name }));
  const material = materials[0]?.code ?? materialCode(row.code, 1);
  const archive: Step[] = [
    ['ArchivingStarted', { note: '', materials }, OFFICE],
    ['ArchiveMaterialSubmitted', { materialCode: material, file: { ...photo(i, '档案.pdf'), mimeType: 'application/pdf' }, note: '档案材料一卷' }, unit],
    ['ArchiveMaterialAccepted', { materialCode: material, note: '' }, ARCHIVIST],
  ];
  const selfCheck = (classification: Classification): Step[] => [
    ['SelfCheckSubmitted', { classification, note: `自查：${row.indicator}` }, unit],
    ['SelfCheckConfirmed', { classification, note: '' }, SUPERVISOR],
  ];
  const at = (h: number) => new Date(c.start.getTime() + (i % 2000) * 60_000 + h * HOUR).toISOString();
  const recheck = (passed: boolean, h: number): Step[] => [
    ['RecheckDue', { dueAt: at(h) }, SYSTEM_ACTOR],
    ['RecheckRecorded', { passed, note: passed ? '复查合格' : '复查发现反弹' }, SUPERVISOR],
  ];
  const rectify = (h: number): Step[] => [
    ['RectificationPlanSubmitted', { plan: `整改方案：${row.indicator}，责任到人，限期完成`, deadline: at(h + 240) }, unit],
    ['RectificationProgressReported', { note: '整改过半，已完成主要点位' }, unit],
    ['EvidenceAttached', { ...photo(i + 7, '整改后.jpg'), stage: 'RECTIFICATION', note: '整改后照片' }, unit],
    ['RectificationSubmitted', { note: '整改完成' }, unit],
  ];
  const escalation = (level: string, stage: string): Step => ['DeadlineEscalated', { level, stage, stageDueAt: dueAt, notify: level === 'SUPERVISE' ? ['UNIT_HEAD'] : ['UNIT_MEMBER'] }, SYSTEM_ACTOR];
  const created: Step = ['IndicatorTaskCreated', { campaignId: c.campaignId, indicatorCode: row.code, unitCode, leadUnitCode: demoAssignment(row.code, row.area).lead, dueAt, policy: DEFAULT_TASK_POLICY }, OFFICE];
  const paths: Step[][] = [
    [created, ['EvidenceAttached', { ...photo(i, '台账.jpg'), stage: 'SELF_CHECK', note: '' }, unit], ...selfCheck('MET'), ...recheck(true, 720), ['CommentAdded', { text: '请保持' }, SUPERVISOR], ...archive],
    [
      created, escalation('REMINDER', 'SELF_CHECK'), ...selfCheck('NOT_MET'), ...rectify(100),
      ['RectificationReturned', { reason: '照片不清晰，请补充' }, SUPERVISOR], ['RectificationSubmitted', { note: '已补充照片' }, unit],
      ['RectificationApproved', { note: '' }, SUPERVISOR], ...recheck(true, 900), ...archive,
    ],
    [
      created, ...selfCheck('UNKNOWN'),
      ['MockAssessmentRecorded', { scores: [{ criterionCode: criterionCode(row.code, 1), points: row.points, score: 0 }], score: 0, maxScore: row.points, scoreRate: 0, passed: false, failedCriteria: [criterionCode(row.code, 1)], note: '模拟测评不达标' }, SUPERVISOR],
      ['ExtensionRequested', { requestedDueAt: at(600), reason: '施工周期长' }, unit], ['ExtensionApproved', { dueAt: at(600), note: '' }, SUPERVISOR],
      ...rectify(200), ['RectificationApproved', { note: '' }, SUPERVISOR], ...recheck(true, 1000), ...archive,
    ],
    [
      created, ['SelfCheckSubmitted', { classification: 'RELAPSE_PRONE', note: '易反弹' }, unit], ['SelfCheckReturned', { reason: '请补充说明' }, SUPERVISOR],
      ...selfCheck('RELAPSE_PRONE'), ...recheck(true, 300), ...recheck(false, 470), escalation('URGE', 'RECTIFICATION'), ...rectify(500),
      ['RectificationApproved', { note: '' }, SUPERVISOR], ...recheck(true, 800), ['CommentAdded', { text: '反弹后已整改到位' }, SUPERVISOR], ...archive,
    ],
    [
      created, escalation('REMINDER', 'SELF_CHECK'), escalation('URGE', 'SELF_CHECK'), escalation('SUPERVISE', 'SELF_CHECK'),
      ['CommentAdded', { text: '请尽快提交自查' }, OFFICE], ...selfCheck('MET'), ...recheck(true, 700), ...archive,
    ],
  ];
  const path = paths[i % paths.length];
  const length = 1 + (mix(i) % path.length);
  return path.slice(0, length).map(([type, data, actor], v) => ({ streamId: taskId, streamVersion: v + 1, type, data, actor, occurredAt: new Date(at(v * 30 + 1)) }));
}

/**
 * The events of rectification item number `j`: reported (every third on a task of the campaign, dispatched to its
 * unit), dispatched, rectified, returned once in a while, verified, re-checked and closed, cut anywhere on the way.
 */
export function itemEvents(c: SyntheticCampaign, j: number, tasks: number): SyntheticEvent[] {
  const itemId = rectificationItemWorkflowId(c.campaignId, `bench-${j}`);
  const task = j % 3 === 0 && tasks > 0 ? syntheticTask(c, (j * 7) % tasks) : null;
  const unitCode = task?.unitCode ?? c.unitCodes[j % c.unitCodes.length];
  const unit = UNIT_ACTOR(unitCode);
  const at = (h: number) => new Date(c.start.getTime() + (j % 3000) * 60_000 + h * HOUR).toISOString();
  const address = `解放路${(j % 400) + 1}号${['东门', '西门', '南侧', '北侧'][j % 4]}`;
  const steps: Step[] = [
    [
      'ItemReported',
      {
        campaignId: c.campaignId,
        source: task ? 'MOCK_ASSESSMENT' : ITEM_SOURCES[j % ITEM_SOURCES.length],
        area: ITEM_AREAS[j % ITEM_AREAS.length],
        location: { address, latitude: 31.23 + (j % 100) / 10_000, longitude: 121.47 + (j % 77) / 10_000 },
        description: `${address}：垃圾桶满溢，周边有散落垃圾`,
        photos: [photo(j, '发现问题.jpg')],
        indicatorTaskId: task?.taskId ?? null,
        criterionCode: task ? criterionCode(task.row.code, 1) : null,
        inspectionRoundId: null,
        policy: DEFAULT_ITEM_POLICY,
      },
      SUPERVISOR,
    ],
    ['ItemDispatched', { unitCode, dueAt: at(168), note: '请于7日内整改' }, SUPERVISOR],
    ['ItemRectificationStarted', { note: '已签收' }, unit],
    ['ItemSubmitted', { note: '已清理', photos: [photo(j + 3, '整改后.jpg')] }, unit],
    ...(j % 4 === 0
      ? ([
          ['ItemReturned', { reason: '照片未显示全貌' }, SUPERVISOR],
          ['ItemSubmitted', { note: '补拍全貌', photos: [photo(j + 5, '整改后全貌.jpg')] }, unit],
        ] as Step[])
      : []),
    ['ItemVerified', { note: '', recheckAt: at(500) }, SUPERVISOR],
    ['ItemRecheckDue', { dueAt: at(500) }, SYSTEM_ACTOR],
    ['ItemRecheckRecorded', { passed: true, note: '巩固良好', dueAt: null }, SUPERVISOR],
  ];
  const length = 1 + (mix(j + 1_000_003) % steps.length);
  return steps.slice(0, length).map(([type, data, actor], v) => ({ streamId: itemId, streamVersion: v + 1, type, data, actor, occurredAt: new Date(at(v * 20 + 1)) }));
}

/**
 * Writes the events (in the order given) in one transaction and applies the projections to them there, as an
 * append does; the checkpoints move to the last position. Batches of a few thousand events suit it best.
 */
export async function writeEvents(db: Db, events: readonly SyntheticEvent[], projections: readonly InlineProjection[]): Promise<void> {
  if (events.length === 0) return;
  const ids = events.map(() => randomUUID());
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ position: string; event_id: string }>`
      insert into events (event_id, stream_id, stream_version, type, data, metadata, occurred_at)
      select * from unnest(${ids}::uuid[], ${events.map((e) => e.streamId)}::text[], ${events.map((e) => e.streamVersion)}::int[],
                           ${events.map((e) => e.type)}::text[], ${events.map((e) => JSON.stringify(e.data))}::jsonb[],
                           ${events.map((e, k) => JSON.stringify(metadataOf(e, ids[k])))}::jsonb[], ${events.map((e) => e.occurredAt.toISOString())}::timestamptz[])
      returning position, event_id`.execute(trx);
    const positions = new Map(rows.map((r) => [r.event_id, r.position]));
    const stored: StoredEvent[] = events.map((e, k) => ({
      position: positions.get(ids[k])!,
      eventId: ids[k],
      streamId: e.streamId,
      streamVersion: e.streamVersion,
      type: e.type,
      data: e.data,
      metadata: metadataOf(e, ids[k]),
      occurredAt: e.occurredAt,
    }));
    stored.sort((a, b) => Number(a.position) - Number(b.position));
    for (const projection of projections) await projection.apply(trx, stored);
  });
}

function metadataOf(e: SyntheticEvent, eventId: string): Record<string, unknown> {
  return { actor: e.actor, causationId: eventId, correlationId: eventId, workflowId: e.streamId, runId: 'bench' };
}

/**
 * Streams interleaved as a live campaign writes them: `streamsAtOnce` streams are in progress together and their
 * events alternate, then the next ones begin. Calls `write` with batches of about `batchSize` events.
 */
export async function writeInterleaved(
  streams: Iterable<SyntheticEvent[]>,
  streamsAtOnce: number,
  batchSize: number,
  write: (batch: SyntheticEvent[]) => Promise<void>,
): Promise<void> {
  let group: SyntheticEvent[][] = [];
  let batch: SyntheticEvent[] = [];
  const flushGroup = async () => {
    const longest = group.reduce((m, s) => Math.max(m, s.length), 0);
    for (let v = 0; v < longest; v++) {
      for (const stream of group) {
        if (v < stream.length) batch.push(stream[v]);
        if (batch.length >= batchSize) {
          await write(batch);
          batch = [];
        }
      }
    }
    group = [];
  };
  for (const stream of streams) {
    group.push(stream);
    if (group.length >= streamsAtOnce) await flushGroup();
  }
  await flushGroup();
  if (batch.length > 0) await write(batch);
}
