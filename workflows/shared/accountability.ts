// 问责 as a decision (issue 16): when an indicator task or a rectification item has reached the top of the ladder
// (ACCOUNTABILITY), the office proposes who is held to account (the unit and/or named persons of it), in which form
// and why; a leader approves it, which makes it take effect, or returns it with a reason. Pure rules and fold shared
// by both kinds: their `decide` and `evolve` call these, so the workflow, the card and the reports agree.
import { ROLE_LABELS } from './actor.labels';
import type { Actor, Role } from './actor.types';
import { assertNever } from './assert-never';
import type { EventMeta, Rejection } from './decision.types';

/** 通报批评 / 约谈 / 诫勉谈话 / 其他 */
export const ACCOUNTABILITY_FORMS = ['CRITICISM_NOTICE', 'INTERVIEW', 'ADMONITION', 'OTHER'] as const;
export type AccountabilityForm = (typeof ACCOUNTABILITY_FORMS)[number];

export const ACCOUNTABILITY_FORM_LABELS: Record<AccountabilityForm, string> = {
  CRITICISM_NOTICE: '通报批评',
  INTERVIEW: '约谈',
  ADMONITION: '诫勉谈话',
  OTHER: '其他',
};

export const ACCOUNTABILITY_STATUSES = ['PENDING', 'APPROVED', 'RETURNED'] as const;
export type AccountabilityStatus = (typeof ACCOUNTABILITY_STATUSES)[number];
export const ACCOUNTABILITY_STATUS_LABELS: Record<AccountabilityStatus, string> = { PENDING: '待领导审批', APPROVED: '已批准生效', RETURNED: '已退回' };

/** The three steps, as the kinds name them in their action lists. */
export const ACCOUNTABILITY_ACTIONS = ['PROPOSE_ACCOUNTABILITY', 'APPROVE_ACCOUNTABILITY', 'RETURN_ACCOUNTABILITY'] as const;
export type AccountabilityAction = (typeof ACCOUNTABILITY_ACTIONS)[number];
export const ACCOUNTABILITY_ACTION_LABELS: Record<AccountabilityAction, string> = {
  PROPOSE_ACCOUNTABILITY: '提出问责决定',
  APPROVE_ACCOUNTABILITY: '批准问责决定',
  RETURN_ACCOUNTABILITY: '退回问责决定',
};

/** Who may take each step: the office proposes, the leading group signs off (GLOSSARY: 领导小组 signs off accountability). */
export const ACCOUNTABILITY_ROLES: Record<AccountabilityAction, readonly Role[]> = {
  PROPOSE_ACCOUNTABILITY: ['OFFICE'],
  APPROVE_ACCOUNTABILITY: ['LEADER'],
  RETURN_ACCOUNTABILITY: ['LEADER'],
};

/** Limits of a proposal, checked in linear time. */
export const ACCOUNTABILITY_LIMITS = { reason: 1000, formNote: 100, note: 1000, persons: 20, login: 64, displayName: 64 } as const;

/** A named person of the unit, as the API resolved them against the organisation. */
export interface AccountabilityPerson {
  login: string;
  displayName: string;
}

/** What the office proposes. `unit`: the unit itself is held to account (else only the persons). */
export interface AccountabilityProposal {
  unit: boolean;
  persons: AccountabilityPerson[];
  form: AccountabilityForm;
  /** The description of an OTHER form; empty otherwise. */
  formNote: string;
  reason: string;
}

export type AccountabilityCommand =
  | ({ action: 'PROPOSE_ACCOUNTABILITY' } & AccountabilityProposal)
  | { action: 'APPROVE_ACCOUNTABILITY'; note?: string }
  | { action: 'RETURN_ACCOUNTABILITY'; reason: string };

/** Events, the same on both kinds' streams. `deadline`: the deadline whose ladder reached 问责. */
export type AccountabilityEvent =
  | { type: 'AccountabilityProposed'; data: AccountabilityProposal & { unitCode: string; deadline: string } }
  | { type: 'AccountabilityApproved'; data: { note: string } }
  | { type: 'AccountabilityReturned'; data: { reason: string } };

export const ACCOUNTABILITY_EVENT_TYPES = ['AccountabilityProposed', 'AccountabilityApproved', 'AccountabilityReturned'] as const;
export type AccountabilityEventType = (typeof ACCOUNTABILITY_EVENT_TYPES)[number];
export const ACCOUNTABILITY_EVENT_LABELS: Record<AccountabilityEventType, string> = {
  AccountabilityProposed: '提出问责决定（待领导审批）',
  AccountabilityApproved: '问责决定已批准',
  AccountabilityReturned: '问责决定被退回',
};

