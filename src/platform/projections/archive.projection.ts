// The archive library and packages (issue 19), in the append's transaction: the library documents' streams folded
// with the workflow's evolveLibrary into `archive_documents`, the packages' streams with evolvePackage into
// `archive_packages`. Both are rebuilt from the events.
import type { Transaction } from 'kysely';
import type { Database } from '../database/database.types';
import type { InlineProjection, ProjectionRebuild, StoredEvent } from '../event-store/event-store.types';
import { applyToStreamRows, rebuildStreamRows, type StreamRows } from './stream-rows';
import type { ArchiveLibraryEvent } from '../../../workflows/archive-library/archive-library.events';
import { evolveLibrary, initialLibraryState } from '../../../workflows/archive-library/archive-library.evolve';
import { ARCHIVE_DOCUMENT_STREAM_PREFIX } from '../../../workflows/archive-library/archive-library.messages';
import type { LibraryDocumentState } from '../../../workflows/archive-library/archive-library.types';
import type { ArchivePackageEvent } from '../../../workflows/archive-package/archive-package.events';
import { evolvePackage, initialPackageState } from '../../../workflows/archive-package/archive-package.evolve';
import { ARCHIVE_PACKAGE_STREAM_PREFIX } from '../../../workflows/archive-package/archive-package.messages';
import type { ArchivePackageState } from '../../../workflows/archive-package/archive-package.types';

const INSERT_CHUNK = 500;

function metaOf(event: StoredEvent) {
  const actor = event.metadata.actor as { userId?: string } | undefined;
  return { actorId: actor?.userId ?? '', at: event.occurredAt.toISOString() };
}

interface DocumentRow {
  state: LibraryDocumentState;
  lastPosition: string;
}

const DOCUMENT_ROWS: StreamRows<DocumentRow> = {
  isStream: (id) => id.startsWith(ARCHIVE_DOCUMENT_STREAM_PREFIX),
  async read(trx, ids) {
    const rows = await trx.selectFrom('archive_documents').select(['document_id', 'state_json', 'last_position']).where('document_id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.document_id, { state: r.state_json as unknown as LibraryDocumentState, lastPosition: r.last_position }]));
  },
  fold(row, event) {
    const state = evolveLibrary(row?.state ?? initialLibraryState(event.streamId), { type: event.type, data: event.data } as ArchiveLibraryEvent, metaOf(event));
    return { state, lastPosition: event.position };
  },
  async write(trx, rows) {
    const values = rows
      .filter((r) => r.state.submittedAt !== null)
      .map(({ state: s, lastPosition }) => ({
        document_id: s.documentId,
        campaign_id: s.campaignId,
        kind: s.kind,
        title: s.title,
        unit_code: s.unitCode,
        state: s.state,
        source: s.source,
        submitted_at: s.submittedAt!,
        version: s.version,
        last_position: lastPosition,
        state_json: JSON.stringify(s),
      }));
    for (let i = 0; i < values.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('archive_documents')
        .values(values.slice(i, i + INSERT_CHUNK))
        .onConflict((oc) =>
          oc.column('document_id').doUpdateSet((eb) => ({
            title: eb.ref('excluded.title'),
            state: eb.ref('excluded.state'),
            submitted_at: eb.ref('excluded.submitted_at'),
            version: eb.ref('excluded.version'),
            last_position: eb.ref('excluded.last_position'),
            state_json: eb.ref('excluded.state_json'),
          })),
        )
        .execute();
    }
  },
  async clear(trx) {
    await trx.deleteFrom('archive_documents').execute();
  },
};

interface PackageRow {
  state: ArchivePackageState;
  lastPosition: string;
}

const PACKAGE_ROWS: StreamRows<PackageRow> = {
  isStream: (id) => id.startsWith(ARCHIVE_PACKAGE_STREAM_PREFIX),
  async read(trx, ids) {
    const rows = await trx.selectFrom('archive_packages').select(['package_id', 'state_json', 'last_position']).where('package_id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.package_id, { state: r.state_json as unknown as ArchivePackageState, lastPosition: r.last_position }]));
  },
  fold(row, event) {
    const state = evolvePackage(row?.state ?? initialPackageState(event.streamId), { type: event.type, data: event.data } as ArchivePackageEvent, metaOf(event));
    return { state, lastPosition: event.position };
  },
  async write(trx, rows) {
    const values = rows
      .filter((r) => r.state.requestedAt !== null)
      .map(({ state: s, lastPosition }) => ({
        package_id: s.packageId,
        campaign_id: s.campaignId,
        state: s.state,
        requested_at: s.requestedAt!,
        sha256: s.sha256,
        version: s.version,
        last_position: lastPosition,
        state_json: JSON.stringify(s),
      }));
    for (let i = 0; i < values.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('archive_packages')
        .values(values.slice(i, i + INSERT_CHUNK))
        .onConflict((oc) =>
          oc.column('package_id').doUpdateSet((eb) => ({
            state: eb.ref('excluded.state'),
            sha256: eb.ref('excluded.sha256'),
            version: eb.ref('excluded.version'),
            last_position: eb.ref('excluded.last_position'),
            state_json: eb.ref('excluded.state_json'),
          })),
        )
        .execute();
    }
  },
  async clear(trx) {
    await trx.deleteFrom('archive_packages').execute();
  },
};

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
    return combine(documents, packages);
  }
}

/** Two rebuilds as one: each event to both (each takes only its own streams). */
function combine(a: ProjectionRebuild, b: ProjectionRebuild): ProjectionRebuild {
  return {
    visit(event) {
      const first = a.visit(event);
      const second = b.visit(event);
      if (first || second) return Promise.all([first, second]).then(() => undefined);
      return undefined;
    },
    async finish() {
      const [x, y] = [await a.finish(), await b.finish()];
      return { events: x.events + y.events };
    },
  };
}
