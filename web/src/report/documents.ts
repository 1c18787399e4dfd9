// The report form's GraphQL documents (validated against the schema by test/unit/web-documents.spec.ts).

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
export const REPORT_UNITS_BOARD = `query ReportUnitsBoard($campaign: String, $first: Int) {
  board(campaignId: $campaign, first: $first) { campaign { id } columns { stage pageInfo { hasNextPage endCursor } cards { unit { code name } } } }
}`;
export const REPORT_UNITS_BOARD_COLUMN = `query ReportUnitsBoardColumn($campaign: String, $stage: Stage!, $first: Int, $after: String) {
  boardColumn(campaignId: $campaign, stage: $stage, first: $first, after: $after) { pageInfo { hasNextPage endCursor } cards { unit { code name } } }
}`;
/** Every card's unit, a page of a column at a time. */
export const REPORT_UNIT_PAGES = { board: REPORT_UNITS_BOARD, column: REPORT_UNITS_BOARD_COLUMN, root: 'board', columnRoot: 'boardColumn', key: 'stage', list: 'cards' } as const;
