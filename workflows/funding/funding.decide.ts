// What the funding ledger allows, as pure functions used by the workflow's validator and by the API: the office keeps
// lines, threshold and allocations; the office or a line's own unit records spendings; a leader approves or rejects
// those waiting. No allocation exceeds its line's unallocated remainder, no spending its line's (or allocation's)
// remainder, no amendment cuts a line below what is allocated or spent from it. Amounts are safe integers in fen.
// Every check is linear in the size of the command and the ledger.
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Actor, Role } from '../shared/actor.types';
import type { Decision, Rejection } from '../shared/decision.types';
import type { FundingEvent } from './funding.events';
import { SPENDING_STATE_LABELS, yuan } from './funding.labels';
import {
  FUNDING_ACTIONS,
  FUNDING_APPROVER_ROLES,
  FUNDING_AREAS,
  FUNDING_OFFICE_ROLES,
  FUNDING_SPEND_ROLES,
  MAX_ALLOCATIONS,
  MAX_AMOUNT_FEN,
  MAX_LINES,
  MAX_NAME_CHARS,
  MAX_PAYEE_CHARS,
  MAX_PURPOSE_CHARS,
  MAX_REASON_CHARS,
  MAX_RECEIPTS,
  MAX_RECEIPT_BYTES,
  MAX_SPENDINGS,
  MAX_YEAR,
  MIN_YEAR,
  type BudgetLine,
  type FundingAction,
  type FundingActionRequest,
  type FundingArea,
  type FundingTarget,
  type FundingLedgerState,
  type FundingReceipt,
  type Spending,
} from './funding.types';

const SHA256 = /^[0-9a-f]{64}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID_CHARS = 100;

export function fundingActionRoles(action: FundingAction): readonly Role[] {
  if (action === 'RECORD_SPENDING') return FUNDING_SPEND_ROLES;
  if (action === 'APPROVE_SPENDING' || action === 'REJECT_SPENDING') return FUNDING_APPROVER_ROLES;
  return FUNDING_OFFICE_ROLES;
}

const ACTION_LABELS: Record<FundingAction, string> = {
  SET_THRESHOLD: '设置审批限额',
  ADD_LINE: '新增预算科目',
  AMEND_LINE: '调整预算科目',
  ALLOCATE: '分配经费',
  RECORD_SPENDING: '登记支出',
  APPROVE_SPENDING: '审批支出',
  REJECT_SPENDING: '驳回支出',
};

/** Whether `value` is an amount in fen: a safe integer, at least `min`, at most MAX_AMOUNT_FEN. */
export function isFen(value: unknown, min = 1): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= MAX_AMOUNT_FEN;
}

/** A text of at most `max` characters, counted without building an array. */
export function textWithin(value: unknown, max: number): value is string {
  if (typeof value !== 'string' || value.length > max * 2) return false;
  let chars = 0;
  for (const _ of value) if (++chars > max) return false;
  return true;
}

/** Allocated from a line; committed from a line or an allocation (spendings not rejected, pending included). */
export function allocatedOf(state: FundingLedgerState, lineId: string): number {
  let sum = 0;
  for (const a of state.allocations) if (a.lineId === lineId) sum += a.amountFen;
  return sum;
}

export function committedOf(state: FundingLedgerState, pick: (s: Spending) => boolean): number {
  let sum = 0;
  for (const s of state.spendings) if (s.state !== 'REJECTED' && pick(s)) sum += s.amountFen;
  return sum;
}

/** Whether the spending counts as spent: recorded below the threshold, or approved. */
export function isSpent(s: Spending): boolean {
  return s.state === 'RECORDED' || s.state === 'APPROVED';
}

export function needsApproval(state: FundingLedgerState, amountFen: number): boolean {
  return amountFen > state.thresholdFen;
}

