// Every migration, in order. Listed here (not read from a folder) so that they work the same from
// TypeScript sources under jest and from the compiled build.
import type { Migration } from 'kysely';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-card-state';
import * as m0003 from './0003-task-breakdown-imports';
import * as m0004 from './0004-criteria-materials-groups';
import * as m0005 from './0005-campaign-policy';
import * as m0006 from './0006-catalog-versions';
import * as m0007 from './0007-task-assignment-ids';
import * as m0008 from './0008-rectification-items';
import * as m0009 from './0009-campaign-clock';
import * as m0010 from './0010-reports';
import * as m0011 from './0011-inspection-rounds';
import * as m0012 from './0012-sign-in';
import * as m0013 from './0013-access-denials';
import * as m0014 from './0014-service-accounts';
import * as m0015 from './0015-list-indexes';
import * as m0016 from './0016-idempotency-keys';
import * as m0017 from './0017-lead-unit-index';
import * as m0018 from './0018-sign-in-hygiene';
import * as m0019 from './0019-board-columns';
import * as m0020 from './0020-uploaded-files';
import * as m0021 from './0021-auth-change-notify';
import * as m0022 from './0022-notifications';
import * as m0023 from './0023-workflow-outbox';
import * as m0024 from './0024-notification-delivery';
import * as m0025 from './0025-responsible-person';
import * as m0027 from './0027-official-notices';
import * as m0028 from './0028-working-day-overrides';
import * as m0029 from './0029-group-robots';
import * as m0030 from './0030-awaiting-decision';
import * as m0031 from './0031-board-count-index';
import * as m0032 from './0032-drop-redundant-card-indexes';
import * as m0033 from './0033-board-snapshots';
import * as m0034 from './0034-mobilization';
import * as m0035 from './0035-briefings';
import * as m0036 from './0036-unit-reports';
import * as m0037 from './0037-archive-library';
import * as m0038 from './0038-special-drives';
import * as m0039 from './0039-funding-ledger';
import * as m0040 from './0040-window-service-checklists';
import * as m0041 from './0041-key-flags';
import * as m0042 from './0042-survey-rounds';
import * as m0043 from './0043-publicity-ledger';
import * as m0044 from './0044-activities';
import * as m0045 from './0045-self-evaluation';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-card-state': m0002,
  '0003-task-breakdown-imports': m0003,
  '0004-criteria-materials-groups': m0004,
  '0005-campaign-policy': m0005,
  '0006-catalog-versions': m0006,
  '0007-task-assignment-ids': m0007,
  '0008-rectification-items': m0008,
  '0009-campaign-clock': m0009,
  '0010-reports': m0010,
  '0011-inspection-rounds': m0011,
  '0012-sign-in': m0012,
  '0013-access-denials': m0013,
  '0014-service-accounts': m0014,
  '0015-list-indexes': m0015,
  '0016-idempotency-keys': m0016,
  '0017-lead-unit-index': m0017,
  '0018-sign-in-hygiene': m0018,
  '0019-board-columns': m0019,
  '0020-uploaded-files': m0020,
  '0021-auth-change-notify': m0021,
  '0022-notifications': m0022,
  '0023-workflow-outbox': m0023,
  '0024-notification-delivery': m0024,
  '0025-responsible-person': m0025,
  '0027-official-notices': m0027,
  '0028-working-day-overrides': m0028,
  '0029-group-robots': m0029,
  '0030-awaiting-decision': m0030,
  '0031-board-count-index': m0031,
  '0032-drop-redundant-card-indexes': m0032,
  '0033-board-snapshots': m0033,
  '0034-mobilization': m0034,
  '0035-briefings': m0035,
  '0036-unit-reports': m0036,
  '0037-archive-library': m0037,
  '0038-special-drives': m0038,
  '0039-funding-ledger': m0039,
  '0040-window-service-checklists': m0040,
  '0041-key-flags': m0041,
  '0042-survey-rounds': m0042,
  '0043-publicity-ledger': m0043,
  '0044-activities': m0044,
  '0045-self-evaluation': m0045,
};
