// The report form's GraphQL documents (validated against the schema by test/unit/web-documents.spec.ts).
import { boardPages } from '../api/documents';

/** Report a problem: a new rectification item, or the open item of the same place and area it is merged into. */
export const REPORT_ITEM = `mutation ReportItem($input: ReportItemInput!) {
  reportItem(input: $input) {
    duplicate
    item {
      id state stateLabel source sourceLabel area description duplicateReports createdAt dueAt
      location { address latitude longitude }
      unit { code name }
      photos { sha256 name size }
    }
  }
}`;

/** The units to dispatch to, for the office and the leading group (the organisation is theirs to read). */
export const REPORT_UNITS_ORGANISATION = `query ReportUnitsOrganisation { organisation { units { code name } } }`;

/** The units to dispatch to, for supervisors: the responsible units of the board's cards. */
export const REPORT_UNIT_PAGES = boardPages('task', { board: 'ReportUnitsBoard', column: 'ReportUnitsBoardColumn' }, { campaign: 'id', cards: 'unit { code name }' });
export const REPORT_UNITS_BOARD = REPORT_UNIT_PAGES.board;
export const REPORT_UNITS_BOARD_COLUMN = REPORT_UNIT_PAGES.column;
