// The funding ledger's rules in the API: who sees what (the leading group and the office all of it, a unit its own
// lines and their spendings), the year's view with totals summed as integers in fen, the office's lines, threshold
// and allocations (a task must be the campaign's), spendings with receipts (uploads checked and stored, the rule
// checked first so a refusal costs no file), the leaders' approval, the receipts' downloads and the Excel export.
// Every action goes the one path, WorkflowActions, to the ledger's Update: the workflow decides, one at a time.
import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { isUnitRole, visibleUnit, type Caller } from '../auth/access-policy';
import { CampaignRepository, type CampaignView } from '../campaign/campaign.repository';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import { XLSX_MIME } from '../platform/spreadsheet/export-sheet';
import type { AppConfig } from '../platform/config/config';
import { DomainError } from '../platform/errors/domain-error';
import { FileStore } from '../platform/files/file-store';
import { UploadService } from '../platform/files/upload.service';
import type { AddBudgetLineInput, AllocateFundsInput, AmendBudgetLineInput, ExportedFile, ExportFormat, RecordSpendingInput } from '../platform/graphql/graphql.generated';
import { waitForProjection } from '../platform/projections/wait-for-projection';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import { localDate } from '../../workflows/campaign/campaign.calendar';
import { canDecideSpending, checkFundingAccess, isDay, isFen, isSpent, textWithin } from '../../workflows/funding/funding.decide';
import { APPROVAL_LEVEL_LABELS, SPENDING_STATE_LABELS, targetLabel } from '../../workflows/funding/funding.labels';
import { fundingActionUpdate, fundingLedgerWorkflowId } from '../../workflows/funding/funding.messages';
import {
  DEFAULT_APPROVAL_THRESHOLD_FEN,
  FUNDING_AREAS,
  MAX_AMOUNT_FEN,
  MAX_NAME_CHARS,
  MAX_PAYEE_CHARS,
  MAX_PURPOSE_CHARS,
  MAX_REASON_CHARS,
  MAX_RECEIPTS,
  MAX_RECEIPT_BYTES,
  MAX_YEAR,
  MIN_YEAR,
  type ApprovalLevel,
  type FundingAction,
  type FundingAllocation,
  type FundingCommand,
  type FundingReceipt,
} from '../../workflows/funding/funding.types';
import { fundingXlsx } from './funding.export';
import { FundingRepository, type LineRow, type SpendingRow, type Totals } from './funding.repository';
import type { AllocationView, LedgerView, LineView } from './funding.views';
import { startFundingLedger } from './funding.starter';

const ID_CHARS = 300;
const UNIT_CODE_CHARS = 50;
const OFFICE_NAME = '创建办统筹';

const bad = (message: string, field: string) => new DomainError('BAD_USER_INPUT', message, field);

function id(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > ID_CHARS) throw new DomainError('NOT_FOUND', '记录不存在或无权查看', field);
  return value;
}

function text(value: unknown, field: string, what: string, max: number, required: boolean): string {
  if (value === null || value === undefined) value = '';
  if (!textWithin(value, max)) throw bad(`${what}格式不正确或超过${max}字`, field);
  if (required && value.trim() === '') throw bad(`请填写${what}`, field);
  return value.trim();
}

function amount(value: unknown, field: string, what: string, min = 1): number {
  if (!isFen(value, min)) throw bad(`${what}须为以分为单位的${min > 0 ? '正' : '非负'}整数，且不超过 ${MAX_AMOUNT_FEN} 分（100 亿元）`, field);
  return value;
}

function sumTotals(rows: readonly Totals[]): Totals {
  const t: Totals = { budgetFen: 0, allocatedFen: 0, spentFen: 0, pendingFen: 0 };
  for (const r of rows) {
    t.budgetFen += r.budgetFen;
    t.allocatedFen += r.allocatedFen;
    t.spentFen += r.spentFen;
    t.pendingFen += r.pendingFen;
  }
  return t;
}

