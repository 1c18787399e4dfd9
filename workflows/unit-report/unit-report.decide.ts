// What a unit's monthly report allows, as pure functions: the unit's own people submit it while it is open or
// returned; the office accepts it or returns it with a reason while it awaits review. Used by the workflow's
// validator and by the API (canSubmit, canReview). Every check is linear in the size of the command.
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Actor } from '../shared/actor.types';
import type { Decision, Rejection } from '../shared/decision.types';
import type { UnitReportEvent } from './unit-report.events';
import { monthLabel, UNIT_REPORT_STATE_LABELS } from './unit-report.labels';
import {
  MAX_ATTACHMENTS,
  MAX_ATTACHMENTS_TOTAL_BYTES,
  MAX_ATTACHMENT_BYTES,
  MAX_REASON_CHARS,
  MAX_REPORT_PART_CHARS,
  UNIT_REPORT_ACTIONS,
  UNIT_REPORT_REVIEW_ROLES,
  UNIT_REPORT_SUBMIT_ROLES,
  type UnitReportAction,
  type UnitReportActionRequest,
  type UnitReportAttachment,
  type UnitReportState,
} from './unit-report.types';

const SHA256 = /^[0-9a-f]{64}$/;
const MAX_NAME_CHARS = 255;

export function unitReportActionRoles(action: UnitReportAction) {
  return action === 'SUBMIT' ? UNIT_REPORT_SUBMIT_ROLES : UNIT_REPORT_REVIEW_ROLES;
}

export function checkUnitReport(state: UnitReportState, actor: Actor, action: UnitReportAction): Rejection | null {
  const what = `${monthLabel(state.month)}专题汇报`;
  const roles = unitReportActionRoles(action);
  if (!roles.includes(actor.role)) {
    return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权${action === 'SUBMIT' ? '报送' : action === 'ACCEPT' ? '采用' : '退回'}${what}（仅限${roles.map((r) => ROLE_LABELS[r]).join('、')}）` };
  }
  if (action === 'SUBMIT') {
    if (actor.unitCode === null || actor.unitCode !== state.unitCode) return { code: 'FORBIDDEN', message: `这份${what}属于其他单位，只能由该单位报送` };
    if (state.state !== 'OPEN' && state.state !== 'RETURNED') return { code: 'ILLEGAL_TRANSITION', message: `${what}${UNIT_REPORT_STATE_LABELS[state.state]}，不能再次报送` };
    return null;
  }
  if (state.state !== 'SUBMITTED') return { code: 'ILLEGAL_TRANSITION', message: `${what}${UNIT_REPORT_STATE_LABELS[state.state]}，${action === 'ACCEPT' ? '不能采用' : '不能退回'}` };
  return null;
}

export function canSubmitUnitReport(state: UnitReportState, actor: Actor): boolean {
  return checkUnitReport(state, actor, 'SUBMIT') === null;
}

export function canReviewUnitReport(state: UnitReportState, actor: Actor): boolean {
  return checkUnitReport(state, actor, 'ACCEPT') === null;
}

function badInput(field: string, message: string): Decision<UnitReportEvent> {
  return { ok: false, rejection: { code: 'BAD_USER_INPUT', field, message } };
}

/** A text part of the report: a string of at most `max` characters, counted without building an array. */
export function textWithin(value: unknown, max: number): value is string {
  if (typeof value !== 'string' || value.length > max * 2) return false;
  let chars = 0;
  for (const _ of value) if (++chars > max) return false;
  return true;
}

export function checkAttachments(value: unknown): string | null {
  if (!Array.isArray(value)) return '附件格式不正确';
  if (value.length > MAX_ATTACHMENTS) return `附件最多 ${MAX_ATTACHMENTS} 个`;
  let total = 0;
  const seen = new Set<string>();
  for (const a of value as Partial<UnitReportAttachment>[]) {
    if (!a || typeof a !== 'object' || typeof a.sha256 !== 'string' || !SHA256.test(a.sha256)) return '附件格式不正确';
    if (!textWithin(a.name, MAX_NAME_CHARS) || a.name.trim() === '' || typeof a.mimeType !== 'string' || a.mimeType.length > 200) return '附件文件名格式不正确';
    if (typeof a.size !== 'number' || !Number.isInteger(a.size) || a.size <= 0 || a.size > MAX_ATTACHMENT_BYTES) return `每个附件不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`;
    if (seen.has(a.sha256)) return `附件「${a.name}」重复`;
    seen.add(a.sha256);
    total += a.size;
  }
  if (total > MAX_ATTACHMENTS_TOTAL_BYTES) return `附件合计不超过 ${MAX_ATTACHMENTS_TOTAL_BYTES / 1024 / 1024} MB`;
  return null;
}

export function decideUnitReport(state: UnitReportState, request: UnitReportActionRequest): Decision<UnitReportEvent> {
  const { command, actor, expectedVersion } = request;
  if (!command || typeof command !== 'object' || !(UNIT_REPORT_ACTIONS as readonly string[]).includes(command.action)) return badInput('action', '未知的操作');
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
    return { ok: false, rejection: { code: 'CONFLICT', message: `专题汇报已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试` } };
  }
  const refused = checkUnitReport(state, actor, command.action);
  if (refused) return { ok: false, rejection: refused };
  const about = { campaignId: state.campaignId, unitCode: state.unitCode, month: state.month };
  switch (command.action) {
    case 'SUBMIT': {
      for (const [field, label, required] of [
        ['progress', '工作进展', true],
        ['problems', '存在问题', false],
        ['nextSteps', '下步打算', true],
      ] as const) {
        const value = command[field];
        if (!textWithin(value, MAX_REPORT_PART_CHARS)) return badInput(field, `${label}格式不正确或超过${MAX_REPORT_PART_CHARS}字`);
        if (required && value.trim() === '') return badInput(field, `请填写${label}`);
      }
      const bad = checkAttachments(command.attachments);
      if (bad) return badInput('attachments', bad);
      const attachments = command.attachments.map((a) => ({ sha256: a.sha256, name: a.name.trim(), size: a.size, mimeType: a.mimeType }));
      return {
        ok: true,
        events: [
          {
            type: 'UnitReportSubmitted',
            data: { ...about, progress: command.progress.trim(), problems: command.problems.trim(), nextSteps: command.nextSteps.trim(), attachments, resubmission: state.submissions > 0 },
          },
        ],
      };
    }
    case 'ACCEPT': {
      const note = command.note ?? '';
      if (!textWithin(note, MAX_REASON_CHARS)) return badInput('note', `意见格式不正确或超过${MAX_REASON_CHARS}字`);
      return { ok: true, events: [{ type: 'UnitReportAccepted', data: { ...about, note: note.trim() } }] };
    }
    case 'RETURN': {
      if (!textWithin(command.reason, MAX_REASON_CHARS) || command.reason.trim() === '') return badInput('reason', `请填写退回理由（不超过${MAX_REASON_CHARS}字）`);
      return { ok: true, events: [{ type: 'UnitReportReturned', data: { ...about, reason: command.reason.trim() } }] };
    }
    default:
      return badInput('action', '未知的操作');
  }
}
