// What a self-evaluation round allows, as pure functions: a unit's head or member submits the unit's own form (the
// office the sub-district's), covering each of the unit's tasks once; the office returns a submitted form with a
// reason, and the unit resubmits; the office closes the round, after which nothing changes. Used by the workflow's
// validator and by the API. Every check is linear in the size of the command.
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Actor } from '../shared/actor.types';
import type { Decision, Rejection } from '../shared/decision.types';
import type { SelfEvaluationEvent } from './self-evaluation.events';
import { formOf } from './self-evaluation.evolve';
import {
  GRADES,
  MAX_NOTE_CHARS,
  MAX_REASON_CHARS,
  MAX_TEXT_CHARS,
  SELF_EVALUATION_ACTIONS,
  SELF_EVALUATION_OFFICE,
  SELF_STATUSES,
  SUBDISTRICT_CODE,
  type FormContent,
  type FormItem,
  type SelfEvaluationAction,
  type SelfEvaluationActionRequest,
  type SelfEvaluationState,
} from './self-evaluation.types';

/** A text of at most `max` characters, counted without building an array. */
export function textWithin(value: unknown, max: number): value is string {
  if (typeof value !== 'string' || value.length > max * 2) return false;
  let chars = 0;
  for (const _ of value) if (++chars > max) return false;
  return true;
}

/** Whether the actor fills the form of `unitCode`: its own unit's people, or the office for the sub-district. */
export function fillsFormOf(actor: Actor, unitCode: string): boolean {
  if (unitCode === SUBDISTRICT_CODE) return SELF_EVALUATION_OFFICE.includes(actor.role);
  return (actor.role === 'UNIT_HEAD' || actor.role === 'UNIT_MEMBER') && actor.unitCode === unitCode;
}

