// The rectification-item lifecycle as pure functions, like the indicator task's: who may do what in which state
// (`check`, `allowedItemActions`), what an accepted command records (`decideItem`), how events change the state
// (`evolveItem`). The workflow's update validators, the API and the board projection all use this one module.
// Time comes in as an argument, never from a clock.
import { ROLE_LABELS } from '../indicator-task/indicator-task.labels';
import type { EvidenceFile } from '../indicator-task/indicator-task.types';
import type { Actor, Role } from '../shared/actor.types';
import type { RectificationItemEvent } from './rectification-item.events';
import { ITEM_ACTION_LABELS, ITEM_STATE_LABELS } from './rectification-item.labels';
import {
  DEFAULT_ITEM_POLICY,
  ITEM_SOURCES,
  REPORTER_ROLES,
  type ItemLocation,
  type ItemSource,
  type ItemState,
  type RectificationItemInput,
  type RectificationItemState,
} from './rectification-item.types';

export const ITEM_ACTIONS = [
  'DISPATCH',
  'START_RECTIFICATION',
  'SUBMIT_RECTIFICATION',
  'VERIFY',
  'RETURN',
  'RECORD_RECHECK',
  'REQUEST_EXTENSION',
  'APPROVE_EXTENSION',
  'REFUSE_EXTENSION',
  'REQUEST_DISPATCH_RETURN',
  'APPROVE_DISPATCH_RETURN',
  'REFUSE_DISPATCH_RETURN',
  'REPORT_DUPLICATE',
] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

export type ItemCommand =
  /** `dueAt` defaults to the campaign's rectification days from now. */
  | { action: 'DISPATCH'; unitCode: string; dueAt?: string | null; note?: string }
  | { action: 'START_RECTIFICATION'; note?: string }
  | { action: 'SUBMIT_RECTIFICATION'; note: string; photos: EvidenceFile[] }
  | { action: 'VERIFY'; note?: string }
  | { action: 'RETURN'; reason: string }
  | { action: 'RECORD_RECHECK'; passed: boolean; note?: string }
  | { action: 'REQUEST_EXTENSION'; requestedDueAt: string; reason: string }
  | { action: 'APPROVE_EXTENSION'; note?: string }
  | { action: 'REFUSE_EXTENSION'; reason: string }
  | { action: 'REQUEST_DISPATCH_RETURN'; reason: string }
  | { action: 'APPROVE_DISPATCH_RETURN'; note?: string }
  | { action: 'REFUSE_DISPATCH_RETURN'; reason: string }
  /** Another report of the same place, area and criterion while the item is open: linked here. */
  | { action: 'REPORT_DUPLICATE'; source: ItemSource; description: string; photos: EvidenceFile[]; location: ItemLocation };

export interface ItemActionRequest {
  command: ItemCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}

export type ItemRejectionCode = 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'CONFLICT';
export interface ItemRejection {
  code: ItemRejectionCode;
  message: string;
  field?: string;
}
export type ItemDecision = { ok: true; events: RectificationItemEvent[] } | { ok: false; rejection: ItemRejection };

export interface ItemEventMeta {
  actorId: string;
  at: string;
}

const UNIT_ROLES: readonly Role[] = ['UNIT_MEMBER', 'UNIT_HEAD'];
const DECIDERS: readonly Role[] = ['SUPERVISOR'];
const TEXT_MAX = 2000;
const PHOTOS_MAX = 20;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** States in which the unit owes the fix against the due date: the ones that escalate and can be extended. */
export const UNIT_WORK_STATES: readonly ItemState[] = ['DISPATCHED', 'RECTIFYING', 'RETURNED'];
/** Not yet fixed and verified: what keeps a linked indicator task from completing its rectification. */
export const UNVERIFIED_STATES: readonly ItemState[] = ['REPORTED', 'DISPATCHED', 'RECTIFYING', 'SUBMITTED', 'RETURNED'];
const OPEN_STATES: readonly ItemState[] = ['REPORTED', 'DISPATCHED', 'RECTIFYING', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'RECHECK'];

