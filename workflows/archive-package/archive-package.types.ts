// The archive package (档案包, plan 五(四)1): a zip of every accepted material and library document of a campaign,
// in folders 测评项目 → 指标 → 责任单位, with an index workbook and a completeness sheet, built by an activity that
// streams it into the file store, and its hand-over to the 区创建办 (送审) recorded with the package's SHA-256.
// One workflow per package.
import type { Actor, Role } from '../shared/actor.types';

/** BUILDING until the activity has written it; BUILT (complete or with a warning) or FAILED; SUBMITTED once handed over. */
export const PACKAGE_STATES = ['BUILDING', 'BUILT', 'FAILED', 'SUBMITTED'] as const;
export type PackageState = (typeof PACKAGE_STATES)[number];

export interface ArchivePackageInput {
  campaignId: string;
  requestedBy: Actor;
}

/** What the build activity answers: the zip as stored, and what it holds. */
export interface PackageBuildResult {
  sha256: string;
  size: number;
  fileName: string;
  /** Files in the zip besides the index. */
  fileCount: number;
  /** Materials still missing (rows of the completeness sheet). */
  missingCount: number;
  /** Units with something missing. */
  unitsMissing: number;
}

export interface ArchivePackageState {
  packageId: string;
  campaignId: string;
  state: PackageState;
  requestedBy: string | null;
  requestedAt: string | null;
  builtAt: string | null;
  sha256: string | null;
  size: number | null;
  fileName: string | null;
  fileCount: number | null;
  missingCount: number | null;
  /** Chinese warning when materials were missing; null for a complete package. */
  warning: string | null;
  failure: string | null;
  submittedBy: string | null;
  submittedAt: string | null;
  submissionNote: string | null;
  version: number;
}

export const PACKAGE_ACTIONS = ['SUBMIT'] as const;
export type PackageAction = (typeof PACKAGE_ACTIONS)[number];
export type PackageCommand = { action: 'SUBMIT'; note?: string };

export interface PackageActionRequest {
  command: PackageCommand;
  actor: Actor;
  expectedVersion?: number | null;
  correlationId?: string;
}

/** Who builds packages. */
export const PACKAGE_BUILDER_ROLES: readonly Role[] = ['OFFICE', 'ARCHIVIST'];
/** Who records the hand-over to the 区创建办. */
export const PACKAGE_SUBMITTER_ROLES: readonly Role[] = ['OFFICE'];
export const MAX_PACKAGE_NOTE_CHARS = 500;

/** The warning of a package built while materials were missing. */
export function missingWarning(missingCount: number, unitsMissing: number): string | null {
  if (missingCount === 0) return null;
  return `档案不完整：${unitsMissing}个责任单位尚缺${missingCount}项材料，详见档案包内「索引.xlsx」的「完整性检查」表。送审前请补齐或说明。`;
}
