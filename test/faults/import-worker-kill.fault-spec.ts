// Fault (issue 18): the only worker is killed with SIGKILL while it applies a 任务分解表 of 600 tasks, and a new worker
// process starts. The import workflow carries on from the changes not yet marked applied (the batch the dead worker
// had in hand is sent again, and a task it had already started is not started twice); the office, polling the import
// as the board does, sees its progress only ever go forward and end at 100%.
import type { Client } from '@temporalio/client';
import { gql } from '../../bench/support/graphql';
import { INDICATOR_TASK_WORKFLOW_TYPE } from '../../workflows/indicator-task/indicator-task.messages';
import { taskBreakdownImportWorkflowId } from '../../workflows/task-breakdown-import/task-breakdown-import.messages';
import { waitFor } from '../../bench/support/harness';
import { breakdownXlsx, catalogXlsx, generatedIndicators, generatedUnits, organisationXlsx } from '../../bench/support/import-files';
import { verifyImport } from '../../bench/support/import-verify';
import type { FaultStack, NodeProcess } from './support/fault-stack';
import { expectNoCrashes, log, useFaultStack } from './support/scenario';

/** Large enough that the import is still being applied when the worker is killed (each batch is 100 changes). */
const ROWS = Number(process.env.FAULT_IMPORT_ROWS ?? 200);
const PER_ROW = 3;
const TOTAL = ROWS * PER_ROW;
/** The batch the dead worker held is retried once its heartbeat is a minute overdue; the rest then takes seconds. */
const RESUME_TIMEOUT_MS = 150_000;

const IMPORT_ORGANISATION = 'mutation($input: ImportOrganisationInput!) { importOrganisation(input: $input) { status report } }';
const IMPORT_CATALOG = 'mutation($input: ImportCatalogInput!) { importCatalog(input: $input) { status report } }';
const IMPORT_TASK_BREAKDOWN = `mutation($input: ImportTaskBreakdownInput!) {
  importTaskBreakdown(input: $input) { id status report counts { created } progress { total applied percent secondsLeft } }
}`;
// What the board asks every second while it follows an import (web/src/office/documents.ts).
const IMPORT_PROGRESS = 'query($id: String!) { taskBreakdownImport(id: $id) { id status progress { total applied percent secondsLeft } } }';

interface Sample {
  status: string;
  progress: { total: number; applied: number; percent: number; secondsLeft: number | null };
}

describe('fault: the worker killed with SIGKILL while a task breakdown is being applied', () => {
  const faultTest = useFaultStack();

  faultTest('carries on in a new worker: every task started exactly once, the progress monotonic up to 100%', async (stack) => {
    const api = await startImportSystem(stack);
    const db = stack.db();
    const { file, tasks } = await importReferenceData(api.url);

    const started = (await gql<{ importTaskBreakdown: Sample & { id: string; report: string } }>(api.url, 'office', IMPORT_TASK_BREAKDOWN, {
      input: { campaignId: stack.campaignId, fileName: '任务分解表.xlsx', contentBase64: file.toString('base64') },
    })).importTaskBreakdown;
    expect(started).toMatchObject({ status: 'APPLYING', progress: { total: TOTAL, applied: 0, percent: 0, secondsLeft: null } });
    log(`import ${started.id} recorded: ${TOTAL} tasks to start`);

    const samples: Sample[] = [started];
    const poll = async () => {
      const now = (await gql<{ taskBreakdownImport: Sample }>(api.url, 'office', IMPORT_PROGRESS, { id: started.id })).taskBreakdownImport;
      samples.push(now);
      return now;
    };
    // The moment that matters: a batch in the worker's hands, some of its tasks started, none yet marked applied.
    const client = await stack.client();
    const startedTasks = async () =>
      (await client.workflow.count(`CampaignId = "${stack.campaignId}" AND WorkflowType = "${INDICATOR_TASK_WORKFLOW_TYPE}"`)).count;
    await waitFor(
      async () => {
        const now = await poll();
        return now.status === 'APPLYING' && now.progress.applied > 0 && (await startedTasks()) > now.progress.applied;
      },
      120_000,
      'a batch half started after the first one',
      50,
    );

    await stack.kill(api.worker);
    const atKill = await db.selectFrom('task_breakdown_imports').select(['status', 'applied_count']).where('id', '=', started.id).executeTakeFirstOrThrow();
    const startedAtKill = await startedTasks();
    log(`worker killed with SIGKILL at ${atKill.applied_count}/${TOTAL} changes applied, ${startedAtKill} task workflows started`);
    if (atKill.status !== 'APPLYING') throw new Error(`the import was all applied before the worker died: nothing left to resume (raise FAULT_IMPORT_ROWS above ${ROWS})`);
    expect(atKill.applied_count).toBeGreaterThan(0);
    expect(atKill.applied_count).toBeLessThan(TOTAL);
    // Started but not marked applied: the new worker sends these again and must not start them twice.
    expect(startedAtKill).toBeGreaterThan(atKill.applied_count);

    await stack.startWorker();
    log('a new worker started');
    await waitFor(async () => (await poll()).status === 'APPLIED', RESUME_TIMEOUT_MS, `import ${started.id} applied`, 250);
    log(`import APPLIED after ${samples.length} polls`);

    expectMonotonicProgress(samples);
    expect(samples.at(-1)!.progress).toEqual({ total: TOTAL, applied: TOTAL, percent: 100, secondsLeft: null });

    const cardCount = async () => Number((await db.selectFrom('indicator_task_cards').select((eb) => eb.fn.countAll<string>().as('n')).where('campaign_id', '=', stack.campaignId).executeTakeFirstOrThrow()).n);
    await waitFor(async () => (await cardCount()) >= TOTAL, 60_000, `${TOTAL} cards`, 200);
    log(await verifyImport(db, client, stack.campaignId, tasks));
    expect(await retriedBatches(client, started.id)).toBeGreaterThanOrEqual(1);
    expectNoCrashes(stack);
  });
});

