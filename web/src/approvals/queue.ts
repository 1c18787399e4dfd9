// What waits for the signed-in person, read from the cards' `allowedActions` (which the API computes with the same
// rules it enforces, see workflows/*/…decide.ts): one row per decision, oldest first, and how each decision is
// sent to the API.
import { gql } from '../api/client';
import type { ApprovalActOnItemMutation, ApprovalItemFragment, ApprovalTaskFragment } from '../api/graphql.generated';
import type { Me } from '../api/types';
import type { Locale } from '../i18n';
import { CLASSIFICATION_LABELS } from '../i18n/labels';
import { formatDay } from '../detail/format';
import * as docs from './documents';

export type ApprovalTask = ApprovalTaskFragment;
export type ApprovalItem = ApprovalItemFragment;

/** The kinds of decision the queue offers: which action approves, which returns, and their words. */
export type DecisionKind =
  | 'SELF_CHECK'
  | 'RECTIFICATION'
  | 'TASK_EXTENSION'
  | 'ARCHIVE_MATERIAL'
  | 'START_ARCHIVING'
  | 'ITEM_VERIFY'
  | 'ITEM_EXTENSION'
  | 'ITEM_DISPATCH_RETURN'
  | 'ITEM_RECHECK';

interface DecisionSpec {
  kind: 'task' | 'item';
  approve: string;
  reject: string | null;
  what: { zh: string; en: string };
  approveLabel: { zh: string; en: string };
  rejectLabel: { zh: string; en: string } | null;
  /** The reason's label in the return dialog. */
  reasonLabel: { zh: string; en: string } | null;
}

export const DECISIONS: Record<DecisionKind, DecisionSpec> = {
  SELF_CHECK: {
    kind: 'task',
    approve: 'CONFIRM_SELF_CHECK',
    reject: 'RETURN_SELF_CHECK',
    what: { zh: '自查结果待审核', en: 'Self-check to review' },
    approveLabel: { zh: '确认', en: 'Confirm' },
    rejectLabel: { zh: '退回', en: 'Return' },
    reasonLabel: { zh: '退回原因', en: 'Why it is returned' },
  },
  RECTIFICATION: {
    kind: 'task',
    approve: 'APPROVE_RECTIFICATION',
    reject: 'RETURN_RECTIFICATION',
    what: { zh: '整改完成待审核', en: 'Rectification to review' },
    approveLabel: { zh: '通过', en: 'Approve' },
    rejectLabel: { zh: '退回', en: 'Return' },
    reasonLabel: { zh: '退回原因', en: 'Why it is returned' },
  },
  TASK_EXTENSION: {
    kind: 'task',
    approve: 'APPROVE_EXTENSION',
    reject: 'REFUSE_EXTENSION',
    what: { zh: '延期申请', en: 'Extension request' },
    approveLabel: { zh: '批准', en: 'Approve' },
    rejectLabel: { zh: '不予延期', en: 'Refuse' },
    reasonLabel: { zh: '不予延期的理由', en: 'Why it is refused' },
  },
  ARCHIVE_MATERIAL: {
    kind: 'task',
    approve: 'ACCEPT_ARCHIVE_MATERIAL',
    reject: 'RETURN_ARCHIVE_MATERIAL',
    what: { zh: '档案材料待验收', en: 'Archive material to accept' },
    approveLabel: { zh: '验收', en: 'Accept' },
    rejectLabel: { zh: '退回', en: 'Return' },
    reasonLabel: { zh: '退回原因', en: 'Why it is returned' },
  },
  START_ARCHIVING: {
    kind: 'task',
    approve: 'START_ARCHIVING',
    reject: null,
    what: { zh: '可转入归档', en: 'Ready for archiving' },
    approveLabel: { zh: '转入归档', en: 'Start archiving' },
    rejectLabel: null,
    reasonLabel: null,
  },
  ITEM_VERIFY: {
    kind: 'item',
    approve: 'VERIFY',
    reject: 'RETURN',
    what: { zh: '整改问题待复核', en: 'Fix to verify' },
    approveLabel: { zh: '复核通过', en: 'Verify' },
    rejectLabel: { zh: '退回重改', en: 'Return' },
    reasonLabel: { zh: '退回原因', en: 'Why it is returned' },
  },
  ITEM_EXTENSION: {
    kind: 'item',
    approve: 'APPROVE_EXTENSION',
    reject: 'REFUSE_EXTENSION',
    what: { zh: '整改问题延期申请', en: 'Item extension request' },
    approveLabel: { zh: '批准', en: 'Approve' },
    rejectLabel: { zh: '不予延期', en: 'Refuse' },
    reasonLabel: { zh: '不予延期的理由', en: 'Why it is refused' },
  },
  ITEM_DISPATCH_RETURN: {
    kind: 'item',
    approve: 'APPROVE_DISPATCH_RETURN',
    reject: 'REFUSE_DISPATCH_RETURN',
    what: { zh: '退回申请（非本单位职责）', en: 'Request to return the dispatch' },
    approveLabel: { zh: '同意退回', en: 'Agree' },
    rejectLabel: { zh: '不同意', en: 'Refuse' },
    reasonLabel: { zh: '不同意退回的理由', en: 'Why it is refused' },
  },
  ITEM_RECHECK: {
    kind: 'item',
    approve: 'RECORD_RECHECK',
    reject: 'RECORD_RECHECK',
    what: { zh: '巩固复查到期', en: 'Re-check due' },
    approveLabel: { zh: '复查合格', en: 'Passed' },
    rejectLabel: { zh: '不合格', en: 'Failed' },
    reasonLabel: { zh: '复查发现的问题', en: 'What the re-check found' },
  },
};