interface Rule {
  states: readonly ItemState[];
  roles: readonly Role[];
  /** Units act only on items dispatched to them. */
  ownUnit: boolean;
  pending?: 'EXTENSION' | 'DISPATCH_RETURN' | 'NONE';
  /** The decision may not be taken by whoever asked for it or handed the work in. */
  notByRequester?: 'EXTENSION' | 'DISPATCH_RETURN' | 'SUBMISSION';
}

const RULES: Record<ItemAction, Rule> = {
  DISPATCH: { states: ['REPORTED'], roles: ['SUPERVISOR', 'OFFICE'], ownUnit: false },
  START_RECTIFICATION: { states: ['DISPATCHED'], roles: UNIT_ROLES, ownUnit: true, pending: 'NONE' },
  SUBMIT_RECTIFICATION: { states: ['RECTIFYING', 'RETURNED'], roles: UNIT_ROLES, ownUnit: true, pending: 'NONE' },
  VERIFY: { states: ['SUBMITTED'], roles: DECIDERS, ownUnit: false, notByRequester: 'SUBMISSION' },
  RETURN: { states: ['SUBMITTED'], roles: DECIDERS, ownUnit: false, notByRequester: 'SUBMISSION' },
  RECORD_RECHECK: { states: ['RECHECK'], roles: DECIDERS, ownUnit: false },
  REQUEST_EXTENSION: { states: UNIT_WORK_STATES, roles: UNIT_ROLES, ownUnit: true, pending: 'NONE' },
  APPROVE_EXTENSION: { states: UNIT_WORK_STATES, roles: DECIDERS, ownUnit: false, pending: 'EXTENSION', notByRequester: 'EXTENSION' },
  REFUSE_EXTENSION: { states: UNIT_WORK_STATES, roles: DECIDERS, ownUnit: false, pending: 'EXTENSION', notByRequester: 'EXTENSION' },
  REQUEST_DISPATCH_RETURN: { states: ['DISPATCHED', 'RECTIFYING'], roles: UNIT_ROLES, ownUnit: true, pending: 'NONE' },
  APPROVE_DISPATCH_RETURN: { states: ['DISPATCHED', 'RECTIFYING'], roles: DECIDERS, ownUnit: false, pending: 'DISPATCH_RETURN', notByRequester: 'DISPATCH_RETURN' },
  REFUSE_DISPATCH_RETURN: { states: ['DISPATCHED', 'RECTIFYING'], roles: DECIDERS, ownUnit: false, pending: 'DISPATCH_RETURN', notByRequester: 'DISPATCH_RETURN' },
  REPORT_DUPLICATE: { states: OPEN_STATES, roles: REPORTER_ROLES, ownUnit: false },
};

/** The roles that may take an action at all (whether they may take it now is `checkItem`'s question). */
export function itemActionRoles(action: ItemAction): readonly Role[] {
  return RULES[action].roles;
}

export function isItemAction(value: string): value is ItemAction {
  return (ITEM_ACTIONS as readonly string[]).includes(value);
}