/** PostgreSQL and Temporal, the campaign's reference data, one worker and one API. */
async function startImportSystem(stack: FaultStack): Promise<{ url: string; worker: NodeProcess }> {
  const cli = process.env.TEMPORAL_CLI;
  if (!cli) throw new Error('TEMPORAL_CLI is not set: run the fault tests through jest (global setup)');
  await Promise.all([stack.startPostgres(), stack.startTemporal(cli)]);
  await stack.prepareDatabase([stack.campaignId]);
  const worker = await stack.startWorker();
  const api = await stack.startApi();
  log('PostgreSQL, Temporal, a worker and an API started');
  return { url: api.url, worker };
}

/** The organisation and a catalog of ROWS indicators imported through the API, as the office would; the breakdown to import. */
async function importReferenceData(api: string) {
  const units = generatedUnits(Math.max(24, PER_ROW * 4));
  const org = await gql<{ importOrganisation: { status: string; report: string } }>(api, 'office', IMPORT_ORGANISATION, {
    input: { files: [{ fileName: '组织机构.xlsx', contentBase64: (await organisationXlsx(units)).toString('base64') }] },
  });
  if (org.importOrganisation.status !== 'APPLIED') throw new Error(`organisation import: ${org.importOrganisation.status}\n${org.importOrganisation.report}`);
  const catalog = await gql<{ importCatalog: { status: string; report: string } }>(api, 'office', IMPORT_CATALOG, {
    input: { fileName: '测评体系.xlsx', contentBase64: (await catalogXlsx(ROWS)).toString('base64') },
  });
  if (catalog.importCatalog.status !== 'APPLIED') throw new Error(`catalog import: ${catalog.importCatalog.status}\n${catalog.importCatalog.report}`);
  log(`organisation (${units.length} units) and catalog (${ROWS} indicators) imported`);
  return breakdownXlsx(generatedIndicators(ROWS), units, PER_ROW);
}

/** Never backwards, whichever worker applied what: applied and percent only grow, and the estimate exists exactly mid-way. */
function expectMonotonicProgress(samples: readonly Sample[]): void {
  for (const [i, s] of samples.entries()) {
    expect(s.progress.total).toBe(TOTAL);
    if (s.progress.applied > 0 && s.progress.applied < TOTAL) expect(s.progress.secondsLeft).toBeGreaterThanOrEqual(1);
    if (s.progress.percent === 100) expect(s.progress.applied).toBe(TOTAL);
    if (i === 0) continue;
    const before = samples[i - 1].progress;
    if (s.progress.applied < before.applied || s.progress.percent < before.percent) {
      throw new Error(`progress went backwards at poll ${i}: ${JSON.stringify(before)} → ${JSON.stringify(s.progress)}`);
    }
  }
}

/** How many of the import's batch activities had to be started again: the one the dead worker held, at least. */
async function retriedBatches(client: Client, importId: string): Promise<number> {
  const history = await client.workflow.getHandle(taskBreakdownImportWorkflowId(importId)).fetchHistory();
  const attempts = (history.events ?? []).flatMap((e) => (e.activityTaskStartedEventAttributes ? [e.activityTaskStartedEventAttributes.attempt ?? 1] : []));
  const retried = attempts.filter((a) => a > 1).length;
  log(`${attempts.length} batch activities, ${retried} of them started again after the kill`);
  return retried;
}
