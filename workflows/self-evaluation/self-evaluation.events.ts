// Domain events of a self-evaluation round. Each carries its campaign and title, so the inbox rules need nothing of the stream.
import type { Role } from '../shared/actor.types';
import type { FormContent, SelfEvaluationLevel, SelfEvaluationSubject } from './self-evaluation.types';

type About = { campaignId: string; title: string };

export type SelfEvaluationEvent =
  | { type: 'SelfEvaluationOpened'; data: SelfEvaluationSubject }
  /** A unit's form; `resubmission` after a return. Whether it came late is the event's time against the round's due time. */
  | { type: 'SelfEvaluationSubmitted'; data: About & FormContent & { unitCode: string; resubmission: boolean } }
  | { type: 'SelfEvaluationReturned'; data: About & { unitCode: string; reason: string } }
  | { type: 'SelfEvaluationClosed'; data: About & { note: string } }
  /** Forms still missing (or returned) at a step of the ladder. */
  | { type: 'SelfEvaluationEscalated'; data: About & { level: SelfEvaluationLevel; dueAt: string; missing: string[]; notify: Role[] } };

export type SelfEvaluationEventType = SelfEvaluationEvent['type'];
