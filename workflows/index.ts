// Entry point of the workflow bundle: every workflow type the worker registers.
export { indicatorTaskWorkflow } from './indicator-task/indicator-task.workflow';
export { taskBreakdownImportWorkflow } from './task-breakdown-import/task-breakdown-import.workflow';
export { campaignClockWorkflow, monthlyCadenceWorkflow, boardSnapshotWorkflow } from './campaign/campaign.workflows';
export { rectificationItemWorkflow } from './rectification-item/rectification-item.workflow';
export { inspectionRoundWorkflow } from './inspection-round/inspection-round.workflow';
export { officialNoticeWorkflow } from './official-notice/official-notice.workflow';
export { notificationDeliveryWorkflow } from './notification-delivery/notification-delivery.workflow';
export { unitReportWorkflow } from './unit-report/unit-report.workflow';
export { mobilizationDocumentWorkflow, mobilizationResponseWorkflow } from './mobilization/mobilization.workflow';
export { briefingWorkflow } from './briefing/briefing.workflow';
export { archiveLibraryDocumentWorkflow } from './archive-library/archive-library.workflow';
export { archivePackageWorkflow } from './archive-package/archive-package.workflow';
export { surveyRoundWorkflow } from './survey-round/survey-round.workflow';
export { specialDriveWorkflow } from './special-drive/special-drive.workflow';
export { fundingLedgerWorkflow } from './funding/funding.workflow';
export { selfEvaluationWorkflow } from './self-evaluation/self-evaluation.workflow';
export { appraisalWorkflow } from './appraisal/appraisal.workflow';
