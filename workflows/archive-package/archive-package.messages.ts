// Messages of the package workflow: its type name and ids, the 送审 Update and the state query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ArchivePackageState, PackageActionRequest, PackageState } from './archive-package.types';

export interface PackageActionResult {
  version: number;
  state: PackageState;
}

export const ARCHIVE_PACKAGE_WORKFLOW_TYPE = 'archivePackageWorkflow';
export const packageActionUpdate = defineUpdate<PackageActionResult, [PackageActionRequest]>('packageAction');
/** Answers once the request is recorded (the package is BUILDING). */
export const packageRequestedUpdate = defineUpdate<ArchivePackageState, []>('packageRequested');
export const packageStateQuery = defineQuery<ArchivePackageState>('packageState');

export const ARCHIVE_PACKAGE_STREAM_PREFIX = 'archive-package-';

export function archivePackageWorkflowId(key: string): string {
  return `${ARCHIVE_PACKAGE_STREAM_PREFIX}${key}`;
}
