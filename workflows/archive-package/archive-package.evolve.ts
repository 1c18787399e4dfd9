// How a package's events change its state: a pure fold shared by the workflow and the projection.
import { assertNever } from '../shared/assert-never';
import type { EventMeta } from '../shared/decision.types';
import type { ArchivePackageEvent } from './archive-package.events';
import type { ArchivePackageState } from './archive-package.types';

export function initialPackageState(packageId: string, campaignId = ''): ArchivePackageState {
  return {
    packageId,
    campaignId,
    state: 'BUILDING',
    requestedBy: null,
    requestedAt: null,
    builtAt: null,
    sha256: null,
    size: null,
    fileName: null,
    fileCount: null,
    missingCount: null,
    warning: null,
    failure: null,
    submittedBy: null,
    submittedAt: null,
    submissionNote: null,
    version: 0,
  };
}

export function evolvePackage(state: ArchivePackageState, event: ArchivePackageEvent, meta: EventMeta): ArchivePackageState {
  const next: ArchivePackageState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'ArchivePackageRequested':
      return { ...next, campaignId: event.data.campaignId, state: 'BUILDING', requestedBy: meta.actorId, requestedAt: meta.at };
    case 'ArchivePackageBuilt':
      return { ...next, ...event.data, state: 'BUILT', builtAt: meta.at };
    case 'ArchivePackageFailed':
      return { ...next, state: 'FAILED', failure: event.data.reason };
    case 'ArchivePackageSubmitted':
      return { ...next, state: 'SUBMITTED', submittedBy: meta.actorId, submittedAt: meta.at, submissionNote: event.data.note };
    default:
      return assertNever(event);
  }
}
