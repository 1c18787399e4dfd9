// Domain events of mobilization. A document's stream is its workflow id (`mobilization-doc-…`), a unit's response's
// stream its own (`mobilization-resp-…`); see mobilization.messages.ts.
import type { Role } from '../shared/actor.types';
import type { MobilizationDocKind, MobilizationFile, MobilizationLevel, ResponsibleGroup } from './mobilization.types';

export type MobilizationDocEvent =
  | {
      type: 'MobilizationDocumentIssued';
      data: {
        campaignId: string;
        kind: MobilizationDocKind;
        title: string;
        summary: string;
        file: MobilizationFile;
        unitCodes: string[];
        requiresPlan: boolean;
        requiresGroup: boolean;
        dueAt: string;
      };
    }
  /** The deadline passed: what is still missing is the responses' ladders' business. */
  | { type: 'MobilizationDocumentDue'; data: { dueAt: string } };

export type MobilizationResponseEvent =
  | {
      type: 'MobilizationResponseOpened';
      data: { documentId: string; campaignId: string; unitCode: string; title: string; requiresPlan: boolean; requiresGroup: boolean; dueAt: string };
    }
  | { type: 'MobilizationAcknowledged'; data: { unitCode: string; note: string } }
  | { type: 'MobilizationPlanSubmitted'; data: { unitCode: string; file: MobilizationFile; summary: string } }
  | { type: 'MobilizationGroupRegistered'; data: { unitCode: string } & ResponsibleGroup }
  | { type: 'MobilizationApproved'; data: { unitCode: string; note: string } }
  | { type: 'MobilizationReturned'; data: { unitCode: string; reason: string } }
  /** A submission missing at a step of the ladder; `missing` names what, `notify` who is told. */
  | { type: 'MobilizationEscalated'; data: { unitCode: string; level: MobilizationLevel; dueAt: string; missing: string[]; notify: Role[] } };

export type MobilizationDocEventType = MobilizationDocEvent['type'];
export type MobilizationResponseEventType = MobilizationResponseEvent['type'];