/** Whether `actor` may take `action` on the item now, whatever the input. */
export function checkItem(state: RectificationItemState, actor: Actor, action: ItemAction): ItemRejection | null {
  const rule = RULES[action];
  const label = ITEM_ACTION_LABELS[action];
  if (!rule.roles.includes(actor.role)) return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权执行「${label}」` };
  if (rule.ownUnit && actor.unitCode !== state.unitCode) {
    return { code: 'FORBIDDEN', message: `只能处理派给本单位的整改问题，不能执行「${label}」` };
  }
  if (!rule.states.includes(state.state)) {
    return {
      code: 'ILLEGAL_TRANSITION',
      message: `整改问题处于「${ITEM_STATE_LABELS[state.state]}」状态，不能执行「${label}」（仅限「${rule.states.map((s) => ITEM_STATE_LABELS[s]).join('、')}」）`,
    };
  }
  const pending = state.pendingExtension ? 'EXTENSION' : state.pendingDispatchReturn ? 'DISPATCH_RETURN' : null;
  if (rule.pending === 'NONE' && pending !== null) {
    return { code: 'ILLEGAL_TRANSITION', message: pending === 'EXTENSION' ? '延期申请正在等待审批' : '退回申请正在等待审批' };
  }
  if (rule.pending === 'EXTENSION' && pending !== 'EXTENSION') return { code: 'ILLEGAL_TRANSITION', message: `没有待审批的延期申请，不能执行「${label}」` };
  if (rule.pending === 'DISPATCH_RETURN' && pending !== 'DISPATCH_RETURN') return { code: 'ILLEGAL_TRANSITION', message: `没有待审批的退回申请，不能执行「${label}」` };
  const requester =
    rule.notByRequester === 'EXTENSION'
      ? state.pendingExtension?.requestedBy
      : rule.notByRequester === 'DISPATCH_RETURN'
        ? state.pendingDispatchReturn?.requestedBy
        : rule.notByRequester === 'SUBMISSION'
          ? state.submission?.submittedBy
          : undefined;
  if (requester !== undefined && requester === actor.userId) return { code: 'FORBIDDEN', message: `不能审核自己提交的事项（${label}）` };
  return null;
}

/** The moves `actor` may make now, except linking a duplicate (which the API does on a new report). */
export function allowedItemActions(state: RectificationItemState, actor: Actor): ItemAction[] {
  return ITEM_ACTIONS.filter((a) => a !== 'REPORT_DUPLICATE' && checkItem(state, actor, a) === null);
}

function text(value: unknown, field: string, what: string, needed: boolean): ItemRejection | null {
  if (value === undefined || value === null) return needed ? { code: 'BAD_USER_INPUT', field, message: `请填写${what}` } : null;
  if (typeof value !== 'string') return { code: 'BAD_USER_INPUT', field, message: `${what}格式不正确` };
  if (needed && value.trim() === '') return { code: 'BAD_USER_INPUT', field, message: `请填写${what}` };
  if ([...value.trim()].length > TEXT_MAX) return { code: 'BAD_USER_INPUT', field, message: `${what}不能超过${TEXT_MAX}字` };
  return null;
}

export function validPhotos(photos: unknown, needed: boolean, what: string): ItemRejection | null {
  if (!Array.isArray(photos)) return { code: 'BAD_USER_INPUT', field: 'photos', message: `${what}格式不正确` };
  if (needed && photos.length === 0) return { code: 'BAD_USER_INPUT', field: 'photos', message: `请上传${what}` };
  if (photos.length > PHOTOS_MAX) return { code: 'BAD_USER_INPUT', field: 'photos', message: `${what}最多${PHOTOS_MAX}张` };
  for (const p of photos as Partial<EvidenceFile>[]) {
    if (!p || typeof p.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(p.sha256) || typeof p.size !== 'number' || p.size <= 0 || typeof p.name !== 'string') {
      return { code: 'BAD_USER_INPUT', field: 'photos', message: `${what}文件无效` };
    }
  }
  return null;
}

export function validLocation(location: unknown): ItemRejection | null {
  const l = location as Partial<ItemLocation> | null | undefined;
  if (!l || typeof l.address !== 'string' || l.address.trim() === '') return { code: 'BAD_USER_INPUT', field: 'location.address', message: '请填写问题所在地址' };
  if ([...l.address].length > 200) return { code: 'BAD_USER_INPUT', field: 'location.address', message: '地址不能超过200字' };
  const lat = l.latitude ?? null;
  const lng = l.longitude ?? null;
  if ((lat === null) !== (lng === null)) return { code: 'BAD_USER_INPUT', field: 'location', message: '经纬度须同时填写或同时不填' };
  if (lat !== null && (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90)) return { code: 'BAD_USER_INPUT', field: 'location.latitude', message: '纬度须在 -90 到 90 之间' };
  if (lng !== null && (typeof lng !== 'number' || !Number.isFinite(lng) || lng < -180 || lng > 180)) return { code: 'BAD_USER_INPUT', field: 'location.longitude', message: '经度须在 -180 到 180 之间' };
  return null;
}

function instant(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

function validate(state: RectificationItemState, command: ItemCommand, now: string): ItemRejection | null {
  switch (command.action) {
    case 'DISPATCH': {
      if (typeof command.unitCode !== 'string' || command.unitCode.trim() === '') return { code: 'BAD_USER_INPUT', field: 'unitCode', message: '请选择责任单位' };
      if (command.dueAt !== undefined && command.dueAt !== null) {
        const due = instant(command.dueAt);
        if (due === null) return { code: 'BAD_USER_INPUT', field: 'dueAt', message: '整改时限格式不正确' };
        if (due <= Date.parse(now)) return { code: 'BAD_USER_INPUT', field: 'dueAt', message: '整改时限须晚于现在' };
      }
      return text(command.note, 'note', '派单说明', false);
    }
    case 'START_RECTIFICATION':
    case 'VERIFY':
    case 'APPROVE_EXTENSION':
    case 'APPROVE_DISPATCH_RETURN':
      return text(command.note, 'note', '说明', false);
    case 'SUBMIT_RECTIFICATION':
      return text(command.note, 'note', '整改情况', true) ?? validPhotos(command.photos, true, '整改后照片');
    case 'RETURN':
      return text(command.reason, 'reason', '退回原因', true);
    case 'RECORD_RECHECK':
      if (typeof command.passed !== 'boolean') return { code: 'BAD_USER_INPUT', field: 'passed', message: '请选择复查是否合格' };
      return text(command.note, 'note', command.passed ? '复查说明' : '复查发现的问题', !command.passed);
    case 'REQUEST_EXTENSION': {
      const requested = instant(command.requestedDueAt);
      if (requested === null) return { code: 'BAD_USER_INPUT', field: 'requestedDueAt', message: '请填写申请延至的日期' };
      if (state.dueAt !== null && requested <= Date.parse(state.dueAt)) return { code: 'BAD_USER_INPUT', field: 'requestedDueAt', message: '申请延至的日期须晚于现有时限' };
      if (requested <= Date.parse(now)) return { code: 'BAD_USER_INPUT', field: 'requestedDueAt', message: '申请延至的日期须晚于现在' };
      return text(command.reason, 'reason', '延期理由', true);
    }
    case 'REFUSE_EXTENSION':
      return text(command.reason, 'reason', '不予延期的理由', true);
    case 'REQUEST_DISPATCH_RETURN':
      return text(command.reason, 'reason', '申请退回的理由', true);
    case 'REFUSE_DISPATCH_RETURN':
      return text(command.reason, 'reason', '不同意退回的理由', true);
    case 'REPORT_DUPLICATE':
      if (!(ITEM_SOURCES as readonly string[]).includes(command.source)) return { code: 'BAD_USER_INPUT', field: 'source', message: '问题来源无效' };
      return text(command.description, 'description', '问题描述', true) ?? validPhotos(command.photos, false, '问题照片') ?? validLocation(command.location);
    default:
      return assertNever(command);
  }
}

const trimmed = (value: string | undefined) => value?.trim() ?? '';

function toEvent(state: RectificationItemState, command: ItemCommand, now: string): RectificationItemEvent {
  switch (command.action) {
    case 'DISPATCH': {
      const dueAt = command.dueAt ? new Date(command.dueAt).toISOString() : addMs(now, state.policy.rectificationDays * DAY);
      return { type: 'ItemDispatched', data: { unitCode: command.unitCode.trim(), dueAt, note: trimmed(command.note) } };
    }
    case 'START_RECTIFICATION':
      return { type: 'ItemRectificationStarted', data: { note: trimmed(command.note) } };
    case 'SUBMIT_RECTIFICATION':
      return { type: 'ItemSubmitted', data: { note: command.note.trim(), photos: command.photos.map(fileOf) } };
    case 'VERIFY':
      return { type: 'ItemVerified', data: { note: trimmed(command.note), recheckAt: addMs(now, state.policy.recheckAfterDays * DAY) } };
    case 'RETURN':
      return { type: 'ItemReturned', data: { reason: command.reason.trim() } };
    case 'RECORD_RECHECK':
      return {
        type: 'ItemRecheckRecorded',
        data: { passed: command.passed, note: trimmed(command.note), dueAt: command.passed ? null : addMs(now, state.policy.relapseDays * DAY) },
      };
    case 'REQUEST_EXTENSION':
      return { type: 'ItemExtensionRequested', data: { requestedDueAt: new Date(command.requestedDueAt).toISOString(), reason: command.reason.trim() } };
    case 'APPROVE_EXTENSION': {
      const requested = state.pendingExtension?.requestedDueAt ?? state.dueAt ?? now;
      const dueAt = state.dueAt && Date.parse(state.dueAt) > Date.parse(requested) ? state.dueAt : requested;
      return { type: 'ItemExtensionApproved', data: { dueAt, note: trimmed(command.note) } };
    }
    case 'REFUSE_EXTENSION':
      return { type: 'ItemExtensionRefused', data: { reason: command.reason.trim() } };
    case 'REQUEST_DISPATCH_RETURN':
      return { type: 'ItemDispatchReturnRequested', data: { reason: command.reason.trim() } };
    case 'APPROVE_DISPATCH_RETURN':
      return { type: 'ItemDispatchReturnApproved', data: { note: trimmed(command.note), previousUnitCode: state.unitCode ?? '' } };
    case 'REFUSE_DISPATCH_RETURN':
      return { type: 'ItemDispatchReturnRefused', data: { reason: command.reason.trim() } };
    case 'REPORT_DUPLICATE':
      return {
        type: 'ItemDuplicateReported',
        data: { source: command.source, description: command.description.trim(), photos: command.photos.map(fileOf), location: locationOf(command.location) },
      };
    default:
      return assertNever(command);
  }
}

function fileOf(f: EvidenceFile): EvidenceFile {
  return { sha256: f.sha256, name: f.name.trim(), size: f.size, mimeType: f.mimeType };
}

export function locationOf(l: ItemLocation): ItemLocation {
  return { address: l.address.trim(), latitude: l.latitude ?? null, longitude: l.longitude ?? null };
}

/** Decide what an action records, or why it is refused. Refusals record nothing. `now` is workflow time. */
export function decideItem(state: RectificationItemState, request: ItemActionRequest, now: string): ItemDecision {
  const { command, actor, expectedVersion } = request;
  if (!command || typeof command !== 'object' || typeof command.action !== 'string' || !isItemAction(command.action)) {
    return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'action', message: '未知的操作' } };
  }
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
    return { ok: false, rejection: { code: 'CONFLICT', message: `整改问题已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试` } };
  }
  const refused = checkItem(state, actor, command.action) ?? validate(state, command, now);
  if (refused) return { ok: false, rejection: refused };
  return { ok: true, events: [toEvent(state, command, now)] };
}

/** Whether the unit owes the fix against a deadline now: the escalation ladder runs only then. */
export function itemUnitOwesWork(state: RectificationItemState): boolean {
  return UNIT_WORK_STATES.includes(state.state) && state.dueAt !== null;
}

function enter(state: RectificationItemState, next: ItemState, at: string): RectificationItemState {
  return { ...state, state: next, stateEnteredAt: at };
}

export function initialItemState(input: Pick<RectificationItemInput, 'itemId' | 'campaignId'> & Partial<RectificationItemInput>, at: string): RectificationItemState {
  return {
    itemId: input.itemId,
    campaignId: input.campaignId,
    state: 'REPORTED',
    source: input.source ?? 'SUPERVISION',
    area: input.area ?? null,
    location: input.location ?? { address: '', latitude: null, longitude: null },
    description: input.description ?? '',
    photos: input.photos ?? [],
    indicatorTaskId: input.indicatorTaskId ?? null,
    criterionCode: input.criterionCode ?? null,
    inspectionRoundId: input.inspectionRoundId ?? null,
    reportedBy: input.reportedBy?.userId ?? '',
    unitCode: null,
    dueAt: null,
    stateEnteredAt: at,
    escalationLevel: null,
    pendingExtension: null,
    pendingDispatchReturn: null,
    submission: null,
    returnReason: null,
    recheckAt: null,
    relapseCount: 0,
    duplicateReports: 0,
    policy: input.policy ?? DEFAULT_ITEM_POLICY,
    version: 0,
  };
}

/** Apply one recorded event, with its actor and its (workflow) time. */
export function evolveItem(state: RectificationItemState, event: RectificationItemEvent, meta: ItemEventMeta): RectificationItemState {
  const next: RectificationItemState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'ItemReported':
      return { ...next, ...event.data, reportedBy: meta.actorId, state: 'REPORTED', stateEnteredAt: meta.at };
    case 'ItemDispatched':
      return { ...enter(next, 'DISPATCHED', meta.at), unitCode: event.data.unitCode, dueAt: event.data.dueAt, escalationLevel: null, pendingDispatchReturn: null };
    case 'ItemRectificationStarted':
      return enter(next, 'RECTIFYING', meta.at);
    case 'ItemSubmitted':
      return {
        ...enter(next, 'SUBMITTED', meta.at),
        submission: { note: event.data.note, photos: event.data.photos, submittedBy: meta.actorId, submittedAt: meta.at },
        pendingExtension: null,
      };
    case 'ItemVerified':
      return { ...enter(next, 'VERIFIED', meta.at), recheckAt: event.data.recheckAt, returnReason: null, escalationLevel: null };
    case 'ItemReturned':
      return { ...enter(next, 'RETURNED', meta.at), returnReason: event.data.reason };
    case 'ItemRecheckDue':
      return enter(next, 'RECHECK', meta.at);
    case 'ItemRecheckRecorded':
      return event.data.passed
        ? { ...enter(next, 'CLOSED', meta.at), recheckAt: null }
        : {
            ...enter(next, 'RECTIFYING', meta.at),
            relapseCount: state.relapseCount + 1,
            dueAt: event.data.dueAt,
            recheckAt: null,
            submission: null,
            escalationLevel: null,
          };
    case 'ItemExtensionRequested':
      return { ...next, pendingExtension: { requestedDueAt: event.data.requestedDueAt, reason: event.data.reason, requestedBy: meta.actorId } };
    case 'ItemExtensionApproved':
      return { ...next, pendingExtension: null, dueAt: event.data.dueAt, escalationLevel: null };
    case 'ItemExtensionRefused':
      return { ...next, pendingExtension: null };
    case 'ItemDispatchReturnRequested':
      return { ...next, pendingDispatchReturn: { reason: event.data.reason, requestedBy: meta.actorId } };
    case 'ItemDispatchReturnApproved':
      return { ...enter(next, 'REPORTED', meta.at), unitCode: null, dueAt: null, escalationLevel: null, pendingDispatchReturn: null, pendingExtension: null };
    case 'ItemDispatchReturnRefused':
      return { ...next, pendingDispatchReturn: null };
    case 'ItemDuplicateReported':
      return { ...next, duplicateReports: state.duplicateReports + 1 };
    case 'DeadlineEscalated':
      return { ...next, escalationLevel: event.data.level };
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

/** Used by the schedule: when a verified item falls due for its re-check. */
export function recheckDueAt(state: RectificationItemState): string | null {
  return state.state === 'VERIFIED' ? state.recheckAt : null;
}