/** Why the actor may not take the action on this round (and unit), or null. */
export function checkSelfEvaluation(state: SelfEvaluationState, actor: Actor, action: SelfEvaluationAction, unitCode?: string): Rejection | null {
  const what = `自查自评「${state.title}」`;
  if (state.state === 'CLOSED') return { code: 'ILLEGAL_TRANSITION', message: `${what}已结束，自评表已锁定，不能再修改` };
  if (action === 'SUBMIT') {
    if (unitCode === undefined || !state.units.some((u) => u.unitCode === unitCode)) return { code: 'BAD_USER_INPUT', field: 'unitCode', message: '该单位不在本轮自查自评范围内' };
    if (!fillsFormOf(actor, unitCode)) {
      return { code: 'FORBIDDEN', message: unitCode === SUBDISTRICT_CODE ? '街道自评表由创建办填报' : `「${ROLE_LABELS[actor.role]}」只能填报本单位的自评表` };
    }
    if (formOf(state, unitCode)?.state === 'SUBMITTED') return { code: 'ILLEGAL_TRANSITION', message: `${what}中该单位的自评表已提交，创建办退回后才能修改` };
    return null;
  }
  if (!SELF_EVALUATION_OFFICE.includes(actor.role)) {
    return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权${action === 'RETURN' ? '退回自评表' : '结束自查自评'}（仅限创建办）` };
  }
  if (action === 'RETURN') {
    if (unitCode === undefined || formOf(state, unitCode)?.state !== 'SUBMITTED') return { code: 'ILLEGAL_TRANSITION', message: '只能退回已提交的自评表' };
  }
  return null;
}

export const canSubmitSelfEvaluation = (state: SelfEvaluationState, actor: Actor, unitCode: string) => checkSelfEvaluation(state, actor, 'SUBMIT', unitCode) === null;

function badInput(field: string, message: string): Decision<SelfEvaluationEvent> {
  return { ok: false, rejection: { code: 'BAD_USER_INPUT', field, message } };
}

/** What is wrong with a form's content for the unit's tasks, or null: each task once, known statuses, bounded texts. */
export function checkForm(state: SelfEvaluationState, unitCode: string, form: Partial<Record<keyof FormContent, unknown>>): { field: string; message: string } | null {
  const tasks = state.units.find((u) => u.unitCode === unitCode)?.taskIds ?? [];
  const own = new Set(tasks);
  if (!Array.isArray(form.items) || form.items.length > tasks.length) return { field: 'items', message: `请逐项填写本单位的 ${tasks.length} 项任务` };
  const seen = new Set<string>();
  for (const item of form.items as Partial<Record<keyof FormItem, unknown>>[]) {
    if (!item || typeof item !== 'object' || typeof item.taskId !== 'string' || !own.has(item.taskId)) return { field: 'items', message: '自评的任务不是本单位的任务' };
    if (seen.has(item.taskId)) return { field: 'items', message: '同一任务只能自评一次' };
    seen.add(item.taskId);
    if (!(SELF_STATUSES as readonly unknown[]).includes(item.status)) return { field: 'items', message: '未知的自评结果' };
    if (!textWithin(item.note ?? '', MAX_NOTE_CHARS)) return { field: 'items', message: `每项说明不能超过${MAX_NOTE_CHARS}字` };
  }
  if (seen.size !== tasks.length) return { field: 'items', message: `请逐项填写本单位的 ${tasks.length} 项任务（已填 ${seen.size} 项）` };
  const texts = [
    ['achievements', '主要成绩'],
    ['shortcomings', '存在不足'],
    ['nextSteps', '下一步打算'],
  ] as const;
  for (const [field, label] of texts) {
    const value = form[field];
    if (typeof value !== 'string' || !textWithin(value, MAX_TEXT_CHARS)) return { field, message: `${label}不能超过${MAX_TEXT_CHARS}字` };
    if (value.trim() === '') return { field, message: `请填写${label}` };
  }
  if (!(GRADES as readonly unknown[]).includes(form.selfGrade)) return { field: 'selfGrade', message: '请选择自评等次' };
  return null;
}

export function decideSelfEvaluation(state: SelfEvaluationState, request: SelfEvaluationActionRequest): Decision<SelfEvaluationEvent> {
  const { command, actor, expectedVersion } = request;
  if (!command || typeof command !== 'object' || !(SELF_EVALUATION_ACTIONS as readonly string[]).includes(command.action)) return badInput('action', '未知的操作');
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
    return { ok: false, rejection: { code: 'CONFLICT', message: `自查自评已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试` } };
  }
  const unitCode = command.action === 'CLOSE' ? undefined : typeof command.unitCode === 'string' ? command.unitCode : '';
  const refused = checkSelfEvaluation(state, actor, command.action, unitCode);
  if (refused) return { ok: false, rejection: refused };
  const about = { campaignId: state.campaignId, title: state.title };
  switch (command.action) {
    case 'SUBMIT': {
      const bad = checkForm(state, command.unitCode, command);
      if (bad) return badInput(bad.field, bad.message);
      const items = command.items.map((i) => ({ taskId: i.taskId, status: i.status, note: (i.note ?? '').trim() }));
      const resubmission = formOf(state, command.unitCode) !== null;
      const { achievements, shortcomings, nextSteps, selfGrade } = command;
      return {
        ok: true,
        events: [{ type: 'SelfEvaluationSubmitted', data: { ...about, unitCode: command.unitCode, items, achievements: achievements.trim(), shortcomings: shortcomings.trim(), nextSteps: nextSteps.trim(), selfGrade, resubmission } }],
      };
    }
    case 'RETURN': {
      if (!textWithin(command.reason, MAX_REASON_CHARS) || command.reason.trim() === '') return badInput('reason', `请填写退回原因（不超过${MAX_REASON_CHARS}字）`);
      return { ok: true, events: [{ type: 'SelfEvaluationReturned', data: { ...about, unitCode: command.unitCode, reason: command.reason.trim() } }] };
    }
    case 'CLOSE': {
      const note = command.note ?? '';
      if (!textWithin(note, MAX_REASON_CHARS)) return badInput('note', `说明不能超过${MAX_REASON_CHARS}字`);
      return { ok: true, events: [{ type: 'SelfEvaluationClosed', data: { ...about, note: note.trim() } }] };
    }
    default:
      return badInput('action', '未知的操作');
  }
}
