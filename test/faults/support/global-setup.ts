// The fault tier starts its own servers in every test (it kills and restarts them); here only what all its tests
// need: the built entry points and workflow bundle that its child processes run, and the Temporal CLI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../../src/platform/runtime/project-paths';
import { resolveTemporalCli } from '../../../src/platform/runtime/temporal-binaries';

export default async function globalSetup(): Promise<void> {
  for (const file of ['dist/src/worker.main.js', 'dist/src/api.main.js', 'dist/workflow-bundle.js']) {
    if (!fs.existsSync(path.join(projectRoot(), file))) throw new Error(`${file} is missing: run npm run build first (the fault tests run the built processes)`);
  }
  process.env.TEMPORAL_CLI ??= resolveTemporalCli();
}
