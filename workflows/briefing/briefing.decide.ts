// What a briefing allows, as pure functions: the office edits and submits a draft, a leader approves or returns a
// submitted one, the office publishes an approved one, and the head of a unit a published circular names
// acknowledges it once. Published briefings are read-only: every edit is refused with ILLEGAL_TRANSITION.
// Used by the workflow's validator and by the API (the can… fields).
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Actor } from '../shared/actor.types';
import type { Decision, Rejection } from '../shared/decision.types';
import type { BriefingEvent, BriefingHeader } from './briefing.events';
import { BRIEFING_KIND_LABELS, BRIEFING_STATE_LABELS } from './briefing.labels';
import {
  BRIEFING_ACTIONS,
  BRIEFING_ROLES,
  MAX_ACK_DAYS,
  MAX_ATTACHMENTS,
  MAX_HEADING_CHARS,
  MAX_NAMED_UNITS,
  MAX_NOTE_CHARS,
  MAX_SECTION_CHARS,
  MAX_SECTIONS,
  MAX_TITLE_CHARS,
  MAX_TOTAL_CHARS,
  MAX_UNIT_CODE_CHARS,
  type BriefingAction,
  type BriefingActionRequest,
  type BriefingDraft,
  type BriefingStateView,
} from './briefing.types';

const bad = (field: string, message: string): Rejection => ({ code: 'BAD_USER_INPUT', field, message });
/** Characters (code points), counted without building an array; stops counting past `max`. */
function tooLong(text: unknown, max: number): boolean {
  if (typeof text !== 'string') return true;
  if (text.length <= max) return false;
  let n = 0;
  for (const _ of text) if (++n > max) return true;
  return false;
}
// Control characters other than tab and line breaks have no place in a document.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Refuses a draft that is not the right shape or breaks a limit; linear in its size. */
export function checkDraft(draft: BriefingDraft, kindIsCircular: boolean): Rejection | null {
  if (!draft || typeof draft !== 'object') return bad('draft', '简报内容格式不正确');
  if (typeof draft.title !== 'string' || draft.title.trim() === '') return bad('title', '请填写标题');
  if (tooLong(draft.title, MAX_TITLE_CHARS) || CONTROL.test(draft.title) || /[\r\n]/.test(draft.title)) return bad('title', `标题须为一行、不超过${MAX_TITLE_CHARS}字`);
  if (!Array.isArray(draft.sections) || draft.sections.length > MAX_SECTIONS) return bad('sections', `正文最多${MAX_SECTIONS}节`);
  let total = 0;
  for (const [i, s] of draft.sections.entries()) {
    if (!s || typeof s !== 'object' || typeof s.heading !== 'string' || typeof s.body !== 'string') return bad('sections', `第${i + 1}节格式不正确`);
    if (tooLong(s.heading, MAX_HEADING_CHARS) || CONTROL.test(s.heading) || /[\r\n]/.test(s.heading)) return bad('sections', `第${i + 1}节的小标题须为一行、不超过${MAX_HEADING_CHARS}字`);
    if (tooLong(s.body, MAX_SECTION_CHARS) || CONTROL.test(s.body)) return bad('sections', `第${i + 1}节正文不能超过${MAX_SECTION_CHARS}字，且不能含控制字符`);
    total += s.body.length + s.heading.length;
    if (total > MAX_TOTAL_CHARS * 2) return bad('sections', `正文合计不能超过${MAX_TOTAL_CHARS}字`);
  }
  if (draft.sections.reduce((n, s) => n + [...s.body].length, 0) > MAX_TOTAL_CHARS) return bad('sections', `正文合计不能超过${MAX_TOTAL_CHARS}字`);
  if (!Array.isArray(draft.attachments) || draft.attachments.length > MAX_ATTACHMENTS) return bad('attachments', `附件最多${MAX_ATTACHMENTS}个`);
  for (const a of draft.attachments) {
    if (!a || typeof a.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(a.sha256) || typeof a.name !== 'string' || tooLong(a.name, 255)) return bad('attachments', '附件格式不正确');
  }
  if (!Array.isArray(draft.namedUnits) || draft.namedUnits.length > MAX_NAMED_UNITS) return bad('namedUnits', `点名单位最多${MAX_NAMED_UNITS}个`);
  if (!kindIsCircular && draft.namedUnits.length > 0) return bad('namedUnits', '工作简报不点名单位，只有督查通报可以点名单位签收');
  const seen = new Set<string>();
  for (const code of draft.namedUnits) {
    if (typeof code !== 'string' || code.trim() === '' || code.length > MAX_UNIT_CODE_CHARS) return bad('namedUnits', '单位编码格式不正确');
    if (seen.has(code)) return bad('namedUnits', `单位「${code}」重复`);
    seen.add(code);
  }
  if (!Number.isInteger(draft.ackDays) || draft.ackDays < 1 || draft.ackDays > MAX_ACK_DAYS) return bad('ackDays', `签收期限须为 1 到 ${MAX_ACK_DAYS} 天`);
  return null;
}

function label(state: BriefingStateView): string {
  return `${BRIEFING_KIND_LABELS[state.kind]}${state.number ? `（${state.number}）` : ''}`;
}

