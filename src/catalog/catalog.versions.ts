// Versions of the assessment catalog (测评体系的版本): which title a version gets, the catalog in the one order
// a version stores it, what a version counts, and the names of exported files. Pure.
import { oneLine } from '../platform/spreadsheet';
import { DEFAULT_CATALOG_TITLE, byCode, LEGACY_EXPORT_HEADING, MAX_TITLE_LENGTH, type Catalog } from './catalog.types';

export const EMPTY_CATALOG: Catalog = { items: [], indicators: [] };

/**
 * A title as written, on one line; null for none: empty, longer than MAX_TITLE_LENGTH (a paragraph, not a
 * title), or the layout heading earlier exports wrote (it never named a catalog).
 */
export function normaliseTitle(text: string | null | undefined): string | null {
  const title = oneLine(text ?? '');
  if (title === '' || [...title].length > MAX_TITLE_LENGTH || title === LEGACY_EXPORT_HEADING) return null;
  return title;
}

export interface TitleChoice {
  title: string;
  /** Whether the file or the importer named it: only a named title can change a version's title. */
  named: boolean;
}

/** The file's title row, else the title the importer gave, else the previous version's, else the default. */
export function chooseTitle(fileTitle: string | null, givenTitle: string | null, previousTitle: string | null): TitleChoice {
  const named = fileTitle ?? givenTitle;
  if (named !== null) return { title: named, named: true };
  return { title: previousTitle ?? DEFAULT_CATALOG_TITLE, named: false };
}

/**
 * Items and indicators by code (A2 before A10), criteria and materials by position: a version's snapshot is
 * the same JSON however the tables happened to return their rows.
 */
export function canonicalCatalog(catalog: Catalog): Catalog {
  return {
    items: [...catalog.items].sort((a, b) => byCode(a.code, b.code)).map((i) => ({ code: i.code, name: i.name })),
    indicators: [...catalog.indicators]
      .sort((a, b) => byCode(a.code, b.code))
      .map((i) => ({
        code: i.code,
        itemCode: i.itemCode,
        name: i.name,
        method: i.method,
        points: i.points,
        standard: i.standard,
        area: i.area,
        criteria: [...i.criteria].sort((a, b) => a.position - b.position).map((c) => ({ ...c })),
        materials: [...i.materials].sort((a, b) => a.position - b.position).map((m) => ({ ...m })),
      })),
  };
}

/** What a version's row counts: its indicators and the sum of their points. */
export function catalogTotals(catalog: Catalog): { indicatorCount: number; totalPoints: number } {
  const cents = catalog.indicators.reduce((sum, i) => sum + Math.round(i.points * 100), 0);
  return { indicatorCount: catalog.indicators.length, totalPoints: cents / 100 };
}

/** 测评体系-v3-20261127.xlsx; without the version while there is none. */
export function exportFileName(version: number | null, day: string, extension: 'xlsx' | 'csv'): string {
  return version === null ? `测评体系-${day}.${extension}` : `测评体系-v${version}-${day}.${extension}`;
}
