// What an inspection round allows and records, as pure functions: PLANNED → IN_PROGRESS → CLOSED, findings while
// in progress, criterion scores for mock assessments. Used by the round workflow's validators, the API and the
// projection; how the events change the state is inspection-round.evolve.ts.
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Actor } from '../shared/actor.types';
import { assertNever } from '../shared/assert-never';
import type { Decision, Rejection } from '../shared/decision.types';
import type { InspectionRoundEvent } from './inspection-round.events';
import { ROUND_ACTION_LABELS, ROUND_STATE_LABELS } from './inspection-round.labels';
import {
  ROUND_ACTIONS,
  ROUND_ROLES,
  type InspectionRoundState,
  type RoundAction,
  type RoundActionRequest,
  type RoundCommand,
  type RoundScore,
  type RoundState,
  type RoundTaskAssessment,
  type RoundTaskTarget,
  type WindowCheckResult,
} from './inspection-round.types';

const RULES: Record<RoundAction, { states: readonly RoundState[] }> = {
  START_ROUND: { states: ['PLANNED'] },
  RECORD_FINDING: { states: ['IN_PROGRESS'] },
  RECORD_SCORES: { states: ['IN_PROGRESS'] },
  RECORD_WINDOW_CHECK: { states: ['IN_PROGRESS'] },
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

/** Where a score sits in a round: its unit (none for the round as a whole) and its criterion. */
function scoreKey(s: Pick<RoundScore, 'unitCode' | 'criterionCode'>): string {
  return `${s.unitCode ?? ''}\u0000${s.criterionCode}`;
}

/** The round's latest score per criterion (of each unit), after `scores` are recorded over `previous`. */
export function mergeScores(previous: readonly RoundScore[], scores: readonly RoundScore[]): { scores: RoundScore[]; score: number; maxScore: number; scoreRate: number | null } {
  const byKey = new Map(previous.map((s) => [scoreKey(s), s]));
  for (const s of scores) byKey.set(scoreKey(s), { criterionCode: s.criterionCode, points: s.points, score: s.score, ...(s.unitCode ? { unitCode: s.unitCode } : {}) });
  const merged = [...byKey.values()].sort(
    (a, b) => (a.unitCode ?? '').localeCompare(b.unitCode ?? '') || a.criterionCode.localeCompare(b.criterionCode, 'en', { numeric: true }),
  );
  const score = round2(merged.reduce((n, s) => n + s.score, 0));
  const maxScore = round2(merged.reduce((n, s) => n + s.points, 0));
  return { scores: merged, score, maxScore, scoreRate: maxScore > 0 ? round1((score / maxScore) * 100) : null };
}

/**
 * What the scores make of each task they touch (issue 20): with every criterion of its indicator scored for its
 * unit, the task is APPLYING (the workflow then records them as its mock assessment); otherwise INCOMPLETE.
 */
export function assessTargets(scores: readonly RoundScore[], targets: readonly RoundTaskTarget[], by: Actor): Omit<RoundTaskAssessment, 'at'>[] {
  return targets.map((t) => {
    const own = new Map(scores.filter((s) => s.unitCode === t.unitCode).map((s) => [s.criterionCode, s]));
    const missing = t.criteria.filter((c) => !own.has(c.code)).map((c) => c.code);
    const scored = t.criteria.flatMap((c) => {
      const s = own.get(c.code);
      return s ? [{ criterionCode: c.code, points: c.points, score: s.score }] : [];
    });
    const score = round2(scored.reduce((n, s) => n + s.score, 0));
    const maxScore = round2(scored.reduce((n, s) => n + s.points, 0));
    const base = { taskId: t.taskId, unitCode: t.unitCode, unitName: t.unitName, indicatorCode: t.indicatorCode, criterionCodes: t.criteria.map((c) => c.code), score, maxScore };
    const scoreRate = maxScore > 0 ? round1((score / maxScore) * 100) : null;
    if (missing.length > 0) return { ...base, scoreRate, outcome: 'INCOMPLETE', reason: `还有测评内容没有评分：${missing.join('、')}`, passed: null, pending: null };
    return { ...base, scoreRate, outcome: 'APPLYING', reason: null, passed: null, pending: { scores: scored, followUp: t.followUp, by } };
  });
}

const MAX_SCORES = 500;
const MAX_CODE = 64;

function validTarget(t: RoundTaskTarget): boolean {
  return (
    !!t &&
    typeof t.taskId === 'string' &&
    t.taskId !== '' &&
    typeof t.unitCode === 'string' &&
    typeof t.indicatorCode === 'string' &&
    Array.isArray(t.criteria) &&
    t.criteria.length > 0 &&
    t.criteria.every((c) => c && typeof c.code === 'string' && typeof c.points === 'number' && c.points > 0) &&
    !!t.followUp
  );
}

export const MAX_CHECKLIST_POINTS = 30;
export const MAX_CHECK_NOTE = 500;
export const MAX_POINT_LABEL = 100;

/**
 * A window-service check's rules (issue 20), also asked by the API before it reports the failures as items, so that
 * a check the round refuses leaves no item: one check per unit per round, every point once, a note of at most 500
 * characters; `withItems`: each failure names its item, a pass none.
 */
export function checkWindowCheck(
  state: InspectionRoundState,
  check: { unitCode: string; unitName: string; checklistVersion: number; results: Omit<WindowCheckResult, 'itemId' | 'duplicate'>[] },
  withItems: WindowCheckResult[] | null,
): Rejection | null {
  if (typeof check.unitCode !== 'string' || check.unitCode === '' || check.unitCode.length > MAX_CODE || typeof check.unitName !== 'string' || [...check.unitName].length > MAX_POINT_LABEL) {
    return { code: 'BAD_USER_INPUT', field: 'unitCode', message: '单位编码不正确' };
  }
  if (!Number.isInteger(check.checklistVersion) || check.checklistVersion < 0) return { code: 'BAD_USER_INPUT', field: 'checklistVersion', message: '检查表版本不正确' };
  if (!Array.isArray(check.results) || check.results.length === 0 || check.results.length > MAX_CHECKLIST_POINTS) {
    return { code: 'BAD_USER_INPUT', field: 'results', message: `请逐项填写检查结论（最多${MAX_CHECKLIST_POINTS}项）` };
  }
  const codes = new Set<string>();
  for (const r of check.results) {
    if (!r || typeof r.code !== 'string' || r.code === '' || r.code.length > MAX_CODE || codes.has(r.code)) return { code: 'BAD_USER_INPUT', field: 'results', message: '每个检查项目只能填写一次结论' };
    codes.add(r.code);
    if (typeof r.label !== 'string' || [...r.label].length > MAX_POINT_LABEL) return { code: 'BAD_USER_INPUT', field: 'results', message: `检查项目「${r.code}」的名称不正确` };
    if (typeof r.passed !== 'boolean') return { code: 'BAD_USER_INPUT', field: 'results', message: `请选择「${r.label}」是否合格` };
    if (typeof r.note !== 'string' || [...r.note].length > MAX_CHECK_NOTE) return { code: 'BAD_USER_INPUT', field: 'results', message: `「${r.label}」的说明不能超过${MAX_CHECK_NOTE}字` };
  }
  if (withItems) {
    const bad = withItems.find((r) => (r.passed ? r.itemId !== null : typeof r.itemId !== 'string' || r.itemId === '') || typeof r.duplicate !== 'boolean');
    if (bad) return { code: 'BAD_USER_INPUT', field: 'results', message: `「${bad.label}」的整改问题编号不正确` };
  }
  if ((state.windowChecks ?? []).some((c) => c.unitCode === check.unitCode)) return { code: 'CONFLICT', field: 'unitCode', message: `本轮已对「${check.unitName}」做过窗口服务检查` };
  return null;
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
      if (command.scores.length > MAX_SCORES) return { code: 'BAD_USER_INPUT', field: 'scores', message: `一次最多录入${MAX_SCORES}项得分` };
      const seen = new Set<string>();
      for (const s of command.scores) {
        if (!s || typeof s.criterionCode !== 'string' || s.criterionCode.length > MAX_CODE || seen.has(scoreKey(s))) return { code: 'BAD_USER_INPUT', field: 'scores', message: '每一项测评内容只能评分一次' };
        if (s.unitCode !== undefined && s.unitCode !== null && (typeof s.unitCode !== 'string' || s.unitCode === '' || s.unitCode.length > MAX_CODE)) {
          return { code: 'BAD_USER_INPUT', field: 'unitCode', message: '单位编码不正确' };
        }
        seen.add(scoreKey(s));
        // A unit's scores that a task has taken (or is taking) as its mock assessment stay as they were.
        const taken = (state.taskAssessments ?? []).find(
          (a) => (a.outcome === 'APPLIED' || a.outcome === 'APPLYING') && a.unitCode === s.unitCode && a.criterionCodes.includes(s.criterionCode),
        );
        if (taken) return { code: 'ILLEGAL_TRANSITION', field: 'scores', message: `「${taken.unitName}」指标${taken.indicatorCode}的得分已计入任务的模拟测评，不能再修改` };
        if (typeof s.points !== 'number' || !(s.points > 0)) return { code: 'BAD_USER_INPUT', field: 'scores', message: `测评内容「${s.criterionCode}」的分值无效` };
        if (typeof s.score !== 'number' || !Number.isFinite(s.score) || s.score < 0 || s.score > s.points) {
          return { code: 'BAD_USER_INPUT', field: 'scores', message: `测评内容「${s.criterionCode}」的得分须在0到${s.points}分之间` };
        }
      }
      if (command.targets !== undefined && (!Array.isArray(command.targets) || command.targets.length > MAX_SCORES || !command.targets.every(validTarget))) {
        return { code: 'BAD_USER_INPUT', field: 'scores', message: '所涉任务不正确' };
      }
      return null;
    }
    case 'RECORD_WINDOW_CHECK':
      return checkWindowCheck(state, command, command.results);
    default:
      return assertNever(command);
  }
}

function toEvent(state: InspectionRoundState, command: RoundCommand, actor: Actor): InspectionRoundEvent {
  switch (command.action) {
    case 'START_ROUND':
      return { type: 'RoundStarted', data: { note: command.note?.trim() ?? '' } };
    case 'RECORD_FINDING':
      return { type: 'RoundFindingRecorded', data: { itemId: command.itemId, duplicate: command.duplicate } };
    case 'RECORD_SCORES': {
      const merged = mergeScores(state.scores, command.scores);
      const targets = command.targets ?? [];
      return { type: 'RoundScoresRecorded', data: targets.length > 0 ? { ...merged, assessments: assessTargets(merged.scores, targets, actor) } : merged };
    }
    case 'RECORD_WINDOW_CHECK':
      return {
        type: 'RoundWindowCheckRecorded',
        data: {
          unitCode: command.unitCode,
          unitName: command.unitName,
          checklistVersion: command.checklistVersion,
          results: command.results.map((r) => ({ code: r.code, label: r.label, passed: r.passed, note: r.note.trim(), itemId: r.itemId, duplicate: r.duplicate })),
        },
      };
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
  return { ok: true, events: [toEvent(state, command, actor)] };
}
