// Official notices (issue 16), in the append's transaction:
// - a 督办 or 约谈 step of a task's or item's ladder (DeadlineEscalated) writes the notice's workflow into the
//   workflow outbox under `official-notice-{event id}`, so each step issues exactly one notice, however often the
//   append is retried; a rebuild writes nothing to the outbox (history already had its notices, or had none);
// - the notices' own streams are folded with the workflow's evolveNotice into `official_notices`, for the card
//   and lists.
import type { Insertable, Transaction } from 'kysely';
import type { Database, OfficialNoticesTable } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { WorkflowOutboxRepository, type OutboxWorkflow } from '../outbox/workflow-outbox.repository';
import { applyToStreamRows, rebuildStreamRows } from './stream-rows';
import { stateRows } from './state-rows';
import { INDICATOR_TASK_STREAM_PREFIX } from './indicator-task-card.projection';
import { RECTIFICATION_ITEM_STREAM_PREFIX } from '../../../workflows/rectification-item/rectification-item.messages';
import { evolveNotice, initialNoticeState } from '../../../workflows/official-notice/official-notice.evolve';
import { escalationNoticeWorkflowId, OFFICIAL_NOTICE_STREAM_PREFIX, OFFICIAL_NOTICE_WORKFLOW_TYPE } from '../../../workflows/official-notice/official-notice.messages';
import type { NoticeKind, OfficialNoticeInput, OfficialNoticeState } from '../../../workflows/official-notice/official-notice.types';
import { SYSTEM_ACTOR } from '../../../workflows/shared/actor.types';
import type { EscalationLevel } from '../../../workflows/shared/escalation';

const TITLE_CHARS = 60;

export function isOfficialNoticeStream(streamId: string): boolean {
  return streamId.startsWith(OFFICIAL_NOTICE_STREAM_PREFIX);
}

/**
 * The notice a step of the ladder issues: 督办 a task → 督办通知单, 督办 an item → 整改通知书, 约谈 either → 约谈通知书;
 * null for the other steps.
 */
export function automaticNoticeKind(subject: 'task' | 'item', level: EscalationLevel): NoticeKind | null {
  if (level === 'SUPERVISE') return subject === 'task' ? 'SUPERVISION' : 'RECTIFICATION';
  if (level === 'INTERVIEW') return 'INTERVIEW';
  return null;
}

function shorten(text: string): string {
  const chars = [...text.trim()];
  return chars.length > TITLE_CHARS ? `${chars.slice(0, TITLE_CHARS).join('')}…` : chars.join('');
}

