// What an inspection round allows and records, as pure functions: PLANNED → IN_PROGRESS → CLOSED, findings while
// in progress, criterion scores for mock assessments. Used by the round workflow's validators, the API and the
// projection; how the events change the state is inspection-round.evolve.ts.
import type { CriterionScore } from '../indicator-task/indicator-task.types';
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Actor } from '../shared/actor.types';
import { assertNever } from '../shared/assert-never';
import type { Decision, Rejection } from '../shared/decision.types';
import type { InspectionRoundEvent } from './inspection-round.events';
import { ROUND_ACTION_LABELS, ROUND_STATE_LABELS } from './inspection-round.labels';
import { ROUND_ACTIONS, ROUND_ROLES, type InspectionRoundState, type RoundAction, type RoundActionRequest, type RoundCommand, type RoundState } from './inspection-round.types';

const RULES: Record<RoundAction, { states: readonly RoundState[] }> = {
  START_ROUND: { states: ['PLANNED'] },
  RECORD_FINDING: { states: ['IN_PROGRESS'] },
  RECORD_SCORES: { states: ['IN_PROGRESS'] },
  CLOSE_ROUND: { states: ['IN_PROGRESS'] },
};

export function checkRound(state: InspectionRoundState, actor: Actor, action: RoundAction): Rejection | null {
  const label = ROUND_ACTION_LABELS[action];
  if (!ROUND_ROLES.includes(actor.role)) return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权执行「${label}」` };
  if (!RULES[action].states.includes(state.state)) {
    return { code: 'ILLEGAL_TRANSITION', message: `检查轮次处于「${ROUND_STATE_LABELS[state.state]}」状态，不能执行「${label}」` };
  }
  if (action === 'RECORD_SCORES' && state.kind !== 'MOCK_ASSESSMENT') return { code: 'ILLEGAL_TRANSITION', message: '只有模拟测评轮次需要录入测评得分' };
  return null;
}

/** What the person may do now, recording a finding included (a client shows its form only when it is allowed). */
export function allowedRoundActions(state: InspectionRoundState, actor: Actor): RoundAction[] {
  return ROUND_ACTIONS.filter((a) => checkRound(state, actor, a) === null);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The round's latest score per criterion, after `scores` are recorded over `previous`. */
export function mergeScores(previous: readonly CriterionScore[], scores: readonly CriterionScore[]): { scores: CriterionScore[]; score: number; maxScore: number; scoreRate: number | null } {
  const byCode = new Map(previous.map((s) => [s.criterionCode, s]));
  for (const s of scores) byCode.set(s.criterionCode, { criterionCode: s.criterionCode, points: s.points, score: s.score });
  const merged = [...byCode.values()].sort((a, b) => a.criterionCode.localeCompare(b.criterionCode, 'en', { numeric: true }));
  const score = round2(merged.reduce((n, s) => n + s.score, 0));
  const maxScore = round2(merged.reduce((n, s) => n + s.points, 0));
  return { scores: merged, score, maxScore, scoreRate: maxScore > 0 ? round1((score / maxScore) * 100) : null };
}

function validate(state: InspectionRoundState, command: RoundCommand): Rejection | null {
  switch (command.action) {
    case 'START_ROUND':
    case 'CLOSE_ROUND':
      if (command.note !== undefined && (typeof command.note !== 'string' || [...command.note].length > 2000)) return { code: 'BAD_USER_INPUT', field: 'note', message: '说明格式不正确或超过2000字' };
      return null;
    case 'RECORD_FINDING':
      if (typeof command.itemId !== 'string' || command.itemId === '') return { code: 'BAD_USER_INPUT', field: 'itemId', message: '缺少整改问题编号' };
      if (state.findings.some((f) => f.itemId === command.itemId && !command.duplicate)) return { code: 'CONFLICT', message: '该问题已记入本轮检查' };
      return null;
    case 'RECORD_SCORES': {
      if (!Array.isArray(command.scores) || command.scores.length === 0) return { code: 'BAD_USER_INPUT', field: 'scores', message: '请至少为一项测评内容评分' };
      const seen = new Set<string>();
      for (const s of command.scores) {
        if (!s || typeof s.criterionCode !== 'string' || seen.has(s.criterionCode)) return { code: 'BAD_USER_INPUT', field: 'scores', message: '每一项测评内容只能评分一次' };
        seen.add(s.criterionCode);
        if (typeof s.points !== 'number' || !(s.points > 0)) return { code: 'BAD_USER_INPUT', field: 'scores', message: `测评内容「${s.criterionCode}」的分值无效` };
        if (typeof s.score !== 'number' || !Number.isFinite(s.score) || s.score < 0 || s.score > s.points) {
          return { code: 'BAD_USER_INPUT', field: 'scores', message: `测评内容「${s.criterionCode}」的得分须在0到${s.points}分之间` };
        }
      }
      return null;
    }
    default:
      return assertNever(command);
  }
}

function toEvent(state: InspectionRoundState, command: RoundCommand): InspectionRoundEvent {
  switch (command.action) {
    case 'START_ROUND':
      return { type: 'RoundStarted', data: { note: command.note?.trim() ?? '' } };
    case 'RECORD_FINDING':
      return { type: 'RoundFindingRecorded', data: { itemId: command.itemId, duplicate: command.duplicate } };
    case 'RECORD_SCORES':
      return { type: 'RoundScoresRecorded', data: mergeScores(state.scores, command.scores) };
    case 'CLOSE_ROUND':
      return {
        type: 'RoundClosed',
        data: { note: command.note?.trim() ?? '', findings: state.findings.length, score: state.score, maxScore: state.maxScore, scoreRate: state.scoreRate },
      };
    default:
      return assertNever(command);
  }
}

export function decideRound(state: InspectionRoundState, request: RoundActionRequest): Decision<InspectionRoundEvent> {
  const { command, actor, expectedVersion } = request;
  if (!command || typeof command !== 'object' || typeof command.action !== 'string' || !(ROUND_ACTIONS as readonly string[]).includes(command.action)) {
    return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'action', message: '未知的操作' } };
  }
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
    return { ok: false, rejection: { code: 'CONFLICT', message: `检查轮次已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试` } };
  }
  const refused = checkRound(state, actor, command.action) ?? validate(state, command);
  if (refused) return { ok: false, rejection: refused };
  return { ok: true, events: [toEvent(state, command)] };
}
