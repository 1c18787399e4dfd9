// Domain events of an archive package; its stream is its workflow id (`archive-package-…`).
export type ArchivePackageEvent =
  | { type: 'ArchivePackageRequested'; data: { campaignId: string } }
  | {
      type: 'ArchivePackageBuilt';
      data: { sha256: string; size: number; fileName: string; fileCount: number; missingCount: number; warning: string | null };
    }
  | { type: 'ArchivePackageFailed'; data: { reason: string } }
  /** 送审: handed over to the 区创建办, with the SHA-256 of the package as it was written. */
  | { type: 'ArchivePackageSubmitted'; data: { sha256: string; note: string } };

export type ArchivePackageEventType = ArchivePackageEvent['type'];
