// What a survey round allows, as pure functions: the office records a community's results while the round is open
// (again, to correct them) and closes it once every community has results; a closed round changes no more. Counts
// are whole numbers from 0 to the sample, the sample from 1 to MAX_SAMPLE. Used by the workflow's validator and by
// the API (canRecord, canClose). Every check is linear in the size of the command.
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Actor } from '../shared/actor.types';
import type { Decision, Rejection } from '../shared/decision.types';
import type { SurveyRoundEvent } from './survey-round.events';
import { missingCommunities } from './survey-round.evolve';
import { SURVEY_COUNT_LABELS } from './survey-round.labels';
import {
  MAX_NOTE_CHARS,
  MAX_SAMPLE,
  SURVEY_MEASURES,
  SURVEY_ROLES,
  SURVEY_ROUND_ACTIONS,
  type SurveyCounts,
  type SurveyRoundAction,
  type SurveyRoundActionRequest,
  type SurveyRoundState,
} from './survey-round.types';

const ACTION_VERBS: Record<SurveyRoundAction, string> = { RECORD_RESULTS: '录入', CLOSE: '结束' };

/** A text of at most `max` characters, counted without building an array. */
export function textWithin(value: unknown, max: number): value is string {
  if (typeof value !== 'string' || value.length > max * 2) return false;
  let chars = 0;
  for (const _ of value) if (++chars > max) return false;
  return true;
}

export function checkSurveyRound(state: SurveyRoundState, actor: Actor, action: SurveyRoundAction): Rejection | null {
  const what = `问卷调查「${state.title}」`;
  if (!SURVEY_ROLES.includes(actor.role)) {
    return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权${ACTION_VERBS[action]}${what}（仅限${SURVEY_ROLES.map((r) => ROLE_LABELS[r]).join('、')}）` };
  }
  if (state.state === 'CLOSED') return { code: 'ILLEGAL_TRANSITION', message: `${what}已结束，数据已锁定，不能再${action === 'CLOSE' ? '结束' : '修改'}` };
  if (action === 'CLOSE') {
    const missing = missingCommunities(state);
    if (missing.length > 0) return { code: 'ILLEGAL_TRANSITION', message: `${what}尚有 ${missing.length} 个社区未录入结果，不能结束` };
  }
  return null;
}

export const canRecordSurvey = (state: SurveyRoundState, actor: Actor) => checkSurveyRound(state, actor, 'RECORD_RESULTS') === null;
export const canCloseSurvey = (state: SurveyRoundState, actor: Actor) => checkSurveyRound(state, actor, 'CLOSE') === null;

function badInput(field: string, message: string): Decision<SurveyRoundEvent> {
  return { ok: false, rejection: { code: 'BAD_USER_INPUT', field, message } };
}

const isCount = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= max;

/** What is wrong with a community's counts, or null: whole numbers, the sample 1–MAX_SAMPLE, each count ≤ the sample. */
export function checkCounts(counts: Partial<Record<keyof SurveyCounts, unknown>>): { field: string; message: string } | null {
  if (!isCount(counts.sample, MAX_SAMPLE) || counts.sample < 1) return { field: 'sample', message: `样本量须为 1 到 ${MAX_SAMPLE} 之间的整数` };
  for (const m of SURVEY_MEASURES) {
    const v = counts[m];
    if (!isCount(v, MAX_SAMPLE)) return { field: m, message: `${SURVEY_COUNT_LABELS[m]}须为不小于 0 的整数` };
    if (v > counts.sample) return { field: m, message: `${SURVEY_COUNT_LABELS[m]}（${v}）不能超过样本量（${counts.sample}）` };
  }
  return null;
}

export function decideSurveyRound(state: SurveyRoundState, request: SurveyRoundActionRequest): Decision<SurveyRoundEvent> {
  const { command, actor, expectedVersion } = request;
  if (!command || typeof command !== 'object' || !(SURVEY_ROUND_ACTIONS as readonly string[]).includes(command.action)) return badInput('action', '未知的操作');
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
    return { ok: false, rejection: { code: 'CONFLICT', message: `问卷调查已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试` } };
  }
  const refused = checkSurveyRound(state, actor, command.action);
  if (refused) return { ok: false, rejection: refused };
  const about = { campaignId: state.campaignId, title: state.title };
  switch (command.action) {
    case 'RECORD_RESULTS': {
      if (typeof command.unitCode !== 'string' || !state.unitCodes.includes(command.unitCode)) return badInput('unitCode', '该社区不在本轮调查范围内');
      const bad = checkCounts(command);
      if (bad) return badInput(bad.field, bad.message);
      const { unitCode, sample, aware, supporting, participating, satisfied } = command;
      const amended = state.results.some((r) => r.unitCode === unitCode);
      return { ok: true, events: [{ type: 'SurveyResultsRecorded', data: { ...about, unitCode, sample, aware, supporting, participating, satisfied, amended } }] };
    }
    case 'CLOSE': {
      const note = command.note ?? '';
      if (!textWithin(note, MAX_NOTE_CHARS)) return badInput('note', `说明不能超过${MAX_NOTE_CHARS}字`);
      return { ok: true, events: [{ type: 'SurveyRoundClosed', data: { ...about, note: note.trim() } }] };
    }
    default:
      return badInput('action', '未知的操作');
  }
}
