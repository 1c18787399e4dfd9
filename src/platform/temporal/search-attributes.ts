import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../../../workflows/search-attributes';

/**
 * Registers our custom search attributes in a namespace (the dev server does this from its command line;
 * a cluster or the time-skipping test server needs it once). Registering existing ones is not an error.
 */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const keyword = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(SEARCH_ATTRIBUTES.map((key) => [key.name, keyword])),
    });
  } catch (err) {
    if (!/already exists/i.test(String((err as Error)?.message ?? err))) throw err;
  }
}
