// What a rectification item (整改问题) allows and records, as pure functions like the indicator task's: who may
// do what in which state (`checkItem`, `allowedItemActions`) and what an accepted command records (`decideItem`).
// The workflow's update validators, the API and the board all use these; how the events change the state is
// rectification-item.evolve.ts. Time comes in as an argument, never from a clock.
import type { EvidenceFile } from '../indicator-task/indicator-task.types';
import {
  ACCOUNTABILITY_ACTIONS,
  accountabilityEvent,
  checkAccountability,
  isAccountabilityAction,
  validateAccountability,
  type AccountabilityAction,
  type LadderPosition,
} from '../shared/accountability';
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Actor, Role } from '../shared/actor.types';
import { assertNever } from '../shared/assert-never';
import { validResponsiblePerson } from '../shared/responsible-person';
import { allowedKeyFlagActions, checkKeyFlag, isKeyFlagCommand, keyFlagEvent, validateKeyFlag, type KeyFlagAction } from '../shared/key-flag';
import type { Decision, Rejection } from '../shared/decision.types';
import { addMs, DAY, instant } from '../shared/time';
import type { RectificationItemEvent } from './rectification-item.events';
import { ITEM_ACTION_LABELS, ITEM_STATE_LABELS } from './rectification-item.labels';
import {
  ITEM_ACTIONS,
  ITEM_SOURCES,
  LOCAL_REPORTER_ROLES,
  REPORTER_ROLES,
  UNIT_WORK_STATES,
  type ItemAction,
  type ItemActionRequest,
  type ItemCommand,
  type ItemLocation,
  type ItemState,
  type RectificationItemState,
} from './rectification-item.types';

const UNIT_ROLES: readonly Role[] = ['UNIT_MEMBER', 'UNIT_HEAD'];
const DECIDERS: readonly Role[] = ['SUPERVISOR'];
const TEXT_MAX = 2000;
const PHOTOS_MAX = 20;
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
  // A community's or village's people report their own area (属地上报) too; `validate` holds them to that source.
  REPORT_DUPLICATE: { states: OPEN_STATES, roles: [...REPORTER_ROLES, ...LOCAL_REPORTER_ROLES], ownUnit: false },
  // While a unit holds the item, its head names the 责任人 (the office too); the API checks the person is of the unit.
  ASSIGN_RESPONSIBLE_PERSON: { states: OPEN_STATES.filter((s) => s !== 'REPORTED'), roles: ['UNIT_HEAD', 'OFFICE'], ownUnit: true },
};

/** The roles that may take an action at all (whether they may take it now is `checkItem`'s question). */
export function itemActionRoles(action: ItemAction): readonly Role[] {
  return RULES[action].roles;
}

export function isItemAction(value: string): value is ItemAction {
  return (ITEM_ACTIONS as readonly string[]).includes(value);
}