/** Whether `actor` may take `action` on the briefing now; the reason in Chinese when not. */
export function checkBriefing(state: BriefingStateView, actor: Actor, action: BriefingAction): Rejection | null {
  const what = label(state);
  if (!(BRIEFING_ACTIONS as readonly string[]).includes(action)) return { code: 'BAD_USER_INPUT', field: 'action', message: '未知的操作' };
  if (!BRIEFING_ROLES[action].includes(actor.role)) {
    return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权${ACTION_LABELS[action]}${what}` };
  }
  if (action === 'ACKNOWLEDGE') {
    if (state.state !== 'PUBLISHED') return { code: 'ILLEGAL_TRANSITION', message: `${what}尚未印发，暂不能签收` };
    const ack = state.acks.find((a) => a.unitCode === actor.unitCode);
    if (!ack || actor.unitCode === null) return { code: 'FORBIDDEN', message: `${what}未点名贵单位，无需签收` };
    if (ack.acknowledgedAt !== null) return { code: 'ILLEGAL_TRANSITION', message: `贵单位已签收${what}，不能重复签收` };
    return null;
  }
  if (state.state === 'PUBLISHED') return { code: 'ILLEGAL_TRANSITION', message: `${what}已印发，为只读文件，不能再${ACTION_LABELS[action]}` };
  const needs: Record<Exclude<BriefingAction, 'ACKNOWLEDGE'>, BriefingStateView['state']> = {
    UPDATE_DRAFT: 'DRAFT',
    SUBMIT: 'DRAFT',
    APPROVE: 'SUBMITTED',
    RETURN: 'SUBMITTED',
    PUBLISH: 'APPROVED',
  };
  if (state.state !== needs[action]) {
    return { code: 'ILLEGAL_TRANSITION', message: `${what}当前为「${BRIEFING_STATE_LABELS[state.state]}」，不能${ACTION_LABELS[action]}` };
  }
  if (action === 'SUBMIT' && state.sections.every((s) => s.body.trim() === '')) return { code: 'BAD_USER_INPUT', field: 'sections', message: '正文为空，不能提交审批' };
  if (action === 'SUBMIT' && state.kind === 'SUPERVISION_CIRCULAR' && state.namedUnits.length === 0) {
    // A circular without named units is allowed (a general 通报); nothing to check.
  }
  return null;
}

export const ACTION_LABELS: Record<BriefingAction, string> = {
  UPDATE_DRAFT: '修改',
  SUBMIT: '提交审批',
  APPROVE: '批准',
  RETURN: '退回',
  PUBLISH: '印发',
  ACKNOWLEDGE: '签收',
};

export function canTake(state: BriefingStateView, actor: Actor, action: BriefingAction): boolean {
  return checkBriefing(state, actor, action) === null;
}

function header(state: BriefingStateView): BriefingHeader {
  return { campaignId: state.campaignId, kind: state.kind, title: state.title };
}

function note(text: unknown, field: string, required: boolean, what: string): string | Rejection {
  if (text === undefined || text === null) return required ? bad(field, `请填写${what}`) : '';
  if (typeof text !== 'string' || tooLong(text, MAX_NOTE_CHARS) || CONTROL.test(text)) return bad(field, `${what}不能超过${MAX_NOTE_CHARS}字，且不能含控制字符`);
  if (required && text.trim() === '') return bad(field, `请填写${what}`);
  return text.trim();
}

export function decideBriefing(state: BriefingStateView, request: BriefingActionRequest): Decision<BriefingEvent> {
  const { command, actor, expectedVersion } = request;
  if (!command || typeof command !== 'object' || !(BRIEFING_ACTIONS as readonly string[]).includes(command.action)) {
    return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'action', message: '未知的操作' } };
  }
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
    return { ok: false, rejection: { code: 'CONFLICT', message: `简报已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试` } };
  }
  const refused = checkBriefing(state, actor, command.action);
  if (refused) return { ok: false, rejection: refused };
  const fail = (rejection: Rejection): Decision<BriefingEvent> => ({ ok: false, rejection });
  switch (command.action) {
    case 'UPDATE_DRAFT': {
      const wrong = checkDraft(command.draft, state.kind === 'SUPERVISION_CIRCULAR');
      if (wrong) return fail(wrong);
      return { ok: true, events: [{ type: 'BriefingDraftUpdated', data: command.draft }] };
    }
    case 'SUBMIT':
      return { ok: true, events: [{ type: 'BriefingSubmitted', data: header(state) }] };
    case 'APPROVE': {
      const text = note(command.note, 'note', false, '审批意见');
      if (typeof text !== 'string') return fail(text);
      return { ok: true, events: [{ type: 'BriefingApproved', data: { ...header(state), note: text } }] };
    }
    case 'RETURN': {
      const text = note(command.reason, 'reason', true, '退回理由');
      if (typeof text !== 'string') return fail(text);
      return { ok: true, events: [{ type: 'BriefingReturned', data: { ...header(state), reason: text } }] };
    }
    case 'PUBLISH': {
      // The validator judges legality alone; the workflow's handler adds the number and the PDF.
      const p = command.publication;
      if (!p) return { ok: true, events: [] };
      const ackDueAt = state.namedUnits.length > 0 ? new Date(Date.parse(p.publishedAt) + state.ackDays * 86_400_000).toISOString() : null;
      return {
        ok: true,
        events: [
          {
            type: 'BriefingPublished',
            data: { ...header(state), number: p.number, year: p.year, seq: p.seq, pdfFileId: p.pdfSha256, pdfName: p.pdfName, pdfSize: p.pdfSize, namedUnits: [...state.namedUnits], ackDueAt },
          },
        ],
      };
    }
    case 'ACKNOWLEDGE': {
      const text = note(command.note, 'note', false, '签收意见');
      if (typeof text !== 'string') return fail(text);
      return { ok: true, events: [{ type: 'BriefingAcknowledged', data: { unitCode: actor.unitCode!, note: text } }] };
    }
    default:
      return fail({ code: 'BAD_USER_INPUT', field: 'action', message: '未知的操作' });
  }
}