@Injectable()
export class FundingService {
  constructor(
    private readonly repository: FundingRepository,
    private readonly campaigns: CampaignRepository,
    private readonly actions: WorkflowActions,
    private readonly uploads: UploadService,
    private readonly files: FileStore,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  private year(campaign: CampaignView, year: unknown): number {
    if (year === null || year === undefined) return Number(localDate(new Date(), campaign.timeZone).slice(0, 4));
    if (typeof year !== 'number' || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw bad(`年度须为 ${MIN_YEAR}–${MAX_YEAR} 之间的整数`, 'year');
    return year;
  }

  /** The year's ledger as the caller may see it: a unit only its own lines, their spendings and its own sums. */
  async ledger(caller: Caller, campaignId: string | null | undefined, yearArg: unknown): Promise<LedgerView> {
    const campaign = await this.campaigns.require(campaignId);
    const year = this.year(campaign, yearArg);
    const own = visibleUnit(caller);
    const unitOnly = isUnitRole(caller.role);
    if (unitOnly && own === null) return { campaign, year, thresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN, lines: [], spendings: [], units: [], totals: sumTotals([]) };
    const [ledger, rows, sums] = await Promise.all([this.repository.ledger(campaign.id), this.repository.lines(campaign.id, year, unitOnly ? own : null), this.repository.unitTotals(campaign.id, year, unitOnly ? own : null)]);
    const allocations = ledger?.state.allocations ?? [];
    const spendings = await this.repository.spendings(rows.map((r) => r.id));
    const taskIds = allocations.flatMap((a) => (a.target.kind === 'TASK' ? [a.target.taskId] : []));
    const tasks = await this.repository.tasks([...new Set(taskIds)]);
    const unitNames = new Map((await this.repository.units()).map((u) => [u.code, u.name]));
    const lines = rows.map((r) => ({
      ...r,
      availableFen: r.budgetFen - r.spentFen - r.pendingFen,
      unallocatedFen: r.budgetFen - r.allocatedFen,
      allocations: allocations.filter((a) => a.lineId === r.id).map((a) => this.allocationView(a, spendings, tasks, unitNames)),
    }));
    const units = sums.map((s) => ({ ...s, unitName: s.unitCode ? (unitNames.get(s.unitCode) ?? s.unitCode) : OFFICE_NAME }));
    return { campaign, year, thresholdFen: ledger?.thresholdFen ?? DEFAULT_APPROVAL_THRESHOLD_FEN, lines, spendings, units, totals: sumTotals(units) };
  }

  private allocationView(a: FundingAllocation, spendings: readonly SpendingRow[], tasks: Map<string, { indicatorCode: string; unitCode: string }>, unitNames: Map<string, string>): AllocationView {
    let spent = 0;
    for (const s of spendings) if (s.allocationId === a.allocationId && isSpent({ state: s.state } as Parameters<typeof isSpent>[0])) spent += s.amountFen;
    const task = a.target.kind === 'TASK' ? tasks.get(a.target.taskId) : undefined;
    return {
      id: a.allocationId,
      lineId: a.lineId,
      targetKind: a.target.kind,
      area: a.target.kind === 'DRIVE' ? a.target.area : null,
      taskId: a.target.kind === 'TASK' ? a.target.taskId : null,
      targetLabel: targetLabel(a.target, task ? `${task.indicatorCode}（${unitNames.get(task.unitCode) ?? task.unitCode}）` : undefined),
      amountFen: a.amountFen,
      spentFen: spent,
      note: a.note,
      allocatedAt: a.allocatedAt,
    };
  }

  /** A line the caller may see; NOT_FOUND otherwise (a unit does not learn of other units' lines). */
  private async visibleLine(caller: Caller, lineId: unknown): Promise<LineRow> {
    const line = await this.repository.line(id(lineId, 'lineId'));
    if (!line || (isUnitRole(caller.role) && line.unitCode !== visibleUnit(caller))) throw new DomainError('NOT_FOUND', '预算科目不存在或无权查看', 'lineId');
    return line;
  }

  private async visibleSpending(caller: Caller, spendingId: unknown): Promise<SpendingRow> {
    const spending = await this.repository.spending(id(spendingId, 'id'));
    if (!spending || (isUnitRole(caller.role) && spending.unitCode !== visibleUnit(caller))) throw new DomainError('NOT_FOUND', '支出记录不存在或无权查看', 'id');
    return spending;
  }

  private refuse(caller: Caller, action: FundingAction): void {
    const refused = checkFundingAccess(caller, action);
    if (refused) throw new DomainError(refused.code, refused.message, refused.field ?? null);
  }

  async setThreshold(caller: Caller, campaignId: string | null | undefined, thresholdFen: unknown): Promise<number> {
    this.refuse(caller, 'SET_THRESHOLD');
    const value = amount(thresholdFen, 'thresholdFen', '审批限额', 0);
    const campaign = await this.campaigns.require(campaignId);
    await this.act(caller, campaign.id, { action: 'SET_THRESHOLD', thresholdFen: value });
    return value;
  }

  private async unitCode(value: unknown): Promise<string | null> {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value !== 'string' || value.length > UNIT_CODE_CHARS || !(await this.repository.unitExists(value))) throw bad('所属单位不存在', 'unitCode');
    return value;
  }

  async addLine(caller: Caller, input: AddBudgetLineInput): Promise<LineView> {
    this.refuse(caller, 'ADD_LINE');
    const campaign = await this.campaigns.require(input.campaignId);
    const year = this.year(campaign, input.year);
    const name = text(input.name, 'name', '科目名称', MAX_NAME_CHARS, true);
    const amountFen = amount(input.amountFen, 'amountFen', '预算金额', 0);
    const purpose = text(input.purpose, 'purpose', '用途说明', MAX_PURPOSE_CHARS, false);
    const unitCode = await this.unitCode(input.unitCode);
    const lineId = `line-${randomUUID()}`;
    await this.act(caller, campaign.id, { action: 'ADD_LINE', lineId, year, name, amountFen, unitCode, purpose });
    return this.lineView(caller, lineId);
  }

  async amendLine(caller: Caller, input: AmendBudgetLineInput): Promise<LineView> {
    this.refuse(caller, 'AMEND_LINE');
    const line = await this.visibleLine(caller, input.id);
    const name = text(input.name, 'name', '科目名称', MAX_NAME_CHARS, true);
    const amountFen = amount(input.amountFen, 'amountFen', '预算金额', 0);
    const purpose = text(input.purpose, 'purpose', '用途说明', MAX_PURPOSE_CHARS, false);
    const unitCode = await this.unitCode(input.unitCode);
    await this.act(caller, line.campaignId, { action: 'AMEND_LINE', lineId: line.id, name, amountFen, unitCode, purpose });
    return this.lineView(caller, line.id);
  }

  async allocate(caller: Caller, input: AllocateFundsInput): Promise<AllocationView> {
    this.refuse(caller, 'ALLOCATE');
    const line = await this.visibleLine(caller, input.lineId);
    const amountFen = amount(input.amountFen, 'amountFen', '分配金额');
    const note = text(input.note, 'note', '说明', MAX_PURPOSE_CHARS, false);
    let command: FundingCommand;
    const allocationId = `allocation-${randomUUID()}`;
    if (input.targetKind === 'DRIVE') {
      if (!(FUNDING_AREAS as readonly unknown[]).includes(input.area)) throw bad('请选择专项整治领域', 'area');
      command = { action: 'ALLOCATE', allocationId, lineId: line.id, target: { kind: 'DRIVE', area: input.area as (typeof FUNDING_AREAS)[number] }, amountFen, note };
    } else if (input.targetKind === 'TASK') {
      const task = typeof input.taskId === 'string' && input.taskId.length <= ID_CHARS ? await this.repository.task(line.campaignId, input.taskId) : null;
      if (!task) throw bad('指标任务不存在或不属于本活动', 'taskId');
      command = { action: 'ALLOCATE', allocationId, lineId: line.id, target: { kind: 'TASK', taskId: task.taskId }, amountFen, note };
    } else {
      throw bad('请选择分配去向（专项整治或指标任务）', 'targetKind');
    }
    await this.act(caller, line.campaignId, command);
    const view = (await this.lineView(caller, line.id)).allocations.find((a) => a.id === allocationId);
    if (!view) throw new DomainError('UNAVAILABLE', '已受理，但尚未更新，请稍后刷新');
    return view;
  }

  async recordSpending(caller: Caller, input: RecordSpendingInput): Promise<SpendingRow> {
    const line = await this.repository.line(id(input.lineId, 'lineId'));
    if (!line) throw new DomainError('NOT_FOUND', '预算科目不存在或无权查看', 'lineId');
    // The rule first: another unit's line is refused before any upload is used.
    const refused = checkFundingAccess(caller, 'RECORD_SPENDING', { lineId: line.id, year: line.year, name: line.name, amountFen: line.budgetFen, unitCode: line.unitCode, purpose: line.purpose, createdAt: '', amendedAt: null });
    if (refused) throw new DomainError(refused.code, refused.message, refused.field ?? null);
    const amountFen = amount(input.amountFen, 'amountFen', '支出金额');
    const payee = text(input.payee, 'payee', '收款方', MAX_PAYEE_CHARS, true);
    const purpose = text(input.purpose, 'purpose', '支出用途', MAX_PURPOSE_CHARS, true);
    if (!isDay(input.spentOn)) throw bad('支出日期须写作 YYYY-MM-DD，且为有效日期', 'spentOn');
    const allocationId = input.allocationId === null || input.allocationId === undefined ? null : id(input.allocationId, 'allocationId');
    const fileIds = input.receiptFileIds ?? [];
    if (fileIds.length > MAX_RECEIPTS) throw bad(`票据最多 ${MAX_RECEIPTS} 个`, 'receiptFileIds');
    const receipts: FundingReceipt[] = [];
    for (const fileId of fileIds) {
      const { name, content } = await this.uploads.use(caller, id(fileId, 'receiptFileIds'), 'receiptFileIds');
      if (content.byteLength > MAX_RECEIPT_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `每个票据文件不超过 ${MAX_RECEIPT_BYTES / 1024 / 1024} MB`, 'receiptFileIds');
      const stored = await this.files.put(name, content);
      const sha256 = createHash('sha256').update(content).digest('hex');
      if (!receipts.some((r) => r.sha256 === sha256)) receipts.push({ sha256, name: stored.name, size: stored.size, mimeType: stored.mimeType });
    }
    const spendingId = `spending-${randomUUID()}`;
    await this.act(caller, line.campaignId, { action: 'RECORD_SPENDING', spendingId, lineId: line.id, allocationId, amountFen, payee, spentOn: input.spentOn, purpose, receipts });
    return this.visibleSpending(caller, spendingId);
  }

  async approve(caller: Caller, spendingId: unknown, note: unknown): Promise<SpendingRow> {
    this.refuse(caller, 'APPROVE_SPENDING');
    const s = await this.visibleSpending(caller, spendingId);
    const clean = text(note, 'note', '审批意见', MAX_REASON_CHARS, false);
    await this.act(caller, s.campaignId, { action: 'APPROVE_SPENDING', spendingId: s.id, note: clean });
    return this.visibleSpending(caller, s.id);
  }

  async reject(caller: Caller, spendingId: unknown, reason: unknown): Promise<SpendingRow> {
    this.refuse(caller, 'REJECT_SPENDING');
    const s = await this.visibleSpending(caller, spendingId);
    const clean = text(reason, 'reason', '驳回理由', MAX_REASON_CHARS, true);
    await this.act(caller, s.campaignId, { action: 'REJECT_SPENDING', spendingId: s.id, reason: clean });
    return this.visibleSpending(caller, s.id);
  }

  async receipt(caller: Caller, spendingId: string, sha256: string): Promise<{ content: Buffer; name: string; mimeType: string }> {
    const s = await this.visibleSpending(caller, spendingId);
    const r = s.receipts.find((x) => x.sha256 === sha256);
    const content = r ? await this.files.get(sha256) : null;
    if (!r || !content) throw new DomainError('NOT_FOUND', '找不到该票据');
    return { content, name: r.name, mimeType: r.mimeType };
  }

  async export(caller: Caller, input: { campaignId?: string | null; year?: number | null; format: ExportFormat }): Promise<ExportedFile> {
    if (input.format !== 'XLSX') throw bad('经费台账只能导出为 Excel 工作簿（XLSX）：它有三个工作表', 'format');
    const view = await this.ledger(caller, input.campaignId, input.year);
    const ids = [...new Set(view.spendings.flatMap((s) => [s.recordedBy, ...(s.decidedBy ? [s.decidedBy] : [])]))];
    const names = await this.repository.userNames(ids);
    const unitNames = new Map((await this.repository.units()).map((u) => [u.code, u.name]));
    const content = await fundingXlsx(view, (code) => (code ? (unitNames.get(code) ?? code) : OFFICE_NAME), (userId) => names.get(userId) ?? userId);
    const own = isUnitRole(caller.role) ? visibleUnit(caller) : null;
    return {
      fileName: `经费台账-${view.campaign.id}-${view.year}${own ? `-${own}` : ''}.xlsx`,
      mimeType: XLSX_MIME,
      contentBase64: content.toString('base64'),
    };
  }

  // Fields of the GraphQL types that depend on the caller or on other rows.
  canManage = (caller: Caller) => !caller.service && checkFundingAccess(caller, 'ADD_LINE') === null;
  canRecord = (caller: Caller, line: LineRow) => !caller.service && checkFundingAccess(caller, 'RECORD_SPENDING', { lineId: line.id, year: line.year, name: line.name, amountFen: line.budgetFen, unitCode: line.unitCode, purpose: '', createdAt: '', amendedAt: null }) === null;
  canDecide = (caller: Caller, s: SpendingRow) => !caller.service && canDecideSpending(caller, { state: s.state } as Parameters<typeof canDecideSpending>[1]);

  spendingFields(s: SpendingRow, lineName: string) {
    return {
      id: s.id,
      lineId: s.lineId,
      lineName,
      allocationId: s.allocationId,
      amountFen: s.amountFen,
      payee: s.payee,
      spentOn: s.spentOn,
      purpose: s.purpose,
      receipts: s.receipts.map((r) => ({ ...r, url: `/funding/spendings/${encodeURIComponent(s.id)}/receipts/${r.sha256}` })),
      state: s.state,
      stateLabel: SPENDING_STATE_LABELS[s.state],
      recordedAt: s.recordedAt.toISOString(),
      decidedAt: s.decidedAt?.toISOString() ?? null,
      decisionNote: s.decisionNote,
      escalationLabel: s.escalationLevel ? APPROVAL_LEVEL_LABELS[s.escalationLevel as ApprovalLevel] : null,
    };
  }

  async lineName(lineId: string): Promise<string> {
    return (await this.repository.line(lineId))?.name ?? '';
  }

  async unit(code: string | null) {
    if (code === null) return null;
    return (await this.repository.units([code]))[0] ?? { code, name: code, kind: 'OTHER' };
  }

  async userName(userId: string | null): Promise<string | null> {
    if (!userId) return null;
    return (await this.repository.userNames([userId])).get(userId) ?? userId;
  }

  private async lineView(caller: Caller, lineId: string): Promise<LineView> {
    const line = await this.visibleLine(caller, lineId);
    const view = await this.ledger(caller, line.campaignId, line.year);
    const found = view.lines.find((l) => l.id === lineId);
    if (!found) throw new DomainError('NOT_FOUND', '预算科目不存在或无权查看', 'lineId');
    return found;
  }

  /** The one action path; the answer is read once the ledger's projection has the action's version. */
  private async act(caller: Caller, campaignId: string, command: FundingCommand): Promise<void> {
    const ledgerId = fundingLedgerWorkflowId(campaignId);
    const outcome = await this.actions.execute(ledgerId, fundingActionUpdate, {
      actor: caller,
      command,
      toError: (err) => temporalToDomainError(err, '经费台账的工作流不存在或已结束'),
      startIfMissing: () => startFundingLedger(this.temporal, this.config.temporal.taskQueue, { campaignId, openedBy: caller }),
    });
    if (outcome.replayed) return;
    const version = outcome.result.version;
    await waitForProjection(
      () => this.repository.version(campaignId),
      (v) => v >= version,
    );
  }
}
