// Who is told of what, and in which words (issue 16, the in-app inbox): pure rules from one stored event and what is
// known of its stream to the notifications it causes. The notifications projection (notification.projection.ts)
// resolves each audience to people and writes one row per person. Workflow code is not touched: these rules read
// the events as recorded, so every history, old or new, gives the same notifications.
import { taskActionRoles } from '../../../workflows/indicator-task/indicator-task.decide';
import type { IndicatorTaskEvent } from '../../../workflows/indicator-task/indicator-task.events';
import { CLASSIFICATION_LABELS, ESCALATION_LABELS, STAGE_LABELS } from '../../../workflows/indicator-task/indicator-task.labels';
import { itemActionRoles } from '../../../workflows/rectification-item/rectification-item.decide';
import type { RectificationItemEvent } from '../../../workflows/rectification-item/rectification-item.events';
import { ITEM_STATE_LABELS } from '../../../workflows/rectification-item/rectification-item.labels';
import type { OfficialNoticeEvent } from '../../../workflows/official-notice/official-notice.events';
import { NOTICE_ACK_LEVEL_LABELS, NOTICE_KIND_LABELS } from '../../../workflows/official-notice/official-notice.labels';
import { OFFICIAL_NOTICE_STREAM_PREFIX } from '../../../workflows/official-notice/official-notice.messages';
import type { NoticeKind } from '../../../workflows/official-notice/official-notice.types';
import { RECTIFICATION_ITEM_STREAM_PREFIX } from '../../../workflows/rectification-item/rectification-item.messages';
import { unitReportNotifications, UNIT_REPORT_NOTIFYING } from './unit-report.notifications';
import { isUnitReportStream } from './unit-report.projection';
import { surveyRoundNotifications, SURVEY_ROUND_NOTIFYING } from './survey-round.notifications';
import { isSurveyRoundStream } from './survey-round.projection';
import { activityNotifications, ACTIVITY_NOTIFYING } from './activity.notifications';
import { isActivityStream } from './activity.projection';
import { selfEvaluationNotifications, SELF_EVALUATION_NOTIFYING } from './self-evaluation.notifications';
import { isSelfEvaluationStream } from './self-evaluation.projection';
import { fundingNotifications, FUNDING_NOTIFYING } from './funding.notifications';
import { isFundingStream } from './funding.projection';
import type { Role } from '../../../workflows/shared/actor.types';
import { ESCALATION_LEVELS, type EscalationLevel } from '../../../workflows/shared/escalation';
import { DAY, shanghaiDate } from '../../../workflows/shared/time';
import { assertNever } from '../../../workflows/shared/assert-never';
import { briefingNotifications, isBriefingNotifying } from './briefing-notification-rules';
import { INDICATOR_TASK_STREAM_PREFIX } from './indicator-task-card.projection';
import { archiveNotifications, isArchiveNotifying } from './archive-notification-rules';
import { isSpecialDriveNotifying, specialDriveNotifications } from './special-drive.notifications';
import {
  ACCOUNTABILITY_EVENT_TYPES,
  ACCOUNTABILITY_ROLES,
  formText,
  targetText,
  type AccountabilityEvent,
  type AccountabilityForm,
} from '../../../workflows/shared/accountability';
import type { MobilizationResponseEvent } from '../../../workflows/mobilization/mobilization.events';
import { MISSING_LABELS, MOBILIZATION_LEVEL_LABELS } from '../../../workflows/mobilization/mobilization.labels';
import { MOBILIZATION_RESPONSE_STREAM_PREFIX } from '../../../workflows/mobilization/mobilization.messages';

