// `npm run export:catalog -- [--format xlsx|csv] [--version N] [--out 文件] [--api URL] [--user LOGIN]`:
// writes the assessment catalog (the current version, or version N) through the running API in the layout
// import:catalog reads, its title on the first row, so that an exported file imported again changes nothing.
// The format follows --out's extension when --format is not given.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { callApi, parseCliArgs } from '../catalog/api-client';
import { runMain } from '../platform/runtime/run-main';

const USAGE = '用法 / usage: npm run export:catalog -- [--format xlsx|csv] [--version 版本号] [--out 测评体系.xlsx] [--api http://127.0.0.1:3000] [--user office]';

runMain(async () => {
  const options = parseCliArgs(process.argv.slice(2), USAGE, ['format', 'out', 'version']);
  if (options.files.length > 0) throw new Error(USAGE);
  const base = process.env.INIT_CWD ?? process.cwd();
  const out = options.values.out === undefined ? null : path.resolve(base, options.values.out);
  const format = (options.values.format ?? (out?.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx')).toUpperCase();
  if (format !== 'XLSX' && format !== 'CSV') throw new Error(`不支持的格式 ${options.values.format}：只能是 xlsx 或 csv\n${USAGE}`);
  const version = options.values.version === undefined ? null : Number(options.values.version);
  if (version !== null && !(Number.isInteger(version) && version >= 1)) throw new Error(`版本号 ${options.values.version} 无效：须为 1、2、3…… / --version must be a positive integer\n${USAGE}`);
  const { exportCatalog: file } = await callApi<{ exportCatalog: { fileName: string; contentBase64: string } }>(
    options,
    'query($format: ExportFormat!, $version: Int) { exportCatalog(format: $format, version: $version) { fileName contentBase64 } }',
    { format, version },
  );
  const target = out ?? path.resolve(base, file.fileName);
  fs.writeFileSync(target, Buffer.from(file.contentBase64, 'base64'));
  console.log(`已导出测评体系 / catalog exported: ${target}`);
});
