// What a unit's response to a mobilization document allows, as pure functions: the unit's own people acknowledge
// (签收), submit their 工作实施方案 and register their 创文责任小组 where the document asks; the office approves what
// was handed in or returns it with a reason, after which the unit hands in again. Every check is linear in the
// input's size. Used by the workflow's validator and by the API (the matrix's allowed actions).
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Actor } from '../shared/actor.types';
import type { Decision, Rejection } from '../shared/decision.types';
import type { MobilizationResponseEvent } from './mobilization.events';
import { RESPONSE_ACTION_LABELS } from './mobilization.labels';
import {
  MAX_GROUP_MEMBERS,
  MAX_NAME_CHARS,
  MAX_NOTE_CHARS,
  MAX_REASON_CHARS,
  MAX_SUMMARY_CHARS,
  PHONE_PATTERN,
  RESPONSE_ACTION_ROLES,
  RESPONSE_ACTIONS,
  type MobilizationFile,
  type MobilizationResponseState,
  type ResponseAction,
  type ResponseActionRequest,
  type ResponsibleGroup,
} from './mobilization.types';

const bad = (field: string, message: string): Rejection => ({ code: 'BAD_USER_INPUT', field, message });
const illegal = (message: string): Rejection => ({ code: 'ILLEGAL_TRANSITION', message });

/** Control characters other than line breaks and tabs: refused in every text (injected terminal or log codes). */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) || c === 0x7f) return true;
  }
  return false;
}

/** Length in code points, stopping once past `max` (linear, bounded). */
function tooLong(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let n = 0;
  for (const _ of text) {
    n += 1;
    if (n > max) return true;
  }
  return false;
}

/** A text field: a string, within `max`, without control characters; `required` refuses a blank one. */
export function checkText(value: unknown, field: string, what: string, max: number, required: boolean): Rejection | null {
  if (value === undefined || value === null) return required ? bad(field, `请填写${what}`) : null;
  if (typeof value !== 'string') return bad(field, `${what}格式不正确`);
  if (tooLong(value, max)) return bad(field, `${what}不能超过${max}字`);
  if (hasControl(value)) return bad(field, `${what}含有不允许的控制字符`);
  if (required && value.trim() === '') return bad(field, `请填写${what}`);
  return null;
}

/** A single-line name (组长, 成员): 1–MAX_NAME_CHARS characters, no line breaks. */
function checkName(value: unknown, field: string, what: string): Rejection | null {
  const refused = checkText(value, field, what, MAX_NAME_CHARS, true);
  if (refused) return refused;
  return /[\r\n\t]/.test(value as string) ? bad(field, `${what}不能换行`) : null;
}

export function checkGroup(group: unknown): Rejection | null {
  if (!group || typeof group !== 'object') return bad('group', '请填写创文责任小组');
  const g = group as Partial<ResponsibleGroup>;
  const leader = checkName(g.leader, 'leader', '组长姓名');
  if (leader) return leader;
  if (!Array.isArray(g.members)) return bad('members', '请填写小组成员');
  if (g.members.length === 0) return bad('members', '小组成员至少一人');
  if (g.members.length > MAX_GROUP_MEMBERS) return bad('members', `小组成员最多${MAX_GROUP_MEMBERS}人`);
  for (let i = 0; i < g.members.length; i += 1) {
    const refused = checkName(g.members[i], 'members', `第 ${i + 1} 位成员的姓名`);
    if (refused) return refused;
  }
  if (typeof g.phone !== 'string' || g.phone.length > 20 || !PHONE_PATTERN.test(g.phone.trim())) {
    return bad('phone', '联系电话须为11位手机号或带区号的固定电话（如 021-12345678）');
  }
  return null;
}

export function checkFile(file: unknown, field: string): Rejection | null {
  const f = file as Partial<MobilizationFile> | null;
  if (!f || typeof f !== 'object' || typeof f.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256)) return bad(field, '请先上传文件');
  if (typeof f.name !== 'string' || f.name.length === 0 || f.name.length > 255 || hasControl(f.name)) return bad(field, '文件名格式不正确');
  if (typeof f.size !== 'number' || !Number.isInteger(f.size) || f.size <= 0 || typeof f.mimeType !== 'string' || f.mimeType.length > 200) return bad(field, '文件格式不正确');
  return null;
}

/** The parts still to be handed in, by name (ACKNOWLEDGE, PLAN, GROUP): a returned response owes them again. */
export function missingParts(s: MobilizationResponseState): string[] {
  const missing: string[] = [];
  if (s.acknowledgedAt === null) missing.push('ACKNOWLEDGE');
  const again = s.review === 'RETURNED' || s.acknowledgedAt === null;
  if (s.requiresPlan && (again || s.plan === null)) missing.push('PLAN');
  if (s.requiresGroup && (again || s.group === null)) missing.push('GROUP');
  return missing;
}

/** Nothing more to do: approved, or acknowledged where only 签收 was asked. */
export function responseFinished(s: MobilizationResponseState): boolean {
  if (s.review === 'APPROVED') return true;
  return !s.requiresPlan && !s.requiresGroup && s.acknowledgedAt !== null;
}

