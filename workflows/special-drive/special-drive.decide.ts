// What a drive allows, as pure functions: the office amends the plan and attaches or detaches items until the drive
// is closed; the head of the lead unit hands in the closing summary while the drive runs or after a return; the
// leading group approves it (closing the drive) or returns it with a reason. Used by the workflow's validator and by
// the API (canAmend, canSubmitSummary, canReview). Every check is linear in the size of the command.
import { daysBetween, isLocalDate, startOfLocalDate } from '../campaign/campaign.calendar';
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Actor } from '../shared/actor.types';
import type { Decision, Rejection } from '../shared/decision.types';
import { DAY, addMs } from '../shared/time';
import { ITEM_AREA_LABELS } from '../rectification-item/rectification-item.labels';
import { checkAttachments, textWithin } from '../unit-report/unit-report.decide';
import type { SpecialDriveEvent } from './special-drive.events';
import { DRIVE_PLAN_FIELD_LABELS, DRIVE_STATE_LABELS } from './special-drive.labels';
import {
  DRIVE_ACTIONS,
  DRIVE_OFFICE_ROLES,
  DRIVE_REVIEW_ROLES,
  DRIVE_SUMMARY_ROLES,
  MAX_GOALS_CHARS,
  MAX_ITEM_ID_CHARS,
  MAX_MANUAL_ITEMS,
  MAX_PARTICIPANTS,
  MAX_PERIOD_DAYS,
  MAX_REASON_CHARS,
  MAX_SUMMARY_CHARS,
  MAX_UNIT_CODE_CHARS,
  type DriveAction,
  type DriveActionRequest,
  type DrivePlan,
  type SpecialDriveState,
} from './special-drive.types';

const ACTION_WORDS: Record<DriveAction, string> = {
  AMEND: '调整专项整治方案',
  ATTACH_ITEM: '纳入整改问题',
  DETACH_ITEM: '移出整改问题',
  SUBMIT_SUMMARY: '报送专项整治总结',
  APPROVE: '审定专项整治总结',
  RETURN: '退回专项整治总结',
};

export function driveActionRoles(action: DriveAction) {
  if (action === 'SUBMIT_SUMMARY') return DRIVE_SUMMARY_ROLES;
  if (action === 'APPROVE' || action === 'RETURN') return DRIVE_REVIEW_ROLES;
  return DRIVE_OFFICE_ROLES;
}

export function driveName(state: Pick<SpecialDriveState, 'area'>): string {
  return `${state.area ? ITEM_AREA_LABELS[state.area] : ''}专项整治`;
}

