// What the card detail reads (TASK and ITEM in api/documents.ts, and the mutations in ./documents.ts).
import type { Card, ItemCard } from '../api/types';

export interface Actor {
  displayName: string;
}

export interface HistoryEntry {
  streamVersion: number;
  label: string;
  occurredAt: string;
  data: Record<string, unknown> | null;
  actor: Actor;
}

export interface StoredFile {
  sha256?: string;
  name: string;
  size: number;
  url: string;
  mimeType?: string;
}

export interface TaskDetail extends Card {
  temporalUiUrl: string | null;
  failedCriteria: string[];
  rectificationPlan: { plan: string; deadline: string } | null;
  indicator: Card['indicator'] & {
    method: string;
    points: number;
    standard: string;
    criteria?: { code: string; content: string; points: number; deductionRule: string }[];
  };
  history: HistoryEntry[];
  sideActions: string[];
  comments: { text: string; at: string; author: Actor }[];
  evidence: (StoredFile & { sha256: string; mimeType: string; note: string; at: string; uploadedBy: Actor })[];
  archiveMaterials: {
    code: string;
    name: string;
    status: 'MISSING' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
    statusLabel: string;
    note: string;
    returnReason: string | null;
    submittedAt: string | null;
    reviewedAt: string | null;
    file: StoredFile | null;
    submittedBy: Actor | null;
    reviewedBy: Actor | null;
  }[];
  linkedItems: { id: string; state: string; stateLabel: string; description: string; unit: { name: string } | null }[];
}

export interface ItemDetail extends ItemCard {
  criterionCode: string | null;
  returnReason: string | null;
  reportedBy: Actor | null;
  photos: StoredFile[];
  submission: { note: string; submittedAt: string; photos: StoredFile[]; submittedBy: Actor } | null;
  history: HistoryEntry[];
}
