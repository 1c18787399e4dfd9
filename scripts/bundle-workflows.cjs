// Prebuilds the workflow bundle so that production workers start without bundling (npm run build).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { bundleWorkflowCode } = require('@temporalio/worker');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist/workflow-bundle.js');
// Two bundles: without the OpenTelemetry workflow interceptors (what a worker runs unless tracing is on: each cached
// workflow's tracer costs memory) and with them (src/platform/tracing/temporal-tracing.ts says why both replay).
const { WORKFLOW_INTERCEPTOR_MODULES, tracedBundlePath } = require(path.join(root, 'dist/src/platform/tracing/temporal-tracing.js'));
const quiet = { info() {}, warn: console.warn, error: console.error, debug() {}, trace() {}, log() {} };

async function bundle(file, workflowInterceptorModules) {
  const { code } = await bundleWorkflowCode({ workflowsPath: path.join(root, 'dist/workflows/index.js'), workflowInterceptorModules, logger: quiet });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, code);
  console.log(`工作流打包完成 / workflow bundle written: ${path.relative(root, file)} (${Math.round(code.length / 1024)} KiB)`);
}

bundle(out, [])
  .then(() => bundle(tracedBundlePath(out), [...WORKFLOW_INTERCEPTOR_MODULES]))
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