export function checkDrive(state: SpecialDriveState, actor: Actor, action: DriveAction): Rejection | null {
  const roles = driveActionRoles(action);
  if (!roles.includes(actor.role)) {
    return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权${ACTION_WORDS[action]}（仅限${roles.map((r) => ROLE_LABELS[r]).join('、')}）` };
  }
  const what = driveName(state);
  if (action === 'SUBMIT_SUMMARY') {
    if (actor.unitCode === null || actor.unitCode !== state.plan.leadUnitCode) return { code: 'FORBIDDEN', message: `${what}的总结只能由牵头单位的负责人报送` };
    if (state.state !== 'ACTIVE' && state.state !== 'RETURNED') return { code: 'ILLEGAL_TRANSITION', message: `${what}${DRIVE_STATE_LABELS[state.state]}，不能再报送总结` };
    return null;
  }
  if (action === 'APPROVE' || action === 'RETURN') {
    if (state.state !== 'SUMMARY_SUBMITTED') return { code: 'ILLEGAL_TRANSITION', message: `${what}${DRIVE_STATE_LABELS[state.state]}，没有待审定的总结` };
    return null;
  }
  if (state.state === 'CLOSED') return { code: 'ILLEGAL_TRANSITION', message: `${what}已结束，不能再${ACTION_WORDS[action]}` };
  return null;
}

export const canAmendDrive = (state: SpecialDriveState, actor: Actor) => checkDrive(state, actor, 'AMEND') === null;
export const canSubmitDriveSummary = (state: SpecialDriveState, actor: Actor) => checkDrive(state, actor, 'SUBMIT_SUMMARY') === null;
export const canReviewDrive = (state: SpecialDriveState, actor: Actor) => checkDrive(state, actor, 'APPROVE') === null;

function badInput(field: string, message: string): Rejection {
  return { code: 'BAD_USER_INPUT', field, message };
}

function unitCodeWithin(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_UNIT_CODE_CHARS && value.trim() === value;
}

/** The period of a plan as instants in `timeZone`: [start date 0:00, the day after the end date 0:00). */
export function drivePeriod(plan: Pick<DrivePlan, 'startDate' | 'endDate'>, timeZone: string): { startsAt: string; endsAt: string } {
  return { startsAt: startOfLocalDate(plan.startDate, timeZone), endsAt: startOfLocalDate(addMs(`${plan.endDate}T00:00:00.000Z`, DAY).slice(0, 10), timeZone) };
}

/**
 * A plan as people wrote it, checked and cleaned (goals trimmed, participants without duplicates or the lead unit),
 * or the rejection of its first fault. Whether the units exist is the API's to check: it knows the organisation.
 */
export function checkPlan(plan: unknown): { ok: true; plan: DrivePlan } | { ok: false; rejection: Rejection } {
  if (!plan || typeof plan !== 'object') return { ok: false, rejection: badInput('plan', '专项整治方案格式不正确') };
  const p = plan as Partial<DrivePlan>;
  if (!unitCodeWithin(p.leadUnitCode)) return { ok: false, rejection: badInput('leadUnitCode', '请选择牵头单位') };
  if (!isLocalDate(p.startDate)) return { ok: false, rejection: badInput('startDate', '开始日期须写作 YYYY-MM-DD') };
  if (!isLocalDate(p.endDate)) return { ok: false, rejection: badInput('endDate', '结束日期须写作 YYYY-MM-DD') };
  const days = daysBetween(p.startDate, p.endDate);
  if (days < 0) return { ok: false, rejection: badInput('endDate', '结束日期不能早于开始日期') };
  if (days > MAX_PERIOD_DAYS) return { ok: false, rejection: badInput('endDate', `整治期限不能超过 ${MAX_PERIOD_DAYS} 天`) };
  if (!textWithin(p.goals, MAX_GOALS_CHARS) || p.goals.trim() === '') return { ok: false, rejection: badInput('goals', `请填写整治目标（不超过${MAX_GOALS_CHARS}字）`) };
  const units = p.participatingUnitCodes;
  if (!Array.isArray(units) || units.length > MAX_PARTICIPANTS) return { ok: false, rejection: badInput('participatingUnitCodes', `参与单位最多 ${MAX_PARTICIPANTS} 个`) };
  const participants: string[] = [];
  for (const code of units) {
    if (!unitCodeWithin(code)) return { ok: false, rejection: badInput('participatingUnitCodes', '参与单位的编码格式不正确') };
    if (code !== p.leadUnitCode && !participants.includes(code)) participants.push(code);
  }
  return { ok: true, plan: { leadUnitCode: p.leadUnitCode, startDate: p.startDate, endDate: p.endDate, goals: p.goals.trim(), participatingUnitCodes: participants } };
}

/** The parts of the plan that an amendment changes. */
export function planChanges(before: DrivePlan, after: DrivePlan): string[] {
  const changed = (Object.keys(DRIVE_PLAN_FIELD_LABELS) as (keyof DrivePlan)[]).filter((key) =>
    key === 'participatingUnitCodes' ? [...before[key]].sort().join(',') !== [...after[key]].sort().join(',') : before[key] !== after[key],
  );
  return changed;
}

function itemIdWithin(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ITEM_ID_CHARS;
}

export function decideDrive(state: SpecialDriveState, request: DriveActionRequest): Decision<SpecialDriveEvent> {
  const { command, actor, expectedVersion } = request;
  if (!command || typeof command !== 'object' || !(DRIVE_ACTIONS as readonly string[]).includes(command.action)) return { ok: false, rejection: badInput('action', '未知的操作') };
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
    return { ok: false, rejection: { code: 'CONFLICT', message: `专项整治已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试` } };
  }
  const refused = checkDrive(state, actor, command.action);
  if (refused) return { ok: false, rejection: refused };
  if (state.area === null) return { ok: false, rejection: { code: 'ILLEGAL_TRANSITION', message: '专项整治尚未启动' } };
  const about = { campaignId: state.campaignId, area: state.area, leadUnitCode: state.plan.leadUnitCode };
  switch (command.action) {
    case 'AMEND': {
      const checked = checkPlan(command);
      if (!checked.ok) return checked;
      const plan = checked.plan;
      const changed = planChanges(state.plan, plan);
      if (changed.length === 0) return { ok: false, rejection: badInput('plan', '方案没有变化') };
      const period = drivePeriod(plan, state.timeZone);
      // The summary's deadline follows the end date; a deadline set at launch (tests, demo) stays until it changes.
      const dueAt = plan.endDate === state.plan.endDate ? state.dueAt : period.endsAt;
      return { ok: true, events: [{ type: 'SpecialDriveAmended', data: { ...about, leadUnitCode: plan.leadUnitCode, ...period, dueAt, plan, changed } }] };
    }
    case 'ATTACH_ITEM': {
      if (!itemIdWithin(command.itemId)) return { ok: false, rejection: badInput('itemId', '整改问题编号格式不正确') };
      if (state.attachedItemIds.includes(command.itemId)) return { ok: false, rejection: { code: 'CONFLICT', message: '该整改问题已纳入本专项整治' } };
      if (state.attachedItemIds.length >= MAX_MANUAL_ITEMS) return { ok: false, rejection: badInput('itemId', `手工纳入的整改问题最多 ${MAX_MANUAL_ITEMS} 个`) };
      return { ok: true, events: [{ type: 'SpecialDriveItemAttached', data: { ...about, itemId: command.itemId } }] };
    }
    case 'DETACH_ITEM': {
      if (!itemIdWithin(command.itemId)) return { ok: false, rejection: badInput('itemId', '整改问题编号格式不正确') };
      if (!textWithin(command.reason, MAX_REASON_CHARS) || command.reason.trim() === '') return { ok: false, rejection: badInput('reason', `请填写移出理由（不超过${MAX_REASON_CHARS}字）`) };
      if (state.detachedItemIds.includes(command.itemId)) return { ok: false, rejection: { code: 'CONFLICT', message: '该整改问题已移出本专项整治' } };
      if (state.detachedItemIds.length >= MAX_MANUAL_ITEMS) return { ok: false, rejection: badInput('itemId', `移出的整改问题最多 ${MAX_MANUAL_ITEMS} 个`) };
      return { ok: true, events: [{ type: 'SpecialDriveItemDetached', data: { ...about, itemId: command.itemId, reason: command.reason.trim() } }] };
    }
    case 'SUBMIT_SUMMARY': {
      if (!textWithin(command.text, MAX_SUMMARY_CHARS) || command.text.trim() === '') return { ok: false, rejection: badInput('summary', `请填写专项整治总结（不超过${MAX_SUMMARY_CHARS}字）`) };
      const bad = checkAttachments(command.attachments);
      if (bad) return { ok: false, rejection: badInput('attachments', bad) };
      const attachments = command.attachments.map((a) => ({ sha256: a.sha256, name: a.name.trim(), size: a.size, mimeType: a.mimeType }));
      return { ok: true, events: [{ type: 'SpecialDriveSummarySubmitted', data: { ...about, text: command.text.trim(), attachments, resubmission: state.submissions > 0 } }] };
    }
    case 'APPROVE': {
      const note = command.note ?? '';
      if (!textWithin(note, MAX_REASON_CHARS)) return { ok: false, rejection: badInput('note', `审定意见不能超过${MAX_REASON_CHARS}字`) };
      return { ok: true, events: [{ type: 'SpecialDriveClosed', data: { ...about, note: note.trim() } }] };
    }
    case 'RETURN': {
      if (!textWithin(command.reason, MAX_REASON_CHARS) || command.reason.trim() === '') return { ok: false, rejection: badInput('reason', `请填写退回理由（不超过${MAX_REASON_CHARS}字）`) };
      return { ok: true, events: [{ type: 'SpecialDriveSummaryReturned', data: { ...about, reason: command.reason.trim() } }] };
    }
    default:
      return { ok: false, rejection: badInput('action', '未知的操作') };
  }
}
