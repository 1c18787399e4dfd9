// What the funding ledger's service answers and the export writes: the year's lines with their allocations, the
// spendings and the per-unit sums, every amount in fen.
import type { CampaignView } from '../campaign/campaign.repository';
import type { LineRow, SpendingRow, Totals } from './funding.repository';

export interface LineView extends LineRow {
  availableFen: number;
  unallocatedFen: number;
  allocations: AllocationView[];
}

export interface AllocationView {
  id: string;
  lineId: string;
  targetKind: 'DRIVE' | 'TASK';
  area: string | null;
  taskId: string | null;
  targetLabel: string;
  amountFen: number;
  spentFen: number;
  note: string;
  allocatedAt: string;
}

export interface LedgerView {
  campaign: CampaignView;
  year: number;
  thresholdFen: number;
  lines: LineView[];
  spendings: SpendingRow[];
  units: (Totals & { unitCode: string | null; unitName: string })[];
  totals: Totals;
}
