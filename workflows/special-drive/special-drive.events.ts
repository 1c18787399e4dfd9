// Domain events of a 专项整治 drive. Every event carries the drive's campaign, area and lead unit, so that the inbox
// rules need nothing else of the stream.
import type { Role } from '../shared/actor.types';
import type { ItemArea } from '../rectification-item/rectification-item.types';
import type { DriveAttachment, DriveLevel, DrivePlan } from './special-drive.types';

type About = { campaignId: string; area: ItemArea; leadUnitCode: string };
type Period = { startsAt: string; endsAt: string; dueAt: string };

export type SpecialDriveEvent =
  | { type: 'SpecialDriveLaunched'; data: About & Period & { timeZone: string; plan: DrivePlan } }
  /** `changed`: the parts of the plan that differ, in the plan's words (leadUnitCode, startDate, …). */
  | { type: 'SpecialDriveAmended'; data: About & Period & { plan: DrivePlan; changed: string[] } }
  | { type: 'SpecialDriveItemAttached'; data: About & { itemId: string } }
  | { type: 'SpecialDriveItemDetached'; data: About & { itemId: string; reason: string } }
  | { type: 'SpecialDriveSummarySubmitted'; data: About & { text: string; attachments: DriveAttachment[]; resubmission: boolean } }
  | { type: 'SpecialDriveSummaryReturned'; data: About & { reason: string } }
  | { type: 'SpecialDriveClosed'; data: About & { note: string } }
  /** The summary not handed in in time: 提醒, 催办, 督办; `notify` says who is told. */
  | { type: 'SpecialDriveEscalated'; data: About & { level: DriveLevel; dueAt: string; notify: Role[] } };

export type SpecialDriveEventType = SpecialDriveEvent['type'];
