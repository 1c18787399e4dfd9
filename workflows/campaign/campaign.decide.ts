// What the campaign's clock allows and records, as pure functions: which action is legal in which phase for
// which person (`check`, `allowedActions`), what an accepted command records (`decide`) and what the monthly
// check finds (`decideCadence`). The workflow's update validators, the API's `allowedActions` and the projection
// use these; how the events change the state is campaign.evolve.ts. Time comes in as an argument, never from a clock.
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Actor, Role } from '../shared/actor.types';
import { assertNever } from '../shared/assert-never';
import type { Decision, Rejection } from '../shared/decision.types';
import { isLocalDate, isMonth, localDate, monthOf } from './campaign.calendar';
import type { CampaignEvent } from './campaign.events';
import { CAMPAIGN_ACTION_LABELS, PHASE_LABELS } from './campaign.labels';
import { archiveComplete, EMPTY_TALLY, fullPlan, isPhase, nextPhase, shortfalls } from './campaign.rules';
import {
  CAMPAIGN_ACTIONS,
  MEETING_KINDS,
  PHASES,
  CADENCE_REQUIREMENTS,
  type CadenceRequirement,
  type CadenceResult,
  type CampaignAction,
  type CampaignActionRequest,
  type CampaignCommand,
  type CampaignState,
  type MeetingDecision,
  type Phase,
  type PhasePlan,
} from './campaign.types';

const TEXT_MAX = 2000;
const MINUTES_MAX = 20000;
const LIST_MAX = 50;

interface Rule {
  roles: readonly Role[];
  /** Phases in which the action is possible. */
  phases: readonly Phase[];
}

const RULES: Record<CampaignAction, Rule> = {
  SET_PHASE_PLAN: { roles: ['OFFICE'], phases: PHASES },
  ADVANCE_PHASE: { roles: ['OFFICE'], phases: PHASES.filter((p) => p !== 'REVIEW') },
  RECORD_SUPERVISION_VISIT: { roles: ['OFFICE', 'SUPERVISOR'], phases: PHASES },
  RECORD_MEETING: { roles: ['OFFICE', 'SUPERVISOR'], phases: PHASES },
  // 牵头单位召集: the people of a lead unit, for the indicators it leads (the scope the API reads).
  RECORD_LEAD_UNIT_MEETING: { roles: ['UNIT_HEAD', 'UNIT_MEMBER'], phases: PHASES },
};

/** The roles that may take an action at all. */
export function campaignActionRoles(action: CampaignAction): readonly Role[] {
  return RULES[action].roles;
}

export function isCampaignAction(value: string): value is CampaignAction {
  return (CAMPAIGN_ACTIONS as readonly string[]).includes(value);
}

