// Reading spreadsheets people upload (.xlsx and .csv) into grids of cells, safely, and finding tables in them:
// the part every import shares (任务分解表, 测评体系, 组织机构). Pure apart from the .xlsx worker thread; no
// database, nothing thrown for a bad file. What a table means is each feature's business.
export { MAX_CSV_BYTES, csvField, decodeCsvBytes, tokenizeCsv, type CsvGrid } from './csv';
export { HEADER_SEARCH_ROWS, MAX_DATA_ROWS, type Grid, type GridCell, type GridRow } from './grid';
export { IMPORT_PROBLEM_CODES, formatProblems, problem, type ImportProblem, type ImportProblemCode } from './problems';
export * from './table';
export { cleanText, closestName, columnIndex, columnLetter, commonCharacters, editDistance, location, nameKey, oneLine } from './text';
export { MAX_XLSX_BYTES, MAX_XLSX_CELLS, MAX_XLSX_ENTRIES, MAX_XLSX_GRID_CELLS, MAX_XLSX_MERGES, MAX_XLSX_RATIO, MAX_XLSX_UNZIPPED_BYTES, loadWorkbook, notXlsxReason, readWorkbookGrids, sheetGrid, type WorkbookGrids, type WorkbookRead } from './xlsx-workbook';
