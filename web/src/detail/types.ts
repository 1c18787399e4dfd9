// What the card detail reads (TASK and ITEM in api/documents.ts, and the mutations in ./documents.ts).
import type { DetailFragment, ItemDetailFragment } from '../api/graphql.generated';

export type TaskDetail = DetailFragment;
export type ItemDetail = ItemDetailFragment;
export type HistoryEntry = TaskDetail['history'][number];

/** What the gallery shows of any stored file: evidence, photos, an archive material's file. */
export interface StoredFile {
  sha256?: string;
  name: string;
  size: number;
  url: string;
  mimeType?: string;
}