export const NOTIFICATION_KINDS = ['ESCALATION', 'APPROVAL_REQUEST', 'RETURNED', 'EXTENSION_DECISION', 'ITEM_ASSIGNED', 'ACCOUNTABILITY_DECISION'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * The people told: everyone of `roles`, the people of `unitRoles` in `unitCode`, the people named in `logins` (a
 * 责任人), and the head of `leadUnitCode` (the lead unit, from 督办 up).
 */
export interface Audience {
  roles: Role[];
  unitCode: string | null;
  unitRoles: Role[];
  logins?: string[];
  leadUnitCode?: string | null;
}

export interface NotificationDraft {
  kind: NotificationKind;
  campaignId: string;
  taskId: string | null;
  itemId: string | null;
  title: string;
  text: string;
  urgent: boolean;
  audience: Audience;
}

/** The 问责 decision last proposed on a stream: what its approval tells, and to whom. */
export interface ProposedAccountability {
  unit: boolean;
  persons: { login: string; displayName: string }[];
  form: AccountabilityForm;
  formNote: string;
  reason: string;
}

/** What a notification needs to know of its stream, folded from the stream's earlier events. */
export type StreamContext =
  | {
      kind: 'task';
      campaignId: string;
      indicatorCode: string;
      unitCode: string;
      /** The lead unit (牵头单位), told from 督办 up; absent in contexts folded by hand. */
      leadUnitCode?: string;
      /** The 责任人's login, told first; null or absent while none is named. */
      responsibleLogin?: string | null;
      accountability?: ProposedAccountability;
    }
  | { kind: 'item'; campaignId: string; description: string; unitCode: string | null; responsibleLogin?: string | null; accountability?: ProposedAccountability }
  | { kind: 'notice'; campaignId: string; unitCode: string; noticeKind: NoticeKind; number: string; title: string; taskId: string | null; itemId: string | null }
  | { kind: 'mobilization'; campaignId: string; unitCode: string; title: string; documentId: string };

/** The event, as stored. */
export interface NotifiableEvent {
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  occurredAt: Date;
}

const UNIT_PEOPLE: Role[] = ['UNIT_MEMBER', 'UNIT_HEAD'];
const UNIT_ROLES: ReadonlySet<Role> = new Set(UNIT_PEOPLE);

/** The events that change a stream's context (creation, reassignment, dispatch). */
export const CONTEXT_EVENT_TYPES: readonly string[] = [
  'IndicatorTaskCreated',
  'TaskReassigned',
  'TaskBreakdownChanged',
  'ResponsiblePersonAssigned',
  'ItemReported',
  'ItemDispatched',
  'ItemDispatchReturnApproved',
  'NoticeIssued',
  'AccountabilityProposed',
  'MobilizationResponseOpened',
];
const CONTEXT_EVENTS: ReadonlySet<string> = new Set(CONTEXT_EVENT_TYPES);
const TASK_NOTIFYING: ReadonlySet<string> = new Set([
  'DeadlineEscalated',
  'SelfCheckSubmitted',
  'RectificationPlanSubmitted',
  'RectificationSubmitted',
  'ArchiveSubmitted',
  'ArchiveMaterialSubmitted',
  'ExtensionRequested',
  'SelfCheckReturned',
  'RectificationReturned',
  'ArchiveReturned',
  'ArchiveMaterialReturned',
  'ExtensionApproved',
  'ExtensionRefused',
  ...ACCOUNTABILITY_EVENT_TYPES,
]);
const ITEM_NOTIFYING: ReadonlySet<string> = new Set(['DeadlineEscalated', 'ItemDispatched', 'ItemSubmitted', 'ItemReturned', ...ACCOUNTABILITY_EVENT_TYPES]);
/** Official notices: the unit head is told of a new notice to acknowledge, and of every step it stays unacknowledged. */
const NOTICE_NOTIFYING: ReadonlySet<string> = new Set(['NoticeIssued', 'NoticeAckEscalated']);

/** Mobilization (动员部署): the unit is told of a new document, of a return and of each step of the ladder; the office of each submission. */
const MOBILIZATION_NOTIFYING: ReadonlySet<string> = new Set(['MobilizationResponseOpened', 'MobilizationPlanSubmitted', 'MobilizationGroupRegistered', 'MobilizationReturned', 'MobilizationEscalated']);

export function isMobilizationStream(streamId: string): boolean {
  return streamId.startsWith(MOBILIZATION_RESPONSE_STREAM_PREFIX);
}

export function isTaskStream(streamId: string): boolean {
  return streamId.startsWith(INDICATOR_TASK_STREAM_PREFIX);
}

export function isItemStream(streamId: string): boolean {
  return streamId.startsWith(RECTIFICATION_ITEM_STREAM_PREFIX);
}

export function isNoticeStream(streamId: string): boolean {
  return streamId.startsWith(OFFICIAL_NOTICE_STREAM_PREFIX);
}

/** Whether the event may cause notifications. */
export function isNotifying(event: Pick<NotifiableEvent, 'streamId' | 'type'>): boolean {
  if (isTaskStream(event.streamId)) return TASK_NOTIFYING.has(event.type);
  if (isItemStream(event.streamId)) return ITEM_NOTIFYING.has(event.type);
  if (isNoticeStream(event.streamId)) return NOTICE_NOTIFYING.has(event.type);
  if (isUnitReportStream(event.streamId)) return UNIT_REPORT_NOTIFYING.has(event.type);
  if (isSurveyRoundStream(event.streamId)) return SURVEY_ROUND_NOTIFYING.has(event.type);
  if (isActivityStream(event.streamId)) return ACTIVITY_NOTIFYING.has(event.type);
  if (isSelfEvaluationStream(event.streamId)) return SELF_EVALUATION_NOTIFYING.has(event.type);
  if (isFundingStream(event.streamId)) return FUNDING_NOTIFYING.has(event.type);
  if (isMobilizationStream(event.streamId)) return MOBILIZATION_NOTIFYING.has(event.type);
  if (isBriefingNotifying(event)) return true;
  if (isSpecialDriveNotifying(event)) return true;
  return isArchiveNotifying(event);
}

/** Whether the event changes what a notification says of its stream (its unit, its indicator, its item). */
export function changesContext(event: Pick<NotifiableEvent, 'streamId' | 'type'>): boolean {
  return (isTaskStream(event.streamId) || isItemStream(event.streamId) || isNoticeStream(event.streamId) || isMobilizationStream(event.streamId)) && CONTEXT_EVENTS.has(event.type);
}

/** Folds one event into its stream's context; events that change nothing leave it as it was. */
export function foldContext(context: StreamContext | null, event: NotifiableEvent): StreamContext | null {
  if (event.type === 'AccountabilityProposed' && context !== null && context.kind !== 'notice' && context.kind !== 'mobilization') {
    const d = event.data as unknown as Extract<AccountabilityEvent, { type: 'AccountabilityProposed' }>['data'];
    return { ...context, accountability: { unit: d.unit, persons: d.persons, form: d.form, formNote: d.formNote, reason: d.reason } };
  }
  if (isTaskStream(event.streamId)) {
    const e = { type: event.type, data: event.data } as IndicatorTaskEvent;
    switch (e.type) {
      case 'IndicatorTaskCreated':
        return {
          kind: 'task',
          campaignId: e.data.campaignId,
          indicatorCode: e.data.indicatorCode,
          unitCode: e.data.unitCode,
          leadUnitCode: e.data.leadUnitCode,
          responsibleLogin: e.data.responsiblePerson?.login ?? null,
        };
      case 'TaskReassigned':
        // The 责任人 was a person of the old unit.
        return context?.kind === 'task' ? { ...context, unitCode: e.data.unitCode, responsibleLogin: null } : context;
      case 'TaskBreakdownChanged':
        return context?.kind === 'task' ? { ...context, leadUnitCode: e.data.leadUnitCode } : context;
      case 'ResponsiblePersonAssigned':
        return context?.kind === 'task' ? { ...context, responsibleLogin: e.data.login } : context;
      default:
        return context;
    }
  }
  if (isItemStream(event.streamId)) {
    const e = { type: event.type, data: event.data } as RectificationItemEvent;
    switch (e.type) {
      case 'ItemReported':
        return { kind: 'item', campaignId: e.data.campaignId, description: e.data.description, unitCode: null };
      case 'ItemDispatched':
        return context?.kind === 'item' ? { ...context, unitCode: e.data.unitCode, responsibleLogin: null } : context;
      case 'ItemDispatchReturnApproved':
        return context?.kind === 'item' ? { ...context, unitCode: null, responsibleLogin: null } : context;
      case 'ResponsiblePersonAssigned':
        return context?.kind === 'item' ? { ...context, responsibleLogin: e.data.login } : context;
      default:
        return context;
    }
  }
  if (isNoticeStream(event.streamId)) {
    const e = { type: event.type, data: event.data } as OfficialNoticeEvent;
    if (e.type !== 'NoticeIssued') return context;
    const d = e.data;
    return { kind: 'notice', campaignId: d.campaignId, unitCode: d.unitCode, noticeKind: d.kind, number: d.number, title: d.title, taskId: d.taskId, itemId: d.itemId };
  }
  if (isMobilizationStream(event.streamId) && event.type === 'MobilizationResponseOpened') {
    const d = event.data as Extract<MobilizationResponseEvent, { type: 'MobilizationResponseOpened' }>['data'];
    return { kind: 'mobilization', campaignId: d.campaignId, unitCode: d.unitCode, title: d.title, documentId: d.documentId };
  }
  return context;
}

/** 督办 and above are urgent: they go out even in quiet hours. */
function isUrgent(level: EscalationLevel): boolean {
  return ESCALATION_LEVELS.indexOf(level) >= ESCALATION_LEVELS.indexOf('SUPERVISE');
}

/** 「即将到期（2027-03-31）」 before the deadline, 「已逾期 2 天」 after it. */
export function lateness(dueAt: string, at: Date): string {
  const late = at.getTime() - Date.parse(dueAt);
  if (late < 0) return `即将到期（${shanghaiDate(dueAt)}）`;
  const days = Math.floor(late / DAY);
  return days >= 1 ? `已逾期 ${days} 天` : '已到期';
}

/**
 * Who a step of the ladder tells: the 责任人 first, then up the ladder (plan 六(一)). 提醒 goes to the 责任人 alone
 * when one is named, else to the unit's people as the step recorded; from 催办 on the unit head is told as well;
 * from 督办 on the lead unit's head too, when another unit leads; and the roles the step recorded (督查组, 领导小组,
 * 创建办) as before. Without a 责任人 the unit's people of the recorded step are told, as before the 责任人 existed.
 */
export function escalationAudience(level: EscalationLevel, notify: readonly Role[], unitCode: string | null, responsibleLogin: string | null = null, leadUnitCode: string | null = null): Audience {
  const step = ESCALATION_LEVELS.indexOf(level);
  const unitRoles = new Set<Role>(responsibleLogin === null ? notify.filter((r) => UNIT_ROLES.has(r)) : []);
  if (step >= ESCALATION_LEVELS.indexOf('URGE')) unitRoles.add('UNIT_HEAD');
  const audience: Audience = { roles: notify.filter((r) => !UNIT_ROLES.has(r)), unitCode, unitRoles: UNIT_PEOPLE.filter((r) => unitRoles.has(r)) };
  if (responsibleLogin !== null) audience.logins = [responsibleLogin];
  if (step >= ESCALATION_LEVELS.indexOf('SUPERVISE') && leadUnitCode !== null && leadUnitCode !== unitCode) audience.leadUnitCode = leadUnitCode;
  return audience;
}

const toRoles = (roles: readonly Role[]): Audience => ({ roles: [...roles], unitCode: null, unitRoles: [] });
const toUnit = (unitCode: string | null): Audience => ({ roles: [], unitCode, unitRoles: UNIT_PEOPLE });
/** The 责任人 when one is named, else the unit's people (returns, extension decisions). */
const toResponsible = (unitCode: string | null, responsibleLogin: string | null | undefined): Audience =>
  responsibleLogin ? { roles: [], unitCode: null, unitRoles: [], logins: [responsibleLogin] } : toUnit(unitCode);

/**
 * 问责: a proposal asks the leading group to approve it; an approval tells the unit's head and the persons named (the
 * decision takes effect); a return tells the office, which proposed it.
 */
function accountabilityNotifications(
  event: NotifiableEvent,
  ctx: Exclude<StreamContext, { kind: 'notice' | 'mobilization' }>,
  subject: string,
  unitName: (code: string) => string,
  base: Pick<NotificationDraft, 'campaignId' | 'taskId' | 'itemId'>,
): NotificationDraft[] {
  const e = { type: event.type, data: event.data } as AccountabilityEvent;
  const unit = ctx.unitCode ? unitName(ctx.unitCode) : '';
  switch (e.type) {
    case 'AccountabilityProposed': {
      const who = targetText(unit, e.data);
      return [
        {
          ...base,
          kind: 'APPROVAL_REQUEST',
          urgent: true,
          title: `【待审批】${subject}：拟对${who}问责（${formText(e.data.form, e.data.formNote)}）`,
          text: `创建办提出问责决定，问责理由：${e.data.reason}。请领导小组审批。`,
          audience: toRoles(ACCOUNTABILITY_ROLES.APPROVE_ACCOUNTABILITY),
        },
      ];
    }
    case 'AccountabilityApproved': {
      const decided = ctx.accountability;
      if (!decided) return [];
      return [
        {
          ...base,
          kind: 'ACCOUNTABILITY_DECISION',
          urgent: true,
          title: `【问责】${subject}：对${targetText(unit, decided)}${formText(decided.form, decided.formNote)}`,
          text: `领导小组已批准问责决定。问责理由：${decided.reason}。${e.data.note ? `审批意见：${e.data.note}` : ''}`.trim(),
          audience: { roles: [], unitCode: ctx.unitCode, unitRoles: ['UNIT_HEAD'], logins: decided.persons.map((p) => p.login) },
        },
      ];
    }
    case 'AccountabilityReturned':
      return [
        {
          ...base,
          kind: 'RETURNED',
          urgent: false,
          title: `【退回】${subject}：问责决定被退回`,
          text: `退回理由：${e.data.reason}。`,
          audience: toRoles(ACCOUNTABILITY_ROLES.PROPOSE_ACCOUNTABILITY),
        },
      ];
    default:
      return assertNever(e);
  }
}

/** The notifications an event causes, given what is known of its stream before it; none for most events. */
export function notificationsFor(event: NotifiableEvent, context: StreamContext | null, unitName: (code: string) => string): NotificationDraft[] {
  if (!isNotifying(event)) return [];
  // A unit's monthly report: every notifying event names its campaign, unit and month itself.
  if (isUnitReportStream(event.streamId)) return unitReportNotifications(event, unitName);
  // A survey round (issue 20): its events name their campaign and title themselves.
  if (isSurveyRoundStream(event.streamId)) return surveyRoundNotifications(event, unitName);
  // An activity (issue 20): its events name their campaign, title and organiser themselves.
  if (isActivityStream(event.streamId)) return activityNotifications(event, unitName);
  // A self-evaluation round (issue 20): its events name their campaign and title themselves.
  if (isSelfEvaluationStream(event.streamId)) return selfEvaluationNotifications(event, unitName);
  // The funding ledger (issue 20): its events carry what is said.
  if (isFundingStream(event.streamId)) return fundingNotifications(event, unitName);
  // Briefings (issue 19): their events carry what is said, no context is needed.
  if (isBriefingNotifying(event)) return briefingNotifications(event, unitName);
  if (isArchiveNotifying(event)) return archiveNotifications(event, unitName);
  // 专项整治 drives (issue 20): their events carry their campaign, area and lead unit.
  if (isSpecialDriveNotifying(event)) return specialDriveNotifications(event, unitName);
  // A notice's first event is its own context.
  const first = (isNoticeStream(event.streamId) && event.type === 'NoticeIssued') || (isMobilizationStream(event.streamId) && event.type === 'MobilizationResponseOpened');
  const ctx = first ? foldContext(null, event) : context;
  if (ctx === null) return [];
  if (ctx.kind === 'mobilization') return mobilizationNotifications(event, ctx, unitName);
  if (ctx.kind !== 'notice' && (ACCOUNTABILITY_EVENT_TYPES as readonly string[]).includes(event.type)) {
    const subject = ctx.kind === 'task' ? `测评指标 ${ctx.indicatorCode}` : itemSubject(ctx.description);
    const base = ctx.kind === 'task' ? { campaignId: ctx.campaignId, taskId: event.streamId, itemId: null } : { campaignId: ctx.campaignId, taskId: null, itemId: event.streamId };
    return accountabilityNotifications(event, ctx, subject, unitName, base);
  }
  if (ctx.kind === 'task') return taskNotifications(event, ctx, unitName);
  if (ctx.kind === 'notice') return noticeNotifications(event, ctx, unitName);
  return itemNotifications(event, ctx, unitName);
}

function noticeNotifications(event: NotifiableEvent, ctx: Extract<StreamContext, { kind: 'notice' }>, unitName: (code: string) => string): NotificationDraft[] {
  const e = { type: event.type, data: event.data } as OfficialNoticeEvent;
  const notice = `${NOTICE_KIND_LABELS[ctx.noticeKind]}（${ctx.number}）`;
  const base = { kind: 'ESCALATION' as const, campaignId: ctx.campaignId, taskId: ctx.taskId, itemId: ctx.itemId, urgent: true };
  switch (e.type) {
    case 'NoticeIssued':
      return [
        {
          ...base,
          title: `【待签收】${notice}：${ctx.title}`,
          text: `创建办向${unitName(ctx.unitCode)}印发${notice}，请单位负责人于 ${shanghaiDate(e.data.ackDueAt)} 前在看板卡片上签收。`,
          audience: { roles: [], unitCode: ctx.unitCode, unitRoles: ['UNIT_HEAD'] },
        },
      ];
    case 'NoticeAckEscalated': {
      const label = NOTICE_ACK_LEVEL_LABELS[e.data.level];
      return [
        {
          ...base,
          title: `【${label}】${notice}：逾期未签收`,
          text: `${unitName(ctx.unitCode)}的${notice}签收期限为 ${shanghaiDate(e.data.ackDueAt)}，至今未签收，请单位负责人尽快签收。`,
          // The notice's own ladder names who is told at each step; no 责任人 ladder here (notices go to the head).
          audience: { roles: e.data.notify.filter((r) => !UNIT_ROLES.has(r)), unitCode: ctx.unitCode, unitRoles: e.data.notify.filter((r) => UNIT_ROLES.has(r)) },
        },
      ];
    }
    default:
      return [];
  }
}

function taskNotifications(event: NotifiableEvent, ctx: Extract<StreamContext, { kind: 'task' }>, unitName: (code: string) => string): NotificationDraft[] {
  const e = { type: event.type, data: event.data } as IndicatorTaskEvent;
  const subject = `测评指标 ${ctx.indicatorCode}`;
  const unit = unitName(ctx.unitCode);
  const base = { campaignId: ctx.campaignId, taskId: event.streamId, itemId: null, urgent: false };
  const request = (roles: readonly Role[], what: string, text: string): NotificationDraft[] => [
    { ...base, kind: 'APPROVAL_REQUEST', title: `【待审核】${subject}：${unit}${what}`, text, audience: toRoles(roles) },
  ];
  const returned = (what: string, reason: string): NotificationDraft[] => [
    { ...base, kind: 'RETURNED', title: `【退回】${subject}：${what}`, text: `退回理由：${reason}。请修改后重新提交。`, audience: toResponsible(ctx.unitCode, ctx.responsibleLogin) },
  ];
  switch (e.type) {
    case 'DeadlineEscalated': {
      const label = ESCALATION_LABELS[e.data.level];
      const stage = STAGE_LABELS[e.data.stage];
      return [
        {
          ...base,
          kind: 'ESCALATION',
          urgent: isUrgent(e.data.level),
          title: `【${label}】${subject}：${stage}${lateness(e.data.stageDueAt, event.occurredAt)}`,
          text: `${unit}承担的${subject}${stage}环节时限为 ${shanghaiDate(e.data.stageDueAt)}，现予以${label}，请尽快办理。`,
          audience: escalationAudience(e.data.level, e.data.notify, ctx.unitCode, ctx.responsibleLogin ?? null, ctx.leadUnitCode ?? null),
        },
      ];
    }
    case 'SelfCheckSubmitted':
      return request(taskActionRoles('CONFIRM_SELF_CHECK'), '提交自查结果', `自评结果：${CLASSIFICATION_LABELS[e.data.classification]}。${e.data.note}`.trim());
    case 'RectificationPlanSubmitted':
      return request(taskActionRoles('APPROVE_RECTIFICATION'), '提交整改方案', `整改期限：${shanghaiDate(e.data.deadline)}。${e.data.plan}`.trim());
    case 'RectificationSubmitted':
      return request(taskActionRoles('APPROVE_RECTIFICATION'), '提交整改完成', e.data.note || '整改已完成，请审核。');
    case 'ArchiveSubmitted':
      return request(taskActionRoles('ACCEPT_ARCHIVE_MATERIAL'), '提交档案材料', e.data.note || '请验收档案材料。');
    case 'ArchiveMaterialSubmitted':
      return request(taskActionRoles('ACCEPT_ARCHIVE_MATERIAL'), `提交档案材料（${e.data.materialCode}）`, e.data.note || '请验收档案材料。');
    case 'ExtensionRequested':
      return request(taskActionRoles('APPROVE_EXTENSION'), '申请延期', `申请延至 ${shanghaiDate(e.data.requestedDueAt)}。理由：${e.data.reason}`);
    case 'SelfCheckReturned':
      return returned('自查结果被退回', e.data.reason);
    case 'RectificationReturned':
      return returned('整改被退回', e.data.reason);
    case 'ArchiveReturned':
      return returned('档案材料被退回', e.data.reason);
    case 'ArchiveMaterialReturned':
      return returned(`档案材料（${e.data.materialCode}）被退回`, e.data.reason);
    case 'ExtensionApproved':
      return [{ ...base, kind: 'EXTENSION_DECISION', title: `【延期】${subject}：延期已批准`, text: `新的期限：${shanghaiDate(e.data.dueAt)}。${e.data.note}`.trim(), audience: toResponsible(ctx.unitCode, ctx.responsibleLogin) }];
    case 'ExtensionRefused':
      return [{ ...base, kind: 'EXTENSION_DECISION', title: `【延期】${subject}：延期未批准`, text: `理由：${e.data.reason}。请按原期限办理。`, audience: toResponsible(ctx.unitCode, ctx.responsibleLogin) }];
    default:
      return [];
  }
}

function itemSubject(description: string): string {
  return `整改问题「${description.length > 30 ? `${description.slice(0, 30)}…` : description}」`;
}

function itemNotifications(event: NotifiableEvent, ctx: Extract<StreamContext, { kind: 'item' }>, unitName: (code: string) => string): NotificationDraft[] {
  const e = { type: event.type, data: event.data } as RectificationItemEvent;
  const subject = itemSubject(ctx.description);
  const base = { campaignId: ctx.campaignId, taskId: null, itemId: event.streamId, urgent: false };
  switch (e.type) {
    case 'ItemDispatched':
      return [
        {
          ...base,
          kind: 'ITEM_ASSIGNED',
          title: `【派单】${subject}`,
          text: `该问题已派给${unitName(e.data.unitCode)}，整改期限 ${shanghaiDate(e.data.dueAt)}。${e.data.note}`.trim(),
          audience: toUnit(e.data.unitCode),
        },
      ];
    case 'ItemSubmitted':
      return [
        {
          ...base,
          kind: 'APPROVAL_REQUEST',
          title: `【待复核】${subject}：${ctx.unitCode ? unitName(ctx.unitCode) : ''}提交整改结果`,
          text: e.data.note || '整改结果已提交，请复核。',
          audience: toRoles(itemActionRoles('VERIFY')),
        },
      ];
    case 'ItemReturned':
      return [{ ...base, kind: 'RETURNED', title: `【退回】${subject}：退回重改`, text: `退回理由：${e.data.reason}。请重新整改后提交。`, audience: toResponsible(ctx.unitCode, ctx.responsibleLogin) }];
    case 'DeadlineEscalated': {
      const label = ESCALATION_LABELS[e.data.level];
      return [
        {
          ...base,
          kind: 'ESCALATION',
          urgent: isUrgent(e.data.level),
          title: `【${label}】${subject}：${ITEM_STATE_LABELS[e.data.state]}${lateness(e.data.dueAt, event.occurredAt)}`,
          text: `整改期限为 ${shanghaiDate(e.data.dueAt)}，现予以${label}，请尽快办理。`,
          audience: escalationAudience(e.data.level, e.data.notify, ctx.unitCode, ctx.responsibleLogin ?? null),
        },
      ];
    }
    default:
      return [];
  }
}

/** Mobilization (动员部署): a new document to the unit, each submission to the office, a return and the ladder to the unit. */
function mobilizationNotifications(event: NotifiableEvent, ctx: Extract<StreamContext, { kind: 'mobilization' }>, unitName: (code: string) => string): NotificationDraft[] {
  const e = { type: event.type, data: event.data } as MobilizationResponseEvent;
  const subject = `动员部署「${ctx.title}」`;
  const unit = unitName(ctx.unitCode);
  const base = { campaignId: ctx.campaignId, taskId: null, itemId: null, urgent: false };
  switch (e.type) {
    case 'MobilizationResponseOpened': {
      const asked = [e.data.requiresPlan ? '提交本单位工作实施方案' : '', e.data.requiresGroup ? '登记创文责任小组' : ''].filter(Boolean).join('、');
      return [
        {
          ...base,
          kind: 'ITEM_ASSIGNED',
          title: `【待签收】${subject}`,
          text: `创建办印发${subject}，请于 ${shanghaiDate(e.data.dueAt)} 前在「文书档案 · 动员部署」中签收${asked ? `，并${asked}` : ''}。`,
          audience: toUnit(ctx.unitCode),
        },
      ];
    }
    case 'MobilizationPlanSubmitted':
    case 'MobilizationGroupRegistered':
      return [
        {
          ...base,
          kind: 'APPROVAL_REQUEST',
          title: `【待审核】${subject}：${unit}${e.type === 'MobilizationPlanSubmitted' ? '提交工作实施方案' : '登记创文责任小组'}`,
          text: e.type === 'MobilizationPlanSubmitted' ? e.data.summary : `组长：${e.data.leader}，成员 ${e.data.members.length} 人，联系电话 ${e.data.phone}。`,
          audience: toRoles(['OFFICE']),
        },
      ];
    case 'MobilizationReturned':
      return [{ ...base, kind: 'RETURNED', title: `【退回】${subject}：材料被退回`, text: `退回理由：${e.data.reason}。请修改后重新提交。`, audience: toUnit(ctx.unitCode) }];
    case 'MobilizationEscalated': {
      const label = MOBILIZATION_LEVEL_LABELS[e.data.level];
      const missing = e.data.missing.map((m) => MISSING_LABELS[m] ?? m).join('、');
      return [
        {
          ...base,
          kind: 'ESCALATION',
          urgent: e.data.level === 'SUPERVISE',
          title: `【${label}】${subject}：${lateness(e.data.dueAt, event.occurredAt)}`,
          text: `${unit}尚未完成：${missing || '—'}。时限为 ${shanghaiDate(e.data.dueAt)}，现予以${label}，请尽快办理。`,
          audience: { roles: e.data.notify.filter((r) => !UNIT_ROLES.has(r)), unitCode: ctx.unitCode, unitRoles: e.data.notify.filter((r) => UNIT_ROLES.has(r)) },
        },
      ];
    }
    default:
      return [];
  }
}
