// The campaign's workflows, for the bundle's entry point (workflows/index.ts).
export { campaignClockWorkflow } from './campaign.workflow';
export { monthlyCadenceWorkflow } from './monthly-cadence.workflow';
export { boardSnapshotWorkflow } from './board-snapshot.workflow';
