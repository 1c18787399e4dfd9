// Who is told of what about the funding ledger (issue 20), in the inbox's words: a spending above the threshold asks
// the leading group to approve it; each step of the approval ladder reminds the leaders (from 督办 the office too); a
// rejection tells the office and the unit it was charged to why. Pure; the events carry what is said.
import type { FundingEvent } from '../../../workflows/funding/funding.events';
import { APPROVAL_LEVEL_LABELS, yuan } from '../../../workflows/funding/funding.labels';
import { FUNDING_APPROVER_ROLES } from '../../../workflows/funding/funding.types';
import type { Role } from '../../../workflows/shared/actor.types';

/** The event as stored, and what it tells: the shapes of notification-rules.ts, which imports this file. */
interface StoredFundingEvent {
  type: string;
  data: Record<string, unknown>;
}
interface FundingDraft {
  kind: 'ESCALATION' | 'APPROVAL_REQUEST' | 'RETURNED';
  campaignId: string;
  taskId: null;
  itemId: null;
  title: string;
  text: string;
  urgent: boolean;
  audience: { roles: Role[]; unitCode: string | null; unitRoles: Role[] };
}

export const FUNDING_NOTIFYING: ReadonlySet<string> = new Set(['SpendingRecorded', 'SpendingRejected', 'SpendingApprovalEscalated']);

export function fundingNotifications(event: StoredFundingEvent, unitName: (code: string) => string): FundingDraft[] {
  const e = { type: event.type, data: event.data } as FundingEvent;
  const base = { campaignId: e.data.campaignId, taskId: null, itemId: null };
  const who = (code: string | null) => (code ? unitName(code) : '创建办');
  switch (e.type) {
    case 'SpendingRecorded': {
      if (!e.data.needsApproval) return [];
      const s = e.data.spending;
      return [
        {
          ...base,
          kind: 'APPROVAL_REQUEST',
          urgent: false,
          title: `【待审批】${who(s.unitCode)}支出 ${yuan(s.amountFen)} 元（${e.data.lineName}）`,
          text: `收款方：${s.payee}；用途：${[...s.purpose].slice(0, 80).join('')}。请在「工作组 → 经费保障」中审批。`,
          audience: { roles: [...FUNDING_APPROVER_ROLES], unitCode: null, unitRoles: [] },
        },
      ];
    }
    case 'SpendingApprovalEscalated': {
      const label = APPROVAL_LEVEL_LABELS[e.data.level];
      return [
        {
          ...base,
          kind: 'ESCALATION',
          urgent: e.data.level === 'SUPERVISE',
          title: `【${label}】${who(e.data.unitCode)}支出 ${yuan(e.data.amountFen)} 元待领导审批`,
          text: `预算科目「${e.data.lineName}」的这笔支出尚未审批，请在「工作组 → 经费保障」中审批或驳回。`,
          audience: { roles: [...e.data.notify], unitCode: null, unitRoles: [] },
        },
      ];
    }
    case 'SpendingRejected':
      return [
        {
          ...base,
          kind: 'RETURNED',
          urgent: false,
          title: `【驳回】支出 ${yuan(e.data.amountFen)} 元（${e.data.lineName}）未获批准`,
          text: `驳回理由：${e.data.reason}。该笔支出不计入已支出。`,
          audience: { roles: ['OFFICE'], unitCode: e.data.unitCode, unitRoles: e.data.unitCode ? ['UNIT_HEAD', 'UNIT_MEMBER'] : [] },
        },
      ];
    default:
      return [];
  }
}
