// Chinese labels of archive packages.
import type { ArchivePackageEventType } from './archive-package.events';
import type { PackageState } from './archive-package.types';

export const PACKAGE_STATE_LABELS: Record<PackageState, string> = { BUILDING: '生成中', BUILT: '已生成', FAILED: '生成失败', SUBMITTED: '已送审' };
export const PACKAGE_EVENT_LABELS: Record<ArchivePackageEventType, string> = {
  ArchivePackageRequested: '申请生成档案包',
  ArchivePackageBuilt: '档案包已生成',
  ArchivePackageFailed: '档案包生成失败',
  ArchivePackageSubmitted: '档案包送审',
};