/** Whether `actor` may take `action` on the campaign in `state`, regardless of the input they give. */
export function check(state: CampaignState, actor: Actor, action: CampaignAction): Rejection | null {
  const rule = RULES[action];
  const label = CAMPAIGN_ACTION_LABELS[action];
  if (!rule.roles.includes(actor.role)) {
    return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权执行「${label}」（仅限${rule.roles.map((r) => ROLE_LABELS[r]).join('、')}）` };
  }
  if (!rule.phases.includes(state.phase)) {
    return { code: 'ILLEGAL_TRANSITION', message: `活动已处于最后的「${PHASE_LABELS[state.phase]}」阶段，不能执行「${label}」` };
  }
  return null;
}

/** The actions `actor` may take now: the buttons the office and the supervisors see. */
export function allowedActions(state: CampaignState, actor: Actor): CampaignAction[] {
  return CAMPAIGN_ACTIONS.filter((action) => check(state, actor, action) === null);
}

function text(value: unknown, field: string, what: string, options: { required: boolean; max?: number }): Rejection | null {
  if (value === undefined || value === null) {
    return options.required ? { code: 'BAD_USER_INPUT', field, message: `请填写${what}` } : null;
  }
  if (typeof value !== 'string') return { code: 'BAD_USER_INPUT', field, message: `${what}格式不正确` };
  if (options.required && value.trim() === '') return { code: 'BAD_USER_INPUT', field, message: `请填写${what}` };
  const max = options.max ?? TEXT_MAX;
  // Counted as people count characters (code points), after trimming, as it will be stored.
  if ([...value.trim()].length > max) return { code: 'BAD_USER_INPUT', field, message: `${what}不能超过${max}字` };
  return null;
}

function list(value: unknown, field: string, what: string, options: { min: number; itemMax?: number }): Rejection | null {
  if (value === undefined || value === null) {
    return options.min > 0 ? { code: 'BAD_USER_INPUT', field, message: `请填写${what}` } : null;
  }
  if (!Array.isArray(value)) return { code: 'BAD_USER_INPUT', field, message: `${what}格式不正确` };
  const filled = value.filter((v) => typeof v === 'string' && v.trim() !== '');
  if (filled.length !== value.length) return { code: 'BAD_USER_INPUT', field, message: `${what}不能有空项` };
  if (filled.length < options.min) return { code: 'BAD_USER_INPUT', field, message: `请填写${what}` };
  if (filled.length > LIST_MAX) return { code: 'BAD_USER_INPUT', field, message: `${what}不能超过${LIST_MAX}项` };
  const max = options.itemMax ?? 200;
  if (filled.some((v: string) => [...v.trim()].length > max)) return { code: 'BAD_USER_INPUT', field, message: `${what}每项不能超过${max}字` };
  return null;
}

/** A visit or meeting date: a real date, not after today in the campaign's time zone. */
function pastDate(value: unknown, field: string, what: string, state: CampaignState, now: string): Rejection | null {
  if (!isLocalDate(value)) return { code: 'BAD_USER_INPUT', field, message: `${what}须为有效日期（如 2026-11-05）` };
  const today = localDate(now, state.timeZone);
  if (value > today) return { code: 'BAD_USER_INPUT', field, message: `${what}不能晚于今天（${today}）` };
  return null;
}

function validatePlan(state: CampaignState, plan: unknown): Rejection | null {
  if (!plan || typeof plan !== 'object' || Array.isArray(plan)) return { code: 'BAD_USER_INPUT', field: 'plan', message: '阶段计划格式不正确' };
  const entries = Object.entries(plan as Record<string, unknown>);
  const unknown = entries.find(([phase]) => !isPhase(phase));
  if (unknown) return { code: 'BAD_USER_INPUT', field: 'plan', message: `「${unknown[0]}」不是创文活动的阶段` };
  let previous: { phase: Phase; date: string } | null = null;
  for (const phase of PHASES) {
    const date = (plan as Partial<PhasePlan>)[phase];
    if (date === undefined || date === null) continue;
    if (!isLocalDate(date)) return { code: 'BAD_USER_INPUT', field: 'plan', message: `「${PHASE_LABELS[phase]}」的计划开始日期须为有效日期（如 2026-12-01）` };
    if (previous && date <= previous.date) {
      return {
        code: 'BAD_USER_INPUT',
        field: 'plan',
        message: `「${PHASE_LABELS[phase]}」的计划开始日期（${date}）须晚于「${PHASE_LABELS[previous.phase]}」（${previous.date}）`,
      };
    }
    previous = { phase, date };
  }
  const inspection = (plan as Partial<PhasePlan>).INSPECTION;
  if (inspection && inspection > state.inspectionDate) {
    return { code: 'BAD_USER_INPUT', field: 'plan', message: `「迎检」阶段须在迎检日期（${state.inspectionDate}）当天或之前开始` };
  }
  if (PHASES.every((p) => (state.plan[p] ?? null) === ((plan as Partial<PhasePlan>)[p] ?? null))) {
    return { code: 'BAD_USER_INPUT', field: 'plan', message: '与现行阶段计划相同，无需修改' };
  }
  return null;
}

function validateAdvance(state: CampaignState, command: Extract<CampaignCommand, { action: 'ADVANCE_PHASE' }>): Rejection | null {
  if (!isPhase(command.to)) return { code: 'BAD_USER_INPUT', field: 'to', message: '请选择要进入的阶段' };
  const next = nextPhase(state.phase);
  if (command.to !== next) {
    const where = `活动处于「${PHASE_LABELS[state.phase]}」阶段`;
    if (command.to === state.phase) return { code: 'ILLEGAL_TRANSITION', field: 'to', message: `${where}，无需重复进入` };
    return { code: 'ILLEGAL_TRANSITION', field: 'to', message: `${where}，只能进入下一阶段「${next ? PHASE_LABELS[next] : '无'}」，不能进入「${PHASE_LABELS[command.to]}」` };
  }
  const archive = command.archive;
  if (archive !== undefined && archive !== null) {
    const valid = Number.isInteger(archive.tasks) && Number.isInteger(archive.archived) && archive.tasks >= 0 && archive.archived >= 0 && archive.archived <= archive.tasks;
    if (!valid) return { code: 'BAD_USER_INPUT', field: 'archive', message: '档案归档情况无效' };
  }
  const reason = command.overrideReason;
  if (command.to !== 'INSPECTION') {
    if (reason !== undefined && reason !== null && String(reason).trim() !== '') {
      return { code: 'BAD_USER_INPUT', field: 'overrideReason', message: '只有档案未全部归档而进入「迎检」阶段时才需填写理由' };
    }
    return text(command.note, 'note', '说明', { required: false });
  }
  // The gate (五(四)1): the archive is complete before the inspection, or the office says why it goes on without it.
  if (!archive) return { code: 'BAD_USER_INPUT', field: 'archive', message: '缺少档案归档情况，无法判断能否进入「迎检」阶段' };
  if (!archiveComplete(archive)) {
    if (reason === undefined || reason === null || (typeof reason === 'string' && reason.trim() === '')) {
      return {
        code: 'ILLEGAL_TRANSITION',
        field: 'overrideReason',
        message: `创文档案尚未全部归档（已归档 ${archive.archived} 项，共 ${archive.tasks} 项任务，还差 ${archive.tasks - archive.archived} 项），不能进入「迎检」阶段；如确需进入，请填写理由`,
      };
    }
    const bad = text(reason, 'overrideReason', '进入迎检的理由', { required: true });
    if (bad) return bad;
  }
  return text(command.note, 'note', '说明', { required: false });
}

function validateDecisions(decisions: unknown): Rejection | null {
  if (decisions === undefined || decisions === null) return null;
  if (!Array.isArray(decisions) || decisions.length > LIST_MAX) return { code: 'BAD_USER_INPUT', field: 'decisions', message: `议定事项格式不正确（最多${LIST_MAX}项）` };
  for (const [i, d] of decisions.entries()) {
    const n = i + 1;
    if (!d || typeof d !== 'object') return { code: 'BAD_USER_INPUT', field: 'decisions', message: `第 ${n} 项议定事项格式不正确` };
    const bad = text((d as MeetingDecision).text, 'decisions', `第 ${n} 项议定事项的内容`, { required: true });
    if (bad) return bad;
    const unit = (d as MeetingDecision).unitCode;
    if (unit !== undefined && unit !== null && (typeof unit !== 'string' || unit.trim() === '')) {
      return { code: 'BAD_USER_INPUT', field: 'decisions', message: `第 ${n} 项议定事项的责任单位无效` };
    }
    const due = (d as MeetingDecision).dueDate;
    if (due !== undefined && due !== null && !isLocalDate(due)) {
      return { code: 'BAD_USER_INPUT', field: 'decisions', message: `第 ${n} 项议定事项的完成时限须为有效日期（如 2026-12-15）` };
    }
  }
  return null;
}

/** A lead unit's meeting: its own unit convenes, and every unit and task it names is within what it leads. */
function validateLeadMeeting(actor: Actor, command: Extract<CampaignCommand, { action: 'RECORD_LEAD_UNIT_MEETING' }>): Rejection | null {
  if (!actor.unitCode || command.convenerUnitCode !== actor.unitCode) {
    return { code: 'FORBIDDEN', field: 'convenerUnitCode', message: '只能以本单位的名义召集牵头单位协调会' };
  }
  const scope = command.scope;
  if (!scope || !Array.isArray(scope.taskIds) || !Array.isArray(scope.unitCodes) || scope.taskIds.length === 0) {
    return { code: 'FORBIDDEN', message: '本单位不是本次创文任何指标的牵头单位，不能召集牵头单位协调会' };
  }
  const units = new Set(scope.unitCodes);
  const tasks = new Set(scope.taskIds);
  if (!Array.isArray(command.unitCodes) || command.unitCodes.length === 0) return { code: 'BAD_USER_INPUT', field: 'unitCodes', message: '请选择参会的责任单位' };
  const outside = command.unitCodes.find((c) => typeof c !== 'string' || !units.has(c.trim()));
  if (outside !== undefined) {
    return { code: 'BAD_USER_INPUT', field: 'unitCodes', message: `单位「${String(outside).slice(0, 50)}」不是本单位牵头指标的责任单位，不能作为参会单位` };
  }
  for (const [i, d] of (command.decisions ?? []).entries()) {
    const n = i + 1;
    const unit = typeof d.unitCode === 'string' ? d.unitCode.trim() : '';
    const task = typeof d.taskId === 'string' ? d.taskId.trim() : '';
    if (d.taskId !== undefined && d.taskId !== null && typeof d.taskId !== 'string') return { code: 'BAD_USER_INPUT', field: 'decisions', message: `第 ${n} 项议定事项的指标任务无效` };
    if (unit && task) return { code: 'BAD_USER_INPUT', field: 'decisions', message: `第 ${n} 项议定事项只能交办一个责任单位或对一项任务提出意见，不能同时填写` };
    if (!unit && !task) return { code: 'BAD_USER_INPUT', field: 'decisions', message: `第 ${n} 项议定事项须交办一个责任单位，或对一项所牵头的任务提出意见` };
    if (unit && !units.has(unit)) return { code: 'BAD_USER_INPUT', field: 'decisions', message: `第 ${n} 项议定事项的单位「${unit.slice(0, 50)}」不是本单位牵头指标的责任单位` };
    if (task && !tasks.has(task)) return { code: 'BAD_USER_INPUT', field: 'decisions', message: `第 ${n} 项议定事项的任务「${task.slice(0, 100)}」不是本单位牵头的任务` };
    if (task && d.dueDate !== undefined && d.dueDate !== null) return { code: 'BAD_USER_INPUT', field: 'decisions', message: `第 ${n} 项议定事项是对任务的意见，不设完成时限` };
  }
  return null;
}

function validateInput(state: CampaignState, actor: Actor, command: CampaignCommand, now: string): Rejection | null {
  switch (command.action) {
    case 'SET_PHASE_PLAN':
      return validatePlan(state, command.plan) ?? text(command.note, 'note', '说明', { required: false });
    case 'ADVANCE_PHASE':
      return validateAdvance(state, command);
    case 'RECORD_SUPERVISION_VISIT':
      return (
        text(command.visitId, 'visitId', '督查编号', { required: true, max: 100 }) ??
        pastDate(command.date, 'date', '督查日期', state, now) ??
        list(command.places, 'places', '督查地点', { min: 1 }) ??
        list(command.visitors, 'visitors', '参加督查人员', { min: 1, itemMax: 100 }) ??
        list(command.unitCodes, 'unitCodes', '督查的责任单位', { min: 0, itemMax: 50 }) ??
        text(command.notes, 'notes', '督查情况', { required: true })
      );
    case 'RECORD_MEETING':
      if (!(MEETING_KINDS as readonly string[]).includes(command.kind) || command.kind === 'LEAD_UNIT') {
        return { code: 'BAD_USER_INPUT', field: 'kind', message: '请选择会议类别（联席会议、协调会、动员大会、听取单位工作汇报、总结会；牵头单位协调会由牵头单位记录）' };
      }
      // A hearing of the units' reports names the units that reported.
      if (command.kind === 'HEARING' && (!Array.isArray(command.unitCodes) || command.unitCodes.length === 0)) {
        return { code: 'BAD_USER_INPUT', field: 'unitCodes', message: '请选择汇报的单位' };
      }
      return (
        text(command.meetingId, 'meetingId', '会议编号', { required: true, max: 100 }) ??
        pastDate(command.date, 'date', '会议日期', state, now) ??
        text(command.title, 'title', '会议名称', { required: false, max: 200 }) ??
        list(command.attendees, 'attendees', '参会人员', { min: 1, itemMax: 100 }) ??
        list(command.unitCodes, 'unitCodes', '参会单位', { min: 0, itemMax: 50 }) ??
        list(command.absentUnitCodes, 'absentUnitCodes', '缺席单位', { min: 0, itemMax: 50 }) ??
        presentAndAbsent(command.unitCodes, command.absentUnitCodes) ??
        text(command.minutes, 'minutes', '会议纪要', { required: true, max: MINUTES_MAX }) ??
        validateDecisions(command.decisions)
      );
    case 'RECORD_LEAD_UNIT_MEETING':
      return (
        text(command.meetingId, 'meetingId', '会议编号', { required: true, max: 100 }) ??
        pastDate(command.date, 'date', '会议日期', state, now) ??
        text(command.title, 'title', '会议名称', { required: true, max: 200 }) ??
        list(command.attendees, 'attendees', '参会人员', { min: 1, itemMax: 100 }) ??
        list(command.unitCodes, 'unitCodes', '参会单位', { min: 1, itemMax: 50 }) ??
        text(command.minutes, 'minutes', '会议纪要', { required: true, max: MINUTES_MAX }) ??
        validateDecisions(command.decisions) ??
        validateLeadMeeting(actor, command)
      );
    default:
      return assertNever(command);
  }
}

/** A unit is either present or absent, not both. */
function presentAndAbsent(present: readonly string[] | undefined, absent: readonly string[] | undefined): Rejection | null {
  if (!absent || absent.length === 0) return null;
  const here = new Set((present ?? []).map((c) => (typeof c === 'string' ? c.trim() : c)));
  const both = absent.find((c) => typeof c === 'string' && here.has(c.trim()));
  return both ? { code: 'BAD_USER_INPUT', field: 'absentUnitCodes', message: `单位「${both.trim().slice(0, 50)}」不能既参会又缺席` } : null;
}

const trimmed = (values: readonly string[] | undefined) => (values ?? []).map((v) => v.trim());

function toEvent(state: CampaignState, command: CampaignCommand): CampaignEvent {
  const note = (value: string | undefined) => value?.trim() ?? '';
  switch (command.action) {
    case 'SET_PHASE_PLAN':
      return { type: 'PhasePlanSet', data: { plan: fullPlan(command.plan), note: note(command.note) } };
    case 'ADVANCE_PHASE': {
      const archive = command.archive ? { tasks: command.archive.tasks, archived: command.archive.archived } : null;
      const overridden = command.to === 'INSPECTION' && archive !== null && !archiveComplete(archive);
      return {
        type: 'PhaseAdvanced',
        data: { from: state.phase, to: command.to, archive, overrideReason: overridden ? (command.overrideReason ?? '').trim() : null, note: note(command.note) },
      };
    }
    case 'RECORD_SUPERVISION_VISIT':
      return {
        type: 'SupervisionVisitRecorded',
        data: {
          visitId: command.visitId.trim(),
          date: command.date,
          places: trimmed(command.places),
          visitors: trimmed(command.visitors),
          unitCodes: trimmed(command.unitCodes),
          notes: command.notes.trim(),
        },
      };
    case 'RECORD_MEETING':
      return {
        type: 'CampaignMeetingRecorded',
        data: {
          meetingId: command.meetingId.trim(),
          kind: command.kind,
          date: command.date,
          title: note(command.title),
          attendees: trimmed(command.attendees),
          unitCodes: trimmed(command.unitCodes),
          // Only where attendance by unit was taken, so that other meetings' events stay as they were.
          ...(command.absentUnitCodes && command.absentUnitCodes.length > 0 ? { absentUnitCodes: trimmed(command.absentUnitCodes) } : {}),
          minutes: command.minutes.trim(),
          decisions: (command.decisions ?? []).map((d) => ({ text: d.text.trim(), unitCode: d.unitCode?.trim() || null, dueDate: d.dueDate ?? null })),
        },
      };
    case 'RECORD_LEAD_UNIT_MEETING':
      return {
        type: 'CampaignMeetingRecorded',
        data: {
          meetingId: command.meetingId.trim(),
          kind: 'LEAD_UNIT',
          date: command.date,
          title: note(command.title),
          attendees: trimmed(command.attendees),
          unitCodes: [...new Set(trimmed(command.unitCodes))],
          convenerUnitCode: command.convenerUnitCode,
          minutes: command.minutes.trim(),
          decisions: (command.decisions ?? []).map((d) =>
            d.taskId?.trim() ? { text: d.text.trim(), unitCode: null, dueDate: null, taskId: d.taskId.trim() } : { text: d.text.trim(), unitCode: d.unitCode?.trim() || null, dueDate: d.dueDate ?? null },
          ),
        },
      };
    default:
      return assertNever(command);
  }
}

/** Decide what an action records, or why it is refused. Refusals record nothing. `now` is workflow time. */
export function decide(state: CampaignState, request: CampaignActionRequest, now: string): Decision<CampaignEvent> {
  const { command, actor, expectedVersion } = request;
  if (!command || typeof command !== 'object' || typeof command.action !== 'string' || !isCampaignAction(command.action)) {
    return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'action', message: '未知的操作' } };
  }
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
    return {
      ok: false,
      rejection: { code: 'CONFLICT', message: `活动已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试` },
    };
  }
  const refused = check(state, actor, command.action) ?? validateInput(state, actor, command, now);
  if (refused) return { ok: false, rejection: refused };
  return { ok: true, events: [toEvent(state, command)] };
}

/**
 * The monthly check of `month`: the visits and meetings recorded for it against what the plan requires. A
 * shortfall of a month that is over is flagged once; checking again with the same finding records nothing,
 * so a retried check is harmless. A month still in progress is reported, never flagged.
 */
export function decideCadence(
  state: CampaignState,
  month: string,
  now: string,
  requirements: readonly CadenceRequirement[] = CADENCE_REQUIREMENTS,
): { result: CadenceResult; events: CampaignEvent[] } {
  const tally = state.months[month] ?? EMPTY_TALLY;
  const missing = shortfalls(tally, requirements);
  const ended = month < monthOf(now, state.timeZone);
  const already = state.flagged[month];
  const same = already !== undefined && already.length === missing.length && already.every((r, i) => r === missing[i].requirement);
  const events: CampaignEvent[] = ended && missing.length > 0 && !same ? [{ type: 'CadenceShortfallFlagged', data: { month, tally: { ...tally }, missing } }] : [];
  const flagged = events.length > 0 || (already !== undefined && already.length > 0);
  return { result: { month, tally: { ...tally }, shortfalls: missing, ended, flagged, version: state.version + events.length }, events };
}

/** Whether `month` is a month the check can be asked about. */
export function validCadenceMonth(month: unknown): Rejection | null {
  return isMonth(month) ? null : { code: 'BAD_USER_INPUT', field: 'month', message: '月份须写作 YYYY-MM（如 2026-10）' };
}
