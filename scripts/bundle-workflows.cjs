// Prebuilds the workflow bundle so that production workers start without bundling (npm run build).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { bundleWorkflowCode } = require('@temporalio/worker');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist/workflow-bundle.js');
// The OpenTelemetry workflow interceptors, in every bundle: tracing on or off is the worker's affair, never the history's.
const { WORKFLOW_INTERCEPTOR_MODULES } = require(path.join(root, 'dist/src/platform/tracing/temporal-tracing.js'));

bundleWorkflowCode({ workflowsPath: path.join(root, 'dist/workflows/index.js'), workflowInterceptorModules: [...WORKFLOW_INTERCEPTOR_MODULES], logger: { info() {}, warn: console.warn, error: console.error, debug() {}, trace() {}, log() {} } })
  .then(({ code }) => {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, code);
    console.log(`工作流打包完成 / workflow bundle written: ${path.relative(root, out)} (${Math.round(code.length / 1024)} KiB)`);
  })
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