/** Whether the actor may take `action` now; the refusal says why, in Chinese. Inputs are not looked at. */
export function checkResponse(s: MobilizationResponseState, actor: Actor, action: ResponseAction): Rejection | null {
  if (!(RESPONSE_ACTIONS as readonly string[]).includes(action)) return bad('action', '未知的操作');
  const what = RESPONSE_ACTION_LABELS[action];
  const roles = RESPONSE_ACTION_ROLES[action];
  if (!roles.includes(actor.role)) return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权${what}（仅限${roles.map((r) => ROLE_LABELS[r]).join('、')}）` };
  const unitAction = action === 'ACKNOWLEDGE' || action === 'SUBMIT_PLAN' || action === 'REGISTER_GROUP';
  if (unitAction && (typeof actor.unitCode !== 'string' || actor.unitCode.trim() === '' || actor.unitCode.trim() !== s.unitCode)) {
    return { code: 'FORBIDDEN', message: `该动员部署文件的办理单位是其他单位，只能由该单位人员${what}` };
  }
  if (!s.opened) return illegal('动员部署文件尚未下发到单位');
  if (responseFinished(s)) return illegal(s.review === 'APPROVED' ? '本单位的材料已审核通过，无需再办理' : '本单位已签收，无需再办理');
  switch (action) {
    case 'ACKNOWLEDGE':
      return s.acknowledgedAt !== null ? illegal('已签收，不能重复签收') : null;
    case 'SUBMIT_PLAN':
    case 'REGISTER_GROUP': {
      const asked = action === 'SUBMIT_PLAN' ? s.requiresPlan : s.requiresGroup;
      if (!asked) return illegal(`该文件不要求${action === 'SUBMIT_PLAN' ? '提交工作实施方案' : '登记创文责任小组'}`);
      if (s.acknowledgedAt === null) return illegal(`请先签收文件，再${what}`);
      if (s.review === 'SUBMITTED') return illegal('材料已提交，正在等待创建办审核，审核前不能修改');
      return null;
    }
    case 'APPROVE':
    case 'RETURN':
      return s.review === 'SUBMITTED' ? null : illegal(s.review === 'RETURNED' ? '已退回，等待单位重新提交' : '单位尚未提交全部材料，不能审核');
    default:
      return bad('action', '未知的操作');
  }
}

export function canTake(s: MobilizationResponseState, actor: Actor, action: ResponseAction): boolean {
  return checkResponse(s, actor, action) === null;
}

export function decideResponse(s: MobilizationResponseState, request: ResponseActionRequest): Decision<MobilizationResponseEvent> {
  const { command, actor, expectedVersion } = request;
  if (!command || typeof command !== 'object' || !(RESPONSE_ACTIONS as readonly string[]).includes(command.action)) {
    return { ok: false, rejection: bad('action', '未知的操作') };
  }
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== s.version) {
    return { ok: false, rejection: { code: 'CONFLICT', message: `已被他人更新（您看到的版本为${expectedVersion}，当前版本为${s.version}），请刷新后重试` } };
  }
  const refused = checkResponse(s, actor, command.action);
  if (refused) return { ok: false, rejection: refused };
  const unitCode = s.unitCode;
  const fail = (rejection: Rejection | null): Decision<MobilizationResponseEvent> | null => (rejection ? { ok: false, rejection } : null);
  switch (command.action) {
    case 'ACKNOWLEDGE':
    case 'APPROVE': {
      const invalid = fail(checkText(command.note, 'note', '意见', MAX_NOTE_CHARS, false));
      if (invalid) return invalid;
      const note = (command.note ?? '').trim();
      return { ok: true, events: [command.action === 'ACKNOWLEDGE' ? { type: 'MobilizationAcknowledged', data: { unitCode, note } } : { type: 'MobilizationApproved', data: { unitCode, note } }] };
    }
    case 'SUBMIT_PLAN': {
      const invalid = fail(checkFile(command.file, 'fileId') ?? checkText(command.summary, 'summary', '方案摘要', MAX_SUMMARY_CHARS, true));
      if (invalid) return invalid;
      const { sha256, name, size, mimeType } = command.file;
      return { ok: true, events: [{ type: 'MobilizationPlanSubmitted', data: { unitCode, file: { sha256, name, size, mimeType }, summary: command.summary.trim() } }] };
    }
    case 'REGISTER_GROUP': {
      const invalid = fail(checkGroup(command.group));
      if (invalid) return invalid;
      const g = command.group;
      return { ok: true, events: [{ type: 'MobilizationGroupRegistered', data: { unitCode, leader: g.leader.trim(), members: g.members.map((m) => m.trim()), phone: g.phone.trim() } }] };
    }
    case 'RETURN': {
      const invalid = fail(checkText(command.reason, 'reason', '退回理由', MAX_REASON_CHARS, true));
      if (invalid) return invalid;
      return { ok: true, events: [{ type: 'MobilizationReturned', data: { unitCode, reason: command.reason.trim() } }] };
    }
    default:
      return { ok: false, rejection: bad('action', '未知的操作') };
  }
}