/** The role and, for a unit, the line's own unit: who may act on what (the line for a spending). */
export function checkFundingAccess(actor: Actor, action: FundingAction, line: BudgetLine | null = null): Rejection | null {
  const roles = fundingActionRoles(action);
  if (!roles.includes(actor.role)) {
    return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权${ACTION_LABELS[action]}（仅限${roles.map((r) => ROLE_LABELS[r]).join('、')}）` };
  }
  if (action === 'RECORD_SPENDING' && actor.role !== 'OFFICE' && line !== null && (actor.unitCode === null || line.unitCode !== actor.unitCode)) {
    return { code: 'FORBIDDEN', message: `预算科目「${line.name}」不属于本单位，只能由创建办或该科目的单位登记支出` };
  }
  return null;
}

export function canRecordSpending(state: FundingLedgerState, actor: Actor, line: BudgetLine): boolean {
  return checkFundingAccess(actor, 'RECORD_SPENDING', line) === null && state.lines.some((l) => l.lineId === line.lineId);
}

export function canDecideSpending(actor: Actor, s: Spending): boolean {
  return checkFundingAccess(actor, 'APPROVE_SPENDING') === null && s.state === 'PENDING';
}

function bad(field: string, message: string): Decision<FundingEvent> {
  return { ok: false, rejection: { code: 'BAD_USER_INPUT', field, message } };
}

function amountMessage(label: string): string {
  return `${label}须为以分为单位的正整数，且不超过 ${yuan(MAX_AMOUNT_FEN)} 元`;
}

function checkLineFields(c: { name: unknown; amountFen: unknown; unitCode: unknown; purpose: unknown }): Decision<FundingEvent> | null {
  if (!textWithin(c.name, MAX_NAME_CHARS) || c.name.trim() === '') return bad('name', `请填写科目名称（不超过${MAX_NAME_CHARS}字）`);
  if (!isFen(c.amountFen, 0)) return bad('amountFen', amountMessage('预算金额'));
  if (c.unitCode !== null && (typeof c.unitCode !== 'string' || c.unitCode.length === 0 || c.unitCode.length > ID_CHARS)) return bad('unitCode', '单位编码格式不正确');
  if (!textWithin(c.purpose, MAX_PURPOSE_CHARS)) return bad('purpose', `用途说明不超过${MAX_PURPOSE_CHARS}字`);
  return null;
}

export function checkReceipts(value: unknown): string | null {
  if (!Array.isArray(value)) return '票据格式不正确';
  if (value.length > MAX_RECEIPTS) return `票据最多 ${MAX_RECEIPTS} 个`;
  const seen = new Set<string>();
  for (const r of value as Partial<FundingReceipt>[]) {
    if (!r || typeof r !== 'object' || typeof r.sha256 !== 'string' || !SHA256.test(r.sha256)) return '票据格式不正确';
    if (!textWithin(r.name, 255) || r.name.trim() === '' || typeof r.mimeType !== 'string' || r.mimeType.length > 200) return '票据文件名格式不正确';
    if (typeof r.size !== 'number' || !Number.isInteger(r.size) || r.size <= 0 || r.size > MAX_RECEIPT_BYTES) return `每个票据文件不超过 ${MAX_RECEIPT_BYTES / 1024 / 1024} MB`;
    if (seen.has(r.sha256)) return `票据「${r.name}」重复`;
    seen.add(r.sha256);
  }
  return null;
}

/** A real calendar day written YYYY-MM-DD (2027-02-30 is not one). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY.test(value)) return false;
  const at = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === value;
}

function validId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= ID_CHARS;
}

export function decideFunding(state: FundingLedgerState, request: FundingActionRequest): Decision<FundingEvent> {
  const { command, actor, expectedVersion } = request;
  if (!command || typeof command !== 'object' || !(FUNDING_ACTIONS as readonly string[]).includes(command.action)) return bad('action', '未知的操作');
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
    return { ok: false, rejection: { code: 'CONFLICT', message: `经费台账已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试` } };
  }
  const about = { campaignId: state.campaignId };
  const lineOf = (lineId: unknown) => (validId(lineId) ? (state.lines.find((l) => l.lineId === lineId) ?? null) : null);
  const spendingOf = (spendingId: unknown) => (validId(spendingId) ? (state.spendings.find((s) => s.spendingId === spendingId) ?? null) : null);
  const refuse = (rejection: Rejection | null) => (rejection ? ({ ok: false, rejection } as const) : null);

  switch (command.action) {
    case 'SET_THRESHOLD': {
      const denied = refuse(checkFundingAccess(actor, command.action));
      if (denied) return denied;
      if (!isFen(command.thresholdFen, 0)) return bad('thresholdFen', amountMessage('审批限额'));
      return { ok: true, events: [{ type: 'ApprovalThresholdSet', data: { ...about, thresholdFen: command.thresholdFen } }] };
    }
    case 'ADD_LINE': {
      const denied = refuse(checkFundingAccess(actor, command.action));
      if (denied) return denied;
      if (!validId(command.lineId) || state.lines.some((l) => l.lineId === command.lineId)) return bad('lineId', '科目编号重复或格式不正确');
      if (state.lines.length >= MAX_LINES) return bad('lineId', `一个台账最多 ${MAX_LINES} 个预算科目`);
      if (typeof command.year !== 'number' || !Number.isInteger(command.year) || command.year < MIN_YEAR || command.year > MAX_YEAR) return bad('year', `年度须为 ${MIN_YEAR}–${MAX_YEAR} 之间的整数`);
      const invalid = checkLineFields(command);
      if (invalid) return invalid;
      const name = command.name.trim();
      if (state.lines.some((l) => l.year === command.year && l.name === name)) return bad('name', `${command.year} 年度已有名为「${name}」的预算科目`);
      return {
        ok: true,
        events: [{ type: 'BudgetLineAdded', data: { ...about, line: { lineId: command.lineId, year: command.year, name, amountFen: command.amountFen, unitCode: command.unitCode, purpose: command.purpose.trim() } } }],
      };
    }
    case 'AMEND_LINE': {
      const denied = refuse(checkFundingAccess(actor, command.action));
      if (denied) return denied;
      const line = lineOf(command.lineId);
      if (!line) return { ok: false, rejection: { code: 'BAD_USER_INPUT', field: 'lineId', message: '预算科目不存在' } };
      const invalid = checkLineFields(command);
      if (invalid) return invalid;
      const name = command.name.trim();
      if (state.lines.some((l) => l.lineId !== line.lineId && l.year === line.year && l.name === name)) return bad('name', `${line.year} 年度已有名为「${name}」的预算科目`);
      const allocated = allocatedOf(state, line.lineId);
      const committed = committedOf(state, (s) => s.lineId === line.lineId);
      const floor = Math.max(allocated, committed);
      if (command.amountFen < floor) return bad('amountFen', `预算金额不能低于已分配或已支出（含待审批）的 ${yuan(floor)} 元`);
      if (command.unitCode !== line.unitCode && state.spendings.some((s) => s.lineId === line.lineId)) return bad('unitCode', '已有支出的科目不能改变所属单位');
      return { ok: true, events: [{ type: 'BudgetLineAmended', data: { ...about, lineId: line.lineId, name, amountFen: command.amountFen, unitCode: command.unitCode, purpose: command.purpose.trim() } }] };
    }
    case 'ALLOCATE': {
      const denied = refuse(checkFundingAccess(actor, command.action));
      if (denied) return denied;
      if (!validId(command.allocationId) || state.allocations.some((a) => a.allocationId === command.allocationId)) return bad('allocationId', '分配编号重复或格式不正确');
      if (state.allocations.length >= MAX_ALLOCATIONS) return bad('allocationId', `一个台账最多 ${MAX_ALLOCATIONS} 笔分配`);
      const line = lineOf(command.lineId);
      if (!line) return bad('lineId', '预算科目不存在');
      const target = command.target as unknown;
      const t = target as { kind?: unknown; area?: unknown; taskId?: unknown } | null;
      if (!t || typeof t !== 'object') return bad('target', '请选择分配去向（专项整治或指标任务）');
      if (t.kind === 'DRIVE' ? !(FUNDING_AREAS as readonly unknown[]).includes(t.area) : t.kind !== 'TASK' || !validId(t.taskId)) return bad('target', '分配去向格式不正确');
      if (!isFen(command.amountFen)) return bad('amountFen', amountMessage('分配金额'));
      if (!textWithin(command.note, MAX_PURPOSE_CHARS)) return bad('note', `说明不超过${MAX_PURPOSE_CHARS}字`);
      const remainder = line.amountFen - allocatedOf(state, line.lineId);
      if (command.amountFen > remainder) return bad('amountFen', `超出科目「${line.name}」的可分配余额（尚可分配 ${yuan(remainder)} 元）`);
      const clean: FundingTarget = t.kind === 'DRIVE' ? { kind: 'DRIVE', area: t.area as FundingArea } : { kind: 'TASK', taskId: String(t.taskId) };
      return { ok: true, events: [{ type: 'FundsAllocated', data: { ...about, allocation: { allocationId: command.allocationId, lineId: line.lineId, target: clean, amountFen: command.amountFen, note: command.note.trim() } } }] };
    }
    case 'RECORD_SPENDING': {
      const line = lineOf(command.lineId);
      const denied = refuse(checkFundingAccess(actor, command.action, line));
      if (denied) return denied;
      if (!line) return bad('lineId', '预算科目不存在');
      if (!validId(command.spendingId) || state.spendings.some((s) => s.spendingId === command.spendingId)) return bad('spendingId', '支出编号重复或格式不正确');
      if (state.spendings.length >= MAX_SPENDINGS) return bad('spendingId', `一个台账最多 ${MAX_SPENDINGS} 笔支出`);
      const allocation = command.allocationId === null ? null : (state.allocations.find((a) => a.allocationId === command.allocationId) ?? null);
      if (command.allocationId !== null && (!allocation || allocation.lineId !== line.lineId)) return bad('allocationId', '所选经费分配不属于该科目');
      if (!isFen(command.amountFen)) return bad('amountFen', amountMessage('支出金额'));
      if (!textWithin(command.payee, MAX_PAYEE_CHARS) || command.payee.trim() === '') return bad('payee', `请填写收款方（不超过${MAX_PAYEE_CHARS}字）`);
      if (!isDay(command.spentOn)) return bad('spentOn', '支出日期须写作 YYYY-MM-DD，且为有效日期');
      if (!textWithin(command.purpose, MAX_PURPOSE_CHARS) || command.purpose.trim() === '') return bad('purpose', `请填写支出用途（不超过${MAX_PURPOSE_CHARS}字）`);
      const badReceipts = checkReceipts(command.receipts);
      if (badReceipts) return bad('receipts', badReceipts);
      const lineLeft = line.amountFen - committedOf(state, (s) => s.lineId === line.lineId);
      if (command.amountFen > lineLeft) return bad('amountFen', `超出科目「${line.name}」的预算（尚可支出 ${yuan(lineLeft)} 元，含待审批）`);
      if (allocation) {
        const left = allocation.amountFen - committedOf(state, (s) => s.allocationId === allocation.allocationId);
        if (command.amountFen > left) return bad('amountFen', `超出该笔分配的余额（尚可支出 ${yuan(left)} 元，含待审批）`);
      }
      const unitCode = line.unitCode;
      const receipts = command.receipts.map((r) => ({ sha256: r.sha256, name: r.name.trim(), size: r.size, mimeType: r.mimeType }));
      return {
        ok: true,
        events: [
          {
            type: 'SpendingRecorded',
            data: {
              ...about,
              lineName: line.name,
              needsApproval: needsApproval(state, command.amountFen),
              spending: { spendingId: command.spendingId, lineId: line.lineId, allocationId: allocation?.allocationId ?? null, unitCode, amountFen: command.amountFen, payee: command.payee.trim(), spentOn: command.spentOn, purpose: command.purpose.trim(), receipts },
            },
          },
        ],
      };
    }
    case 'APPROVE_SPENDING':
    case 'REJECT_SPENDING': {
      const denied = refuse(checkFundingAccess(actor, command.action));
      if (denied) return denied;
      const s = spendingOf(command.spendingId);
      if (!s) return bad('spendingId', '支出记录不存在');
      if (s.state !== 'PENDING') return { ok: false, rejection: { code: 'ILLEGAL_TRANSITION', message: `这笔支出${SPENDING_STATE_LABELS[s.state]}，不能再审批` } };
      const line = state.lines.find((l) => l.lineId === s.lineId);
      const spending = { ...about, spendingId: s.spendingId, lineName: line?.name ?? '', amountFen: s.amountFen, unitCode: s.unitCode };
      if (command.action === 'APPROVE_SPENDING') {
        const note = command.note ?? '';
        if (!textWithin(note, MAX_REASON_CHARS)) return bad('note', `审批意见不超过${MAX_REASON_CHARS}字`);
        return { ok: true, events: [{ type: 'SpendingApproved', data: { ...spending, note: note.trim() } }] };
      }
      if (!textWithin(command.reason, MAX_REASON_CHARS) || command.reason.trim() === '') return bad('reason', `请填写驳回理由（不超过${MAX_REASON_CHARS}字）`);
      return { ok: true, events: [{ type: 'SpendingRejected', data: { ...spending, reason: command.reason.trim() } }] };
    }
    default:
      return bad('action', '未知的操作');
  }
}
