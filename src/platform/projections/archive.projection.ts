// The archive library and packages (issue 19), in the append's transaction: the library documents' streams folded
// with the workflow's evolveLibrary into `archive_documents`, the packages' streams with evolvePackage into
// `archive_packages`. Both are rebuilt from the events.
import type { Insertable, Transaction } from 'kysely';
import type { ArchiveDocumentsTable, ArchivePackagesTable, Database } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { applyToStreamRows, combineRebuilds, rebuildStreamRows } from './stream-rows';
import { stateRows, type StateRow } from './state-rows';
import { evolveLibrary, initialLibraryState } from '../../../workflows/archive-library/archive-library.evolve';
import { ARCHIVE_DOCUMENT_STREAM_PREFIX } from '../../../workflows/archive-library/archive-library.messages';
import type { LibraryDocumentState } from '../../../workflows/archive-library/archive-library.types';
import { evolvePackage, initialPackageState } from '../../../workflows/archive-package/archive-package.evolve';
import { ARCHIVE_PACKAGE_STREAM_PREFIX } from '../../../workflows/archive-package/archive-package.messages';
import type { ArchivePackageState } from '../../../workflows/archive-package/archive-package.types';

const DOCUMENT_ROWS = stateRows({
  table: 'archive_documents',
  key: 'document_id',
  isStream: (id) => id.startsWith(ARCHIVE_DOCUMENT_STREAM_PREFIX),
  initial: (id) => initialLibraryState(id),
  evolve: evolveLibrary,
  toRow: ({ state: s, lastPosition }: StateRow<LibraryDocumentState>): Insertable<ArchiveDocumentsTable> | null =>
    s.submittedAt === null
      ? null
      : {
          document_id: s.documentId,
          campaign_id: s.campaignId,
          kind: s.kind,
          title: s.title,
          unit_code: s.unitCode,
          state: s.state,
          source: s.source,
          submitted_at: s.submittedAt,
          version: s.version,
          last_position: lastPosition,
          state_json: JSON.stringify(s),
        },
  updated: ['title', 'state', 'submitted_at', 'version', 'last_position', 'state_json'],
});

const PACKAGE_ROWS = stateRows({
  table: 'archive_packages',
  key: 'package_id',
  isStream: (id) => id.startsWith(ARCHIVE_PACKAGE_STREAM_PREFIX),
  initial: (id) => initialPackageState(id),
  evolve: evolvePackage,
  toRow: ({ state: s, lastPosition }: StateRow<ArchivePackageState>): Insertable<ArchivePackagesTable> | null =>
    s.requestedAt === null
      ? null
      : {
          package_id: s.packageId,
          campaign_id: s.campaignId,
          state: s.state,
          requested_at: s.requestedAt,
          sha256: s.sha256,
          version: s.version,
          last_position: lastPosition,
          state_json: JSON.stringify(s),
        },
  updated: ['state', 'sha256', 'version', 'last_position', 'state_json'],
});

export class ArchiveProjection implements InlineProjection {
  readonly name = 'archive';
  readonly schemaVersion = 1;

  async apply(trx: Transaction<Database>, events: readonly StoredEvent[]): Promise<void> {
    await applyToStreamRows(trx, events, DOCUMENT_ROWS);
    await applyToStreamRows(trx, events, PACKAGE_ROWS);
  }

  async rebuild(trx: Transaction<Database>): Promise<ProjectionRebuild> {
    const documents = await rebuildStreamRows(trx, DOCUMENT_ROWS);
    const packages = await rebuildStreamRows(trx, PACKAGE_ROWS);
    return combineRebuilds(documents, packages);
  }
}