export interface QueueRow {
  /** Unique: the card, the decision and (for archive materials) the material. */
  key: string;
  decision: DecisionKind;
  kind: 'task' | 'item';
  id: string;
  version: number;
  materialCode: string | null;
  /** The card as people name it: indicator code and name, or the problem's description. */
  title: string;
  unitName: string;
  /** What the decision is about: the classification submitted, the deadline asked for, the material… */
  detail: string;
  /** Since when it waits: the queue's order, oldest first. */
  since: string;
}

function latest(...times: (string | null | undefined)[]): string {
  return times.find((t): t is string => typeof t === 'string' && t !== '') ?? new Date(0).toISOString();
}

/** Every decision waiting for `me` on these cards, oldest first. */
export function queueRows(me: Me, tasks: Iterable<ApprovalTask>, items: Iterable<ApprovalItem>, locale: Locale): QueueRow[] {
  const rows: QueueRow[] = [];
  const colon = locale === 'zh' ? '：' : ': ';
  for (const t of tasks) {
    const a = t.allowedActions;
    const base = { kind: 'task' as const, id: t.id, version: t.version, title: `${t.indicator.code} ${t.indicator.name}`, unitName: t.unit.name, materialCode: null };
    const extension = t.pendingExtension ? `${locale === 'zh' ? '申请延至' : 'Until'} ${formatDay(t.pendingExtension.requestedDueAt)}${colon}${t.pendingExtension.reason}` : '';
    if (a.includes('CONFIRM_SELF_CHECK')) {
      const c = t.classification ? (CLASSIFICATION_LABELS[t.classification] ?? t.classification) : '';
      rows.push({ ...base, key: `task:${t.id}:SELF_CHECK`, decision: 'SELF_CHECK', detail: c ? `${locale === 'zh' ? '自查结果' : 'Self-check'}${colon}${c}` : '', since: t.updatedAt });
    }
    if (a.includes('APPROVE_RECTIFICATION')) rows.push({ ...base, key: `task:${t.id}:RECTIFICATION`, decision: 'RECTIFICATION', detail: '', since: t.updatedAt });
    if (a.includes('APPROVE_EXTENSION')) rows.push({ ...base, key: `task:${t.id}:TASK_EXTENSION`, decision: 'TASK_EXTENSION', detail: extension, since: t.updatedAt });
    if (a.includes('ACCEPT_ARCHIVE_MATERIAL')) {
      // One row per material handed in by someone else (nobody accepts their own).
      for (const m of t.archiveMaterials) {
        if (m.status !== 'SUBMITTED' || m.submittedBy?.userId === me.id) continue;
        // The material's file and note are in the card's detail: the queue reads the whole board, so it asks for less.
        const detail = `「${m.name}」`;
        rows.push({ ...base, key: `task:${t.id}:ARCHIVE_MATERIAL:${m.code}`, decision: 'ARCHIVE_MATERIAL', materialCode: m.code, detail, since: latest(m.submittedAt, t.updatedAt) });
      }
    }
    // Supervisors may also move a task to archiving, but only for the office is it the queue's business.
    if (me.role === 'OFFICE' && a.includes('START_ARCHIVING')) {
      rows.push({ ...base, key: `task:${t.id}:START_ARCHIVING`, decision: 'START_ARCHIVING', detail: t.stageLabel, since: latest(t.stageEnteredAt, t.updatedAt) });
    }
  }
  for (const i of items) {
    const a = i.allowedActions;
    const base = { kind: 'item' as const, id: i.id, version: i.version, title: i.description, unitName: i.unit?.name ?? '', materialCode: null };
    if (a.includes('VERIFY')) {
      rows.push({ ...base, key: `item:${i.id}:ITEM_VERIFY`, decision: 'ITEM_VERIFY', detail: i.submission?.note ?? '', since: latest(i.submission?.submittedAt, i.updatedAt) });
    }
    if (a.includes('APPROVE_EXTENSION') && i.pendingExtension) {
      const until = i.pendingExtension.requestedDueAt ? `${locale === 'zh' ? '申请延至' : 'Until'} ${formatDay(i.pendingExtension.requestedDueAt)}${colon}` : '';
      rows.push({ ...base, key: `item:${i.id}:ITEM_EXTENSION`, decision: 'ITEM_EXTENSION', detail: `${until}${i.pendingExtension.reason}`, since: i.updatedAt });
    }
    if (a.includes('APPROVE_DISPATCH_RETURN')) {
      rows.push({ ...base, key: `item:${i.id}:ITEM_DISPATCH_RETURN`, decision: 'ITEM_DISPATCH_RETURN', detail: i.pendingDispatchReturn?.reason ?? '', since: i.updatedAt });
    }
    if (a.includes('RECORD_RECHECK')) {
      rows.push({ ...base, key: `item:${i.id}:ITEM_RECHECK`, decision: 'ITEM_RECHECK', detail: i.location.address, since: latest(i.recheckAt, i.updatedAt) });
    }
  }
  return rows.sort((x, y) => Date.parse(x.since) - Date.parse(y.since) || x.key.localeCompare(y.key));
}