/** Whether `actor` may take `action` on the item now, whatever the input. */
export function checkItem(state: RectificationItemState, actor: Actor, action: ItemAction): Rejection | null {
  const rule = RULES[action];
  const label = ITEM_ACTION_LABELS[action];
  if (!rule.roles.includes(actor.role)) return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权执行「${label}」` };
  // Only the unit's own people are held to their unit; the office acts on any item.
  if (rule.ownUnit && UNIT_ROLES.includes(actor.role) && actor.unitCode !== state.unitCode) {
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

/** Actions beside the item's lifecycle: linking a duplicate (the API does it on a new report), naming the 责任人. */
export const ITEM_SIDE_ACTIONS: readonly ItemAction[] = ['REPORT_DUPLICATE', 'ASSIGN_RESPONSIBLE_PERSON'];

/** The moves `actor` may make now, without the side actions. */
export function allowedItemActions(state: RectificationItemState, actor: Actor): ItemAction[] {
  return ITEM_ACTIONS.filter((a) => !ITEM_SIDE_ACTIONS.includes(a) && checkItem(state, actor, a) === null);
}

function text(value: unknown, field: string, what: string, needed: boolean): Rejection | null {
  if (value === undefined || value === null) return needed ? { code: 'BAD_USER_INPUT', field, message: `请填写${what}` } : null;
  if (typeof value !== 'string') return { code: 'BAD_USER_INPUT', field, message: `${what}格式不正确` };
  if (needed && value.trim() === '') return { code: 'BAD_USER_INPUT', field, message: `请填写${what}` };
  if ([...value.trim()].length > TEXT_MAX) return { code: 'BAD_USER_INPUT', field, message: `${what}不能超过${TEXT_MAX}字` };
  return null;
}

export function validPhotos(photos: unknown, needed: boolean, what: string): Rejection | null {
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

export function validLocation(location: unknown): Rejection | null {
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


function validate(state: RectificationItemState, command: ItemCommand, now: string, actor: Actor): Rejection | null {
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
      if (!REPORTER_ROLES.includes(actor.role) && command.source !== 'LOCAL_REPORT' && command.source !== 'LEAD_UNIT_MEETING') return { code: 'FORBIDDEN', field: 'source', message: '社区（村）只能以「属地上报」上报本辖区的问题' };
      return text(command.description, 'description', '问题描述', true) ?? validPhotos(command.photos, false, '问题照片') ?? validLocation(command.location);
    case 'ASSIGN_RESPONSIBLE_PERSON':
      return validResponsiblePerson(command, state.unitCode, state.responsiblePerson?.login ?? null, '整改问题');
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
    case 'ASSIGN_RESPONSIBLE_PERSON':
      return {
        type: 'ResponsiblePersonAssigned',
        data: { login: command.login.trim(), name: command.name.trim(), previousLogin: state.responsiblePerson?.login ?? null },
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

/** Where the item stands on the ladder of its due date. */
export function itemLadderPosition(state: RectificationItemState): LadderPosition {
  return { unitCode: state.unitCode, escalationLevel: state.escalationLevel, deadline: state.dueAt };
}

/** Whether `actor` may take a step of a 问责 decision on the item now, whatever the input. */
export function checkItemAccountability(state: RectificationItemState, actor: Actor, action: AccountabilityAction): Rejection | null {
  if (state.state === 'CLOSED') return { code: 'ILLEGAL_TRANSITION', message: `整改问题已${ITEM_STATE_LABELS.CLOSED}，不能再操作` };
  return checkAccountability(state.accountability, itemLadderPosition(state), actor, action, '整改问题');
}

/** The 问责 steps `actor` may take on the item now. */
export function allowedItemAccountabilityActions(state: RectificationItemState, actor: Actor): AccountabilityAction[] {
  return ACCOUNTABILITY_ACTIONS.filter((action) => checkItemAccountability(state, actor, action) === null);
}

/** Whether `actor` may mark the item 重点/难点 or clear the mark now (the office and the leading group, until closed). */
export function checkItemKeyFlag(state: RectificationItemState, actor: Actor, action: KeyFlagAction): Rejection | null {
  return checkKeyFlag(state.keyFlag, actor, action, state.state === 'CLOSED', '整改问题');
}

/** The 重点/难点 steps `actor` may take on the item now. */
export function allowedItemKeyFlagActions(state: RectificationItemState, actor: Actor): KeyFlagAction[] {
  return allowedKeyFlagActions(state.keyFlag, actor, state.state === 'CLOSED');
}

/** Decide what an action records, or why it is refused. Refusals record nothing. `now` is workflow time. */
export function decideItem(state: RectificationItemState, request: ItemActionRequest, now: string): Decision<RectificationItemEvent> {
  const { command, actor, expectedVersion } = request;
  const known = (action: string) => isItemAction(action) || isAccountabilityAction(action) || isKeyFlagCommand(command);
  if (!command || typeof command !== 'object' || typeof command.action !== 'string' || !known(command.action)) {
    return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'action', message: '未知的操作' } };
  }
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
    return { ok: false, rejection: { code: 'CONFLICT', message: `整改问题已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试` } };
  }
  if (command.action === 'PROPOSE_ACCOUNTABILITY' || command.action === 'APPROVE_ACCOUNTABILITY' || command.action === 'RETURN_ACCOUNTABILITY') {
    const rejected = checkItemAccountability(state, actor, command.action) ?? validateAccountability(command);
    return rejected ? { ok: false, rejection: rejected } : { ok: true, events: [accountabilityEvent(command, itemLadderPosition(state))] };
  }
  if (isKeyFlagCommand(command)) {
    const rejected = checkItemKeyFlag(state, actor, command.action) ?? validateKeyFlag(state.keyFlag, command);
    return rejected ? { ok: false, rejection: rejected } : { ok: true, events: [keyFlagEvent(state.keyFlag, command)] };
  }
  const refused = checkItem(state, actor, command.action) ?? validate(state, command, now, actor);
  if (refused) return { ok: false, rejection: refused };
  return { ok: true, events: [toEvent(state, command, now)] };
}

