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

