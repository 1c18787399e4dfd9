// 经费保障 (the 保障组's funding ledger): the year's lines, spendings and per-unit sums; the office's lines, threshold
// and allocations; spendings with receipts; the leaders' approval; the Excel export. Amounts are Fen (integers).

const TOTALS = 'budgetFen allocatedFen spentFen pendingFen';
const LINE = `id year name purpose unit { code name } budgetFen allocatedFen spentFen pendingFen availableFen unallocatedFen canRecordSpending
  allocations { id targetKind area taskId targetLabel amountFen spentFen note allocatedAt }`;
const SPENDING = `id lineId lineName allocationId unit { code name } amountFen payee spentOn purpose state stateLabel recordedAt recordedByName
  decidedAt decidedByName decisionNote escalationLabel canDecide receipts { sha256 name size url }`;

export const FUNDING_LEDGER = `query FundingLedger($year: Int) {
  fundingLedger(year: $year) {
    campaignId year thresholdFen canManage totals { ${TOTALS} }
    lines { ${LINE} }
    spendings { ${SPENDING} }
    units { unitName unit { code } totals { ${TOTALS} } }
  }
}`;

export const FUNDING_UNITS = 'query FundingUnits { units { code name } }';

export const SET_FUNDING_THRESHOLD = `mutation SetFundingApprovalThreshold($thresholdFen: Fen!) { setFundingApprovalThreshold(thresholdFen: $thresholdFen) }`;

export const ADD_BUDGET_LINE = `mutation AddBudgetLine($input: AddBudgetLineInput!) { addBudgetLine(input: $input) { id } }`;

export const ALLOCATE_FUNDS = `mutation AllocateFunds($input: AllocateFundsInput!) { allocateFunds(input: $input) { id } }`;

export const RECORD_SPENDING = `mutation RecordSpending($input: RecordSpendingInput!) { recordSpending(input: $input) { id state } }`;

export const APPROVE_SPENDING = `mutation ApproveSpending($id: ID!, $note: String) { approveSpending(id: $id, note: $note) { id state } }`;

export const REJECT_SPENDING = `mutation RejectSpending($id: ID!, $reason: String!) { rejectSpending(id: $id, reason: $reason) { id state } }`;

export const EXPORT_FUNDING_LEDGER = `query ExportFundingLedger($year: Int) { exportFundingLedger(format: XLSX, year: $year) { fileName mimeType contentBase64 } }`;
