// What a library document allows, as pure functions: the archivist accepts or returns a submitted document; whoever
// may hand it in (the office; for a unit's own document, that unit) resubmits a returned one. Used by the
// workflow's validator and by the API (canAccept, canReturn, canResubmit).
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Actor } from '../shared/actor.types';
import type { Decision, Rejection } from '../shared/decision.types';
import type { ArchiveLibraryEvent } from './archive-library.events';
import {
  LIBRARY_ACTIONS,
  LIBRARY_REVIEWER_ROLES,
  LIBRARY_SUBMITTER_ROLES,
  MAX_LIBRARY_REASON_CHARS,
  MAX_LIBRARY_TAGS,
  MAX_LIBRARY_TITLE_CHARS,
  type LibraryAction,
  type LibraryActionRequest,
  type LibraryDocumentState,
} from './archive-library.types';

/** Whether `actor` may hand in a document of `unitCode` (null: the office's own). */
export function maySubmitFor(actor: Actor, unitCode: string | null): boolean {
  if (!LIBRARY_SUBMITTER_ROLES.includes(actor.role)) return false;
  if (actor.role === 'OFFICE') return true;
  return unitCode !== null && actor.unitCode !== null && actor.unitCode === unitCode;
}

export function checkLibrary(state: LibraryDocumentState, actor: Actor, action: LibraryAction): Rejection | null {
  const what = `档案资料「${state.title}」`;
  if (action === 'ACCEPT' || action === 'RETURN') {
    if (!LIBRARY_REVIEWER_ROLES.includes(actor.role)) return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权验收档案资料（仅限档案管理员）` };
    if (state.state !== 'SUBMITTED') return { code: 'ILLEGAL_TRANSITION', message: `${what}当前不是待验收状态，不能${action === 'ACCEPT' ? '验收' : '退回'}` };
    return null;
  }
  if (action === 'RESUBMIT') {
    if (!maySubmitFor(actor, state.unitCode)) return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权重新提交${what}（仅限创建办或该单位）` };
    if (state.state !== 'RETURNED') return { code: 'ILLEGAL_TRANSITION', message: `${what}未被退回，不能重新提交` };
    return null;
  }
  return { code: 'BAD_USER_INPUT', field: 'action', message: '未知的操作' };
}

export const canLibrary = (state: LibraryDocumentState, actor: Actor, action: LibraryAction): boolean => checkLibrary(state, actor, action) === null;

function tooLong(text: unknown, max: number): boolean {
  return typeof text !== 'string' || [...text].length > max;
}

export function decideLibrary(state: LibraryDocumentState, request: LibraryActionRequest): Decision<ArchiveLibraryEvent> {
  const { command, actor, expectedVersion } = request;
  if (!command || typeof command !== 'object' || !(LIBRARY_ACTIONS as readonly string[]).includes(command.action)) {
    return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'action', message: '未知的操作' } };
  }
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
    return { ok: false, rejection: { code: 'CONFLICT', message: `档案资料已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试` } };
  }
  const refused = checkLibrary(state, actor, command.action);
  if (refused) return { ok: false, rejection: refused };
  switch (command.action) {
    case 'ACCEPT': {
      const note = command.note ?? '';
      if (tooLong(note, MAX_LIBRARY_REASON_CHARS)) return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'note', message: `验收意见不能超过${MAX_LIBRARY_REASON_CHARS}字` } };
      return { ok: true, events: [{ type: 'LibraryDocumentAccepted', data: { note: note.trim() } }] };
    }
    case 'RETURN': {
      const reason = typeof command.reason === 'string' ? command.reason.trim() : '';
      if (reason === '' || tooLong(reason, MAX_LIBRARY_REASON_CHARS)) return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'reason', message: `请填写退回原因（不超过${MAX_LIBRARY_REASON_CHARS}字）` } };
      return { ok: true, events: [{ type: 'LibraryDocumentReturned', data: { reason, campaignId: state.campaignId, unitCode: state.unitCode, submittedBy: state.submittedBy, title: state.title } }] };
    }
    case 'RESUBMIT': {
      const title = typeof command.title === 'string' ? command.title.trim() : '';
      if (title === '' || tooLong(title, MAX_LIBRARY_TITLE_CHARS)) return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'title', message: `请填写标题（不超过${MAX_LIBRARY_TITLE_CHARS}字）` } };
      if (!Array.isArray(command.tags) || command.tags.length > MAX_LIBRARY_TAGS) return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'tags', message: `标签最多${MAX_LIBRARY_TAGS}个` } };
      if (!command.file || typeof command.file.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(command.file.sha256)) return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'fileId', message: '请上传文件' } };
      const note = command.note ?? '';
      if (tooLong(note, MAX_LIBRARY_REASON_CHARS)) return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'note', message: `说明不能超过${MAX_LIBRARY_REASON_CHARS}字` } };
      return { ok: true, events: [{ type: 'LibraryDocumentResubmitted', data: { title, file: command.file, tags: command.tags, note: note.trim(), campaignId: state.campaignId, unitCode: state.unitCode } }] };
    }
    default:
      return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'action', message: '未知的操作' } };
  }
}