export function isAccountabilityEvent(event: { type: string }): event is AccountabilityEvent {
  return (ACCOUNTABILITY_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** One decision as a stream holds it. */
export interface AccountabilityDecisionState extends AccountabilityProposal {
  unitCode: string;
  deadline: string;
  status: AccountabilityStatus;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  /** The leader's note on approval, or the reason of a return. */
  decisionNote: string;
}

/** Where a stream stands on the ladder, for the rules: its unit, its level and the deadline it climbs for. */
export interface LadderPosition {
  unitCode: string | null;
  escalationLevel: string | null;
  deadline: string | null;
}

export function isAccountabilityAction(value: string): value is AccountabilityAction {
  return (ACCOUNTABILITY_ACTIONS as readonly string[]).includes(value);
}

export function pendingDecision(decisions: readonly AccountabilityDecisionState[] | null | undefined): AccountabilityDecisionState | null {
  const last = decisions?.at(-1);
  return last && last.status === 'PENDING' ? last : null;
}

/** Whether `actor` may take the step now, whatever the input. `what`: 「任务」 or 「整改问题」. */
export function checkAccountability(
  decisions: readonly AccountabilityDecisionState[] | null | undefined,
  position: LadderPosition,
  actor: Actor,
  action: AccountabilityAction,
  what: string,
): Rejection | null {
  const label = ACCOUNTABILITY_ACTION_LABELS[action];
  if (!ACCOUNTABILITY_ROLES[action].includes(actor.role)) return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权执行「${label}」` };
  const pending = pendingDecision(decisions);
  if (action === 'PROPOSE_ACCOUNTABILITY') {
    if (position.escalationLevel !== 'ACCOUNTABILITY' || position.unitCode === null || position.deadline === null) {
      return { code: 'ILLEGAL_TRANSITION', message: `${what}尚未到「问责」步骤，不能${label}` };
    }
    if (pending) return { code: 'ILLEGAL_TRANSITION', message: '已有问责决定在等待领导审批，不能重复提出' };
    const decided = (decisions ?? []).some((d) => d.status === 'APPROVED' && d.deadline === position.deadline);
    if (decided) return { code: 'ILLEGAL_TRANSITION', message: `该时限的问责决定已批准生效，不能再次${label}` };
    return null;
  }
  if (!pending) return { code: 'ILLEGAL_TRANSITION', message: `没有待审批的问责决定，不能${label}` };
  if (pending.proposedBy === actor.userId) return { code: 'FORBIDDEN', message: `提出人不能审批自己提出的问责决定（${label}）` };
  return null;
}

// eslint-disable-next-line no-control-regex -- refusing control characters is the point (line breaks and tabs pass)
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A text people wrote: a string, within `max` characters (code points, trimmed), with no control characters. */
export function checkText(value: unknown, field: string, what: string, max: number, needed: boolean): Rejection | null {
  if (value === undefined || value === null) return needed ? { code: 'BAD_USER_INPUT', field, message: `请填写${what}` } : null;
  if (typeof value !== 'string') return { code: 'BAD_USER_INPUT', field, message: `${what}格式不正确` };
  // The length first: an oversized text is refused before it is scanned any further.
  if (value.length > max * 2 + 64 || [...value.trim()].length > max) return { code: 'BAD_USER_INPUT', field, message: `${what}不能超过${max}字` };
  if (needed && value.trim() === '') return { code: 'BAD_USER_INPUT', field, message: `请填写${what}` };
  if (CONTROL.test(value)) return { code: 'BAD_USER_INPUT', field, message: `${what}不能包含控制字符` };
  return null;
}

/** The input of a step, checked in linear time; the API has already resolved the persons against the unit. */
export function validateAccountability(command: AccountabilityCommand): Rejection | null {
  const L = ACCOUNTABILITY_LIMITS;
  switch (command.action) {
    case 'PROPOSE_ACCOUNTABILITY': {
      if (!(ACCOUNTABILITY_FORMS as readonly string[]).includes(command.form)) {
        return { code: 'BAD_USER_INPUT', field: 'form', message: '请选择问责方式（通报批评、约谈、诫勉谈话、其他）' };
      }
      const persons: unknown = command.persons;
      if (!Array.isArray(persons)) return { code: 'BAD_USER_INPUT', field: 'persons', message: '问责人员格式不正确' };
      if (persons.length > L.persons) return { code: 'BAD_USER_INPUT', field: 'persons', message: `问责人员最多${L.persons}人` };
      if (typeof command.unit !== 'boolean') return { code: 'BAD_USER_INPUT', field: 'unit', message: '请选择是否对责任单位问责' };
      if (!command.unit && persons.length === 0) return { code: 'BAD_USER_INPUT', field: 'persons', message: '请选择问责对象：责任单位和/或该单位的人员' };
      const seen = new Set<string>();
      for (const p of persons as Partial<AccountabilityPerson>[]) {
        const bad = checkText(p?.login, 'persons', '人员账号', L.login, true) ?? checkText(p?.displayName, 'persons', '人员姓名', L.displayName, true);
        if (bad) return bad;
        if (seen.has(p.login!)) return { code: 'BAD_USER_INPUT', field: 'persons', message: `人员「${p.displayName}」重复` };
        seen.add(p.login!);
      }
      return (
        checkText(command.formNote, 'formNote', '其他问责方式的说明', L.formNote, command.form === 'OTHER') ??
        checkText(command.reason, 'reason', '问责理由', L.reason, true)
      );
    }
    case 'APPROVE_ACCOUNTABILITY':
      return checkText(command.note, 'note', '审批意见', L.note, false);
    case 'RETURN_ACCOUNTABILITY':
      return checkText(command.reason, 'reason', '退回理由', L.reason, true);
    default:
      return assertNever(command);
  }
}

/** The event an accepted step records. */
export function accountabilityEvent(command: AccountabilityCommand, position: LadderPosition): AccountabilityEvent {
  switch (command.action) {
    case 'PROPOSE_ACCOUNTABILITY':
      return {
        type: 'AccountabilityProposed',
        data: {
          unit: command.unit,
          persons: command.persons.map((p) => ({ login: p.login.trim(), displayName: p.displayName.trim() })),
          form: command.form,
          formNote: command.form === 'OTHER' ? (command.formNote ?? '').trim() : '',
          reason: command.reason.trim(),
          // checkAccountability guarantees both.
          unitCode: position.unitCode ?? '',
          deadline: position.deadline ?? '',
        },
      };
    case 'APPROVE_ACCOUNTABILITY':
      return { type: 'AccountabilityApproved', data: { note: command.note?.trim() ?? '' } };
    case 'RETURN_ACCOUNTABILITY':
      return { type: 'AccountabilityReturned', data: { reason: command.reason.trim() } };
    default:
      return assertNever(command);
  }
}

/** Folds a step into the stream's decisions: a proposal adds one, an approval or a return settles the pending one. */
export function evolveAccountability(
  decisions: readonly AccountabilityDecisionState[] | null | undefined,
  event: AccountabilityEvent,
  meta: EventMeta,
): AccountabilityDecisionState[] {
  const list = [...(decisions ?? [])];
  switch (event.type) {
    case 'AccountabilityProposed':
      return [
        ...list,
        { ...event.data, status: 'PENDING', proposedBy: meta.actorId, proposedAt: meta.at, decidedBy: null, decidedAt: null, decisionNote: '' },
      ];
    case 'AccountabilityApproved':
    case 'AccountabilityReturned': {
      const last = list.at(-1);
      if (!last || last.status !== 'PENDING') return list;
      const settled: AccountabilityDecisionState = {
        ...last,
        status: event.type === 'AccountabilityApproved' ? 'APPROVED' : 'RETURNED',
        decidedBy: meta.actorId,
        decidedAt: meta.at,
        decisionNote: event.type === 'AccountabilityApproved' ? event.data.note : event.data.reason,
      };
      return [...list.slice(0, -1), settled];
    }
    default:
      return assertNever(event);
  }
}

/** 「通报批评」, or 「其他（…）」. */
export function formText(form: AccountabilityForm, formNote: string): string {
  return form === 'OTHER' && formNote ? `${ACCOUNTABILITY_FORM_LABELS.OTHER}（${formNote}）` : ACCOUNTABILITY_FORM_LABELS[form];
}

/** 「单位及张三、李四」: who a decision holds to account, for messages and reports. */
export function targetText(unitName: string, decision: Pick<AccountabilityProposal, 'unit' | 'persons'>): string {
  const persons = decision.persons.map((p) => p.displayName).join('、');
  if (decision.unit && persons) return `${unitName}及${persons}`;
  return decision.unit ? unitName : persons;
}
