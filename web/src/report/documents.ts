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


/** 属地上报: a community's or village's people report a problem of their own area; the office dispatches it. */
export const REPORT_LOCAL_PROBLEM = `mutation ReportLocalProblem($input: LocalProblemInput!) {
  reportLocalProblem(input: $input) {
    duplicate
    item {
      id state stateLabel source sourceLabel area description duplicateReports createdAt dueAt
      location { address latitude longitude }
      unit { code name }
      reportingUnit { code name }
      photos { sha256 name size }
    }
  }
}`;

/** Whether the signed-in unit person's unit reports its own area (a community or a village). */
export const LOCAL_REPORTER = `query LocalReporter { me { unit { code name kind } } }`;
