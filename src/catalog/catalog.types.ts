// Types of the assessment catalog (测评体系: AssessmentSystem → AssessmentItem → Indicator → Criterion, plus
// the archive materials each indicator requires) and of its import: what the parser reads from a spreadsheet,
// what the validator plans from it. Pure data. Identifiers as in GLOSSARY.md.
import type { SheetProblem } from '../platform/spreadsheet';
import { ITEM_AREA_LABELS } from '../../workflows/rectification-item/rectification-item.labels';
import { ITEM_AREAS, type ItemArea } from '../../workflows/rectification-item/rectification-item.types';

export const ASSESSMENT_METHODS = ['FIELD', 'MATERIAL', 'SURVEY', 'SIMULATED'] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];
export const METHOD_LABELS: Record<AssessmentMethod, string> = {
  FIELD: '实地考察',
  MATERIAL: '材料审核',
  SURVEY: '问卷调查',
  SIMULATED: '模拟暗访',
};

/** The six drives and their Chinese names: one list, the rectification items' (GLOSSARY.md). */
export const RECTIFICATION_AREAS = ITEM_AREAS;
export type RectificationArea = ItemArea;
export const AREA_LABELS: Record<RectificationArea, string> = ITEM_AREA_LABELS;
/** The seed plan writes 巿 (U+5DFF) for 市 in 巿容巿貌 and 集贸巿场; files copied from it do too. */
export const AREA_ALIASES: Record<string, RectificationArea> = { 巿容巿貌: 'CITY_APPEARANCE', 集贸巿场: 'MARKETS' };

/** Columns of the catalog sheet, in the order the export writes them. */
export const CATALOG_COLUMNS = [
  'itemCode',
  'itemName',
  'indicatorCode',
  'indicatorName',
  'content',
  'method',
  'points',
  'deductionRule',
  'materials',
  'area',
] as const;
export type CatalogColumn = (typeof CATALOG_COLUMNS)[number];

/** The largest value numeric(6, 2) holds: a criterion's points and an indicator's total. */
export const MAX_POINTS = 9999.99;

/** A criterion row as read: null where a value is missing or could not be read (the parser reported that). */
export interface CatalogRow {
  sheet: string;
  row: number;
  itemCode: string | null;
  itemName: string | null;
  indicatorCode: string | null;
  indicatorName: string | null;
  content: string | null;
  method: AssessmentMethod | null;
  points: number | null;
  /** '' when the file gives none. */
  deductionRule: string;
  materials: string[];
  area: RectificationArea | null;
  /** Header name as written (测评标准 for 测评内容) and column letter of each column, for problems. */
  columns: Partial<Record<CatalogColumn, { name: string; letter: string | null }>>;
}

export interface CatalogParse {
  rows: CatalogRow[];
  problems: SheetProblem[];
  /** The title row above the header (全国文明城区测评体系（2021年版）), or null when the file has none. */
  title: string | null;
}

export interface CriterionPlan {
  code: string;
  position: number;
  content: string;
  method: AssessmentMethod;
  points: number;
  deductionRule: string;
}

export interface MaterialPlan {
  code: string;
  position: number;
  name: string;
}

export interface IndicatorPlan {
  code: string;
  itemCode: string;
  name: string;
  /** The first criterion's method: the board shows one method per indicator. */
  method: AssessmentMethod;
  /** The sum of its criteria's points. */
  points: number;
  /** Its criteria's contents, one per line: what the board shows as the indicator's standard. */
  standard: string;
  area: RectificationArea | null;
  criteria: CriterionPlan[];
  materials: MaterialPlan[];
}

export interface ItemPlan {
  code: string;
  name: string;
}

/** A whole catalog: the file's, or the database's as it stands. */
export interface Catalog {
  items: ItemPlan[];
  indicators: IndicatorPlan[];
}

/** What the file is checked against: the catalog as it stands and the indicators that tasks use. */
export interface CatalogReference {
  current: Catalog;
  /** Indicator code → number of tasks (breakdown assignments and cards) using it. */
  indicatorsInUse: ReadonlyMap<string, number>;
}

export interface CatalogPlanResult {
  /** Meaningful only when problems is empty. */
  catalog: Catalog;
  problems: SheetProblem[];
}

/** Codes in the order people number them: A2 before A10. */
export function byCode(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function criterionCode(indicatorCode: string, position: number): string {
  return `${indicatorCode}-${position}`;
}

export function materialCode(indicatorCode: string, position: number): string {
  return `${indicatorCode}-M${position}`;
}

// ---------------------------------------------------------------------------------------------------------
// Versions of the catalog

/** The title of a version when neither the file, nor the importer, nor an earlier version gives one. */
export const DEFAULT_CATALOG_TITLE = '全国文明城区测评体系';
/** Titles longer than this are not titles (a paragraph of instructions, a note): refused, not cut short. */
export const MAX_TITLE_LENGTH = 100;
/**
 * The heading earlier exports wrote above the header. It names the layout, not the catalog, so a file
 * exported before versions existed keeps the current title when imported again.
 */
export const LEGACY_EXPORT_HEADING = '测评体系（测评项目、测评指标、测评内容）';
