// What a package allows, as pure functions: the office records its hand-over (送审) once it is built, and only once.
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Actor } from '../shared/actor.types';
import type { Decision, Rejection } from '../shared/decision.types';
import type { ArchivePackageEvent } from './archive-package.events';
import { MAX_PACKAGE_NOTE_CHARS, PACKAGE_ACTIONS, PACKAGE_SUBMITTER_ROLES, type PackageAction, type PackageActionRequest, type ArchivePackageState } from './archive-package.types';

export function checkPackage(state: ArchivePackageState, actor: Actor, action: PackageAction): Rejection | null {
  if (action !== 'SUBMIT') return { code: 'BAD_USER_INPUT', field: 'action', message: '未知的操作' };
  if (!PACKAGE_SUBMITTER_ROLES.includes(actor.role)) return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权送审档案包（仅限创建办）` };
  if (state.state === 'SUBMITTED') return { code: 'ILLEGAL_TRANSITION', message: '该档案包已送审，不能重复送审' };
  if (state.state !== 'BUILT' || state.sha256 === null) return { code: 'ILLEGAL_TRANSITION', message: state.state === 'FAILED' ? '该档案包生成失败，不能送审，请重新生成' : '档案包尚未生成完毕，不能送审' };
  return null;
}

export const canSubmitPackage = (state: ArchivePackageState, actor: Actor): boolean => checkPackage(state, actor, 'SUBMIT') === null;

export function decidePackage(state: ArchivePackageState, request: PackageActionRequest): Decision<ArchivePackageEvent> {
  const { command, actor } = request;
  if (!command || typeof command !== 'object' || !(PACKAGE_ACTIONS as readonly string[]).includes(command.action)) {
    return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'action', message: '未知的操作' } };
  }
  const refused = checkPackage(state, actor, command.action);
  if (refused) return { ok: false, rejection: refused };
  const note = command.note ?? '';
  if (typeof note !== 'string' || [...note].length > MAX_PACKAGE_NOTE_CHARS) {
    return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'note', message: `送审说明不能超过${MAX_PACKAGE_NOTE_CHARS}字` } };
  }
  return { ok: true, events: [{ type: 'ArchivePackageSubmitted', data: { sha256: state.sha256!, note: note.trim() } }] };
}
