// `npm run export:catalog -- [--format xlsx|csv] [--out 文件] [--api URL] [--user LOGIN]`: writes the
// assessment catalog through the running API in the layout import:catalog reads, so that an exported file
// imported again changes nothing. The format follows --out's extension when --format is not given.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { callApi, parseCliArgs } from '../catalog/api-client';
import { runMain } from '../runtime/run-main';

const USAGE = '用法 / usage: npm run export:catalog -- [--format xlsx|csv] [--out 测评体系.xlsx] [--api http://127.0.0.1:3000] [--user office]';

runMain(async () => {
  const options = parseCliArgs(process.argv.slice(2), USAGE, ['format', 'out']);
  if (options.files.length > 0) throw new Error(USAGE);
  const base = process.env.INIT_CWD ?? process.cwd();
  const out = options.values.out === undefined ? null : path.resolve(base, options.values.out);
  const format = (options.values.format ?? (out?.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx')).toUpperCase();
  if (format !== 'XLSX' && format !== 'CSV') throw new Error(`不支持的格式 ${options.values.format}：只能是 xlsx 或 csv\n${USAGE}`);
  const { exportCatalog: file } = await callApi<{ exportCatalog: { fileName: string; contentBase64: string } }>(
    options,
    'query($format: ExportFormat!) { exportCatalog(format: $format) { fileName contentBase64 } }',
    { format },
  );
  const target = out ?? path.resolve(base, file.fileName);
  fs.writeFileSync(target, Buffer.from(file.contentBase64, 'base64'));
  console.log(`已导出测评体系 / catalog exported: ${target}`);
});