export type Decided = { kind: 'task'; card: ApprovalTask } | { kind: 'item'; card: ApprovalItem };

const TASK_APPROVE: Record<string, [string, string]> = {
  SELF_CHECK: [docs.CONFIRM_SELF_CHECK, 'confirmSelfCheck'],
  RECTIFICATION: [docs.APPROVE_RECTIFICATION, 'approveRectification'],
  TASK_EXTENSION: [docs.APPROVE_EXTENSION, 'approveExtension'],
  ARCHIVE_MATERIAL: [docs.ACCEPT_ARCHIVE_MATERIAL, 'acceptArchiveMaterial'],
  START_ARCHIVING: [docs.START_ARCHIVING, 'startArchiving'],
};
const TASK_REJECT: Record<string, [string, string]> = {
  SELF_CHECK: [docs.RETURN_SELF_CHECK, 'returnSelfCheck'],
  RECTIFICATION: [docs.RETURN_RECTIFICATION, 'returnRectification'],
  TASK_EXTENSION: [docs.REFUSE_EXTENSION, 'refuseExtension'],
  ARCHIVE_MATERIAL: [docs.RETURN_ARCHIVE_MATERIAL, 'returnArchiveMaterial'],
};

/**
 * Sends one decision: approve, or return with `reason`, against the card's `expectedVersion` (the API answers
 * CONFLICT when the card changed since, for example when someone else decided first).
 */
export async function decide(row: QueueRow, approve: boolean, reason: string | null, expectedVersion: number): Promise<Decided> {
  const spec = DECISIONS[row.decision];
  if (spec.kind === 'task') {
    const [document, field] = (approve ? TASK_APPROVE : TASK_REJECT)[row.decision];
    const input: Record<string, unknown> = { taskId: row.id, expectedVersion };
    if (row.materialCode) input.materialCode = row.materialCode;
    if (!approve) input.reason = reason;
    const data = await gql<Record<string, ApprovalTask>>(document, { input });
    return { kind: 'task', card: data[field] };
  }
  const input: Record<string, unknown> = { itemId: row.id, expectedVersion, action: approve ? spec.approve : spec.reject };
  if (row.decision === 'ITEM_RECHECK') {
    input.passed = approve;
    if (!approve) input.note = reason;
  } else if (!approve) {
    input.reason = reason;
  }
  const data = await gql<ApprovalActOnItemMutation>(docs.ACT_ON_ITEM, { input });
  return { kind: 'item', card: data.actOnItem };
}
