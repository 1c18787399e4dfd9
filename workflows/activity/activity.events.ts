// Domain events of an activity. Each carries its campaign, title and organiser, so the inbox rules need nothing of the
// stream.
import type { Role } from '../shared/actor.types';
import type { ActivityLevel, ActivityPhoto, ActivitySubject } from './activity.types';

type About = { campaignId: string; title: string; organiserUnitCode: string };

export type ActivityEvent =
  | { type: 'ActivityPlanned'; data: ActivitySubject }
  | { type: 'ActivityHeld'; data: About & { heldDate: string; attendance: number; photos: ActivityPhoto[]; summary: string } }
  | { type: 'ActivityCancelled'; data: About & { reason: string } }
  /** 举办 not recorded after the planned date: a step of the ladder, telling `notify` (unit roles: the organiser's). */
  | { type: 'ActivityEscalated'; data: About & { level: ActivityLevel; plannedDate: string; dueAt: string; notify: Role[] } };

export type ActivityEventType = ActivityEvent['type'];
