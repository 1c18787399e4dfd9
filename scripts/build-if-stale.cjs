// `npm run build` only when the build is missing or older than its sources: the import/export commands and the
// one-off tools ran the whole 34-second build (server, workflow bundle, web app) before every run.
// Usage: node scripts/build-if-stale.cjs   (FORCE_BUILD=1 builds anyway); `--stamp` ends `npm run build`.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** What the build reads: folders are walked (a folder's own mtime changes when a file in it is deleted or renamed). */
const INPUTS = [
  'src', 'workflows', 'activities', 'graphql', 'bench', 'web/src', 'web/index.html', 'web/vite.config.ts', 'web/tsconfig.json',
  'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/bundle-workflows.cjs',
];
/** One output of each build step (tsc, the workflow bundle, vite). */
const OUTPUTS = ['dist/src/main.js', 'dist/workflow-bundle.js', 'dist/workflow-bundle.traced.js', 'web/dist/index.html'];
/**
 * Written last by `npm run build`: incremental tsc leaves unchanged outputs with their old mtime, so the outputs'
 * own times cannot say when the last build finished.
 */
const STAMP = 'dist/.build-stamp';

/** The newest mtime (ms) under `entry`, or 0 when it does not exist. Symlinked folders (node_modules) are not followed. */
function newestMtime(entry) {
  let stat;
  try {
    stat = fs.lstatSync(entry);
  } catch {
    return 0;
  }
  let newest = stat.mtimeMs;
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(entry)) {
      if (name === 'node_modules') continue;
      newest = Math.max(newest, newestMtime(path.join(entry, name)));
    }
  }
  return newest;
}

/** Why `root` needs a build, or null when its build is complete and newer than everything it was built from. */
function staleReason(root) {
  for (const output of OUTPUTS) {
    if (!fs.existsSync(path.join(root, output))) return `${output} is missing`;
  }
  let built;
  try {
    built = fs.statSync(path.join(root, STAMP)).mtimeMs;
  } catch {
    return `${STAMP} is missing (no complete build yet)`;
  }
  for (const input of INPUTS) {
    if (newestMtime(path.join(root, input)) > built) return `${input} changed after the last build`;
  }
  return null;
}

module.exports = { staleReason, INPUTS, OUTPUTS, STAMP };

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  if (process.argv[2] === '--stamp') {
    fs.writeFileSync(path.join(root, STAMP), `${new Date().toISOString()}\n`);
    process.exit(0);
  }
  const reason = process.env.FORCE_BUILD === '1' ? 'FORCE_BUILD=1' : staleReason(root);
  if (reason === null) {
    console.log('构建已是最新，跳过 npm run build / build is up to date, skipping npm run build');
    process.exit(0);
  }
  console.log(`重新构建 / building: ${reason}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
