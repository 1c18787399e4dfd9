// Archive package benchmark (issue 19): the package of a campaign whose accepted materials weigh ~2 GB, built by
// the same ArchivePackageBuilder the worker's activity runs — every file streamed from the file store into the zip
// and hashed as it passes, the zip streamed into the store, the index workbook written by exceljs' streaming writer.
// The database's part (a few queries for names and hashes) is replaced by the plan it would answer, so that the
// figures are those of the streaming path. Reports wall time, throughput and the process's peak resident memory
// (VmHWM), which must stay far below the package's size. Writes nothing to bench/summary.json or RESULTS.md.
//
//   npm run build && node dist/bench/archive-package.bench.js [MiB=2048] [FILES=400]
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import type { ArchiveRepository, PackageTaskRow } from '../src/archive/archive.repository';
import { ArchivePackageBuilder } from '../src/archive/package-builder';
import { FileStore } from '../src/platform/files/file-store';
import type { ArchiveMaterialState } from '../workflows/indicator-task/indicator-task.types';

const log = (line: string) => console.log(`[archive-package] ${line}`);
const MiB = 1024 * 1024;

function peakRss(): number {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
  return hwm ? Number(hwm[1]) * 1024 : process.memoryUsage().rss;
}

async function main(): Promise<void> {
  const totalMiB = Number(process.argv[2] ?? 2048);
  const count = Number(process.argv[3] ?? 400);
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'archive-bench-'));
  const store = new FileStore(dir, Number.MAX_SAFE_INTEGER);
  try {
    const size = Math.floor((totalMiB * MiB) / count);
    log(`generating ${count} files of ${(size / MiB).toFixed(1)} MiB (${totalMiB} MiB) in ${dir}`);
    const base = randomBytes(size);
    const units = Array.from({ length: 10 }, (_, i) => `U${String(i + 1).padStart(2, '0')}`);
    const tasks: PackageTaskRow[] = [];
    const generated = Date.now();
    for (let i = 0; i < count; i += 1) {
      base.writeUInt32BE(i, 0); // each file its own content, so its own hash
      const stored = await store.putStream(`材料${i}.pdf`, 'application/pdf', Readable.from([base]));
      const material: ArchiveMaterialState = {
        code: `M${i}`,
        name: `测评材料${i}`,
        status: 'ACCEPTED',
        file: stored,
        note: '',
        submittedBy: 'user:wtsq.member',
        submittedAt: new Date().toISOString(),
        reviewedBy: 'user:archivist',
        reviewedAt: new Date().toISOString(),
        returnReason: null,
      };
      tasks.push({ taskId: `t${i}`, indicatorCode: `A${Math.floor(i / units.length) + 1}`, unitCode: units[i % units.length]!, stage: 'ARCHIVED', archive: [material] });
    }
    log(`generated in ${((Date.now() - generated) / 1000).toFixed(1)} s`);

    const indicators = new Map(tasks.map((t) => [t.indicatorCode, { name: `指标${t.indicatorCode}`, itemCode: 'A' }]));
    const repository = {
      campaignName: async () => '基准测试活动',
      catalog: async () => ({ items: new Map([['A', '测评项目A']]), indicators, materials: new Map<string, string[]>() }),
      units: async () => new Map(units.map((u) => [u, `${u}社区`])),
      tasks: async () => tasks,
      acceptedDocuments: async () => [],
      userNames: async () => new Map([['user:wtsq.member', '外滩社区工作人员'], ['user:archivist', '陈档案']]),
    } as unknown as ArchiveRepository;
    const builder = new ArchivePackageBuilder(repository, store);

    const rssBefore = process.memoryUsage().rss;
    let sampled = rssBefore;
    const sampler = setInterval(() => {
      sampled = Math.max(sampled, process.memoryUsage().rss);
    }, 100);
    const started = process.hrtime.bigint();
    const result = await builder.build('bench', (done, total) => {
      if (done % 100 === 0 || done === total) log(`${done}/${total} files`);
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    const mib = result.size / MiB;
    log(`package: ${result.fileCount} files, ${mib.toFixed(0)} MiB, sha256 ${result.sha256.slice(0, 16)}…`);
    // The zip's central directory as an unzip tool reads it (zip64 past 4 GiB): every file and the index.
    const entries = await new Promise<number>((resolve, reject) =>
      yauzl.open(path.join(dir, result.sha256.slice(0, 2), result.sha256), { lazyEntries: false, autoClose: true }, (err, zip) => (err || !zip ? reject(err) : resolve(zip.entryCount))),
    );
    if (entries !== result.fileCount + 1) throw new Error(`the zip lists ${entries} entries, expected ${result.fileCount + 1}`);
    log(`yauzl reads ${entries} entries (files and 索引.xlsx)`);
    log(`wall time ${seconds.toFixed(1)} s, ${(mib / seconds).toFixed(0)} MiB/s`);
    log(`RSS before the build ${(rssBefore / MiB).toFixed(0)} MiB, peak while building ${(sampled / MiB).toFixed(0)} MiB, process peak (VmHWM, generation included) ${(peakRss() / MiB).toFixed(0)} MiB`);
    console.log(JSON.stringify({ files: result.fileCount, packageMiB: Math.round(mib), seconds: Number(seconds.toFixed(1)), mibPerSecond: Math.round(mib / seconds), rssBeforeMiB: Math.round(rssBefore / MiB), peakBuildRssMiB: Math.round(sampled / MiB), vmHwmMiB: Math.round(peakRss() / MiB) }));
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
