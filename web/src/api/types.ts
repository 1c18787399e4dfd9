// The shapes of what the documents in documents.ts return (only the fields they ask for).

export type Role = 'LEADER' | 'OFFICE' | 'SUPERVISOR' | 'ARCHIVIST' | 'UNIT_HEAD' | 'UNIT_MEMBER';

export interface Me {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  unit: { code: string; name: string } | null;
}

export interface CampaignHeader {
  id: string;
  name: string;
  inspectionDate: string;
  daysToInspection: number;
  phase: string;
  phaseLabel: string;
  countdownLabel: string;
}

export interface Card {
  id: string;
  campaignId: string;
  stage: string;
  stageLabel: string;
  classification: string | null;
  awaitingReview: string | null;
  dueAt: string;
  stageDueAt: string | null;
  relapseCount: number;
  version: number;
  allowedActions: string[];
  updatedAt: string;
  escalationLevel: string | null;
  recheckDue: boolean;
  nextRecheckAt: string | null;
  pendingExtension: { requestedDueAt: string; reason: string } | null;
  indicator: { code: string; name: string; itemName: string; area: string | null };
  unit: { code: string; name: string };
  leadUnit: { code: string; name: string };
}

export interface ItemCard {
  id: string;
  campaignId: string;
  state: string;
  stateLabel: string;
  source: string;
  sourceLabel: string;
  area: string | null;
  description: string;
  dueAt: string | null;
  recheckAt: string | null;
  escalationLevel: string | null;
  relapseCount: number;
  duplicateReports: number;
  version: number;
  allowedActions: string[];
  createdAt: string;
  updatedAt: string;
  indicatorTaskId: string | null;
  location: { address: string; latitude: number | null; longitude: number | null };
  unit: { code: string; name: string } | null;
  pendingExtension: { requestedDueAt: string; reason: string } | null;
  pendingDispatchReturn: { reason: string } | null;
}

export interface BoardData {
  board: { campaign: { id: string; name: string; inspectionDate: string; daysToInspection: number }; columns: { stage: string; label: string; count: number; cards: Card[] }[] };
}

export interface ItemBoardData {
  itemBoard: { campaign: { id: string; name: string; inspectionDate: string; daysToInspection: number }; columns: { state: string; label: string; count: number; items: ItemCard[] }[] };
}