/** The outbox rows of this append's 督办/约谈 steps, from the cards as the same transaction has just left them. */
async function noticesToStart(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<OutboxWorkflow[]> {
  const steps = events.flatMap((event) => {
    if (event.type !== 'DeadlineEscalated') return [];
    const subject = event.streamId.startsWith(INDICATOR_TASK_STREAM_PREFIX) ? 'task' : event.streamId.startsWith(RECTIFICATION_ITEM_STREAM_PREFIX) ? 'item' : null;
    const kind = subject && automaticNoticeKind(subject, event.data.level as EscalationLevel);
    return subject && kind ? [{ event, subject, kind, level: event.data.level as EscalationLevel }] : [];
  });
  if (steps.length === 0) return [];
  const taskIds = steps.filter((s) => s.subject === 'task').map((s) => s.event.streamId);
  const itemIds = steps.filter((s) => s.subject === 'item').map((s) => s.event.streamId);
  const tasks = taskIds.length === 0 ? [] : await trx.selectFrom('indicator_task_cards').select(['task_id', 'campaign_id', 'indicator_code', 'unit_code']).where('task_id', 'in', taskIds).execute();
  const items = itemIds.length === 0 ? [] : await trx.selectFrom('rectification_item_cards').select(['item_id', 'campaign_id', 'unit_code', 'criterion_code', 'state_json']).where('item_id', 'in', itemIds).execute();
  const codes = [...new Set(tasks.map((t) => t.indicator_code))];
  const indicators = codes.length === 0 ? [] : await trx.selectFrom('indicators').select(['code', 'name']).where('code', 'in', codes).execute();
  const indicatorName = new Map(indicators.map((i) => [i.code, i.name]));
  const taskById = new Map(tasks.map((t) => [t.task_id, t]));
  const itemById = new Map(items.map((i) => [i.item_id, i]));

  return steps.flatMap(({ event, subject, kind, level }) => {
    let facts: Pick<OfficialNoticeInput, 'campaignId' | 'taskId' | 'itemId' | 'unitCode' | 'indicatorCode' | 'title' | 'dueAt'>;
    if (subject === 'task') {
      const task = taskById.get(event.streamId);
      if (!task) return [];
      const name = indicatorName.get(task.indicator_code);
      facts = {
        campaignId: task.campaign_id,
        taskId: event.streamId,
        itemId: null,
        unitCode: task.unit_code,
        indicatorCode: task.indicator_code,
        title: shorten(`测评指标 ${task.indicator_code}${name ? ` ${name}` : ''}`),
        dueAt: typeof event.data.stageDueAt === 'string' ? event.data.stageDueAt : null,
      };
    } else {
      const item = itemById.get(event.streamId);
      if (!item?.unit_code) return [];
      const description = typeof item.state_json.description === 'string' ? item.state_json.description : '';
      facts = {
        campaignId: item.campaign_id,
        taskId: null,
        itemId: event.streamId,
        unitCode: item.unit_code,
        indicatorCode: item.criterion_code,
        title: shorten(`整改问题：${description}`),
        dueAt: typeof event.data.dueAt === 'string' ? event.data.dueAt : null,
      };
    }
    const input: OfficialNoticeInput = { ...facts, kind, trigger: 'ESCALATION', level, note: '', sourceEventId: event.eventId, issuedBy: SYSTEM_ACTOR };
    return [{ workflowId: escalationNoticeWorkflowId(event.eventId), workflowType: OFFICIAL_NOTICE_WORKFLOW_TYPE, args: [input], sourceEventId: event.eventId }];
  });
}

interface NoticeRow {
  state: OfficialNoticeState;
  lastPosition: string;
}

function toRow(row: NoticeRow): Insertable<OfficialNoticesTable> | null {
  const s = row.state;
  // A stream's first event issues it; a row is written only for an issued notice.
  if (s.number === null || s.issuedAt === null || s.ackDueAt === null || s.year === null || s.seq === null) return null;
  return {
    notice_id: s.noticeId,
    campaign_id: s.campaignId,
    kind: s.kind,
    number: s.number,
    year: s.year,
    seq: s.seq,
    task_id: s.taskId,
    item_id: s.itemId,
    unit_code: s.unitCode,
    state: s.state,
    issued_at: s.issuedAt,
    ack_due_at: s.ackDueAt,
    acknowledged_at: s.acknowledgedAt,
    escalation_level: s.escalationLevel,
    version: s.version,
    last_position: row.lastPosition,
    state_json: JSON.stringify(s),
  };
}

const UPDATED = ['state', 'acknowledged_at', 'escalation_level', 'version', 'last_position', 'state_json'] as const;

const NOTICE_ROWS = stateRows({
  table: 'official_notices',
  key: 'notice_id',
  isStream: isOfficialNoticeStream,
  initial: (id) => initialNoticeState(id),
  evolve: evolveNotice,
  toRow,
  updated: UPDATED,
});

export class OfficialNoticeProjection implements InlineProjection {
  readonly name = 'official_notices';
  readonly schemaVersion = 1;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    await WorkflowOutboxRepository.enqueue(trx, await noticesToStart(trx, events));
    await applyToStreamRows(trx, events, NOTICE_ROWS);
  }

  /** The notices' rows only: the outbox is never written from history. */
  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    return rebuildStreamRows(trx, NOTICE_ROWS);
  }
}
