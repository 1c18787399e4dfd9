// Workbooks are opened in a worker thread with a heap and a time of their own: one that needs more than the
// limits fails its own read with a Chinese refusal, and this process (the API's, in production) carries on.
import { readWorkbookGrids } from '../../src/platform/spreadsheet';
import { XLSX_THREAD_LIMITS } from '../../src/platform/spreadsheet/xlsx-thread';
import { parseTaskBreakdownXlsx } from '../../src/task-breakdown/task-breakdown.parser';
import { HEADER, breakdownSheet, dataRow, xlsx } from '../support/breakdown-fixtures';

const CHINESE = /[\u4e00-\u9fff]/;

describe('reading a workbook in a worker thread', () => {
  let ordinary: Buffer;
  let large: Buffer;

  beforeAll(async () => {
    ordinary = await xlsx([breakdownSheet('任务分解表', [dataRow({})])]);
    // 5,000 rows of 20 different texts: legitimate, and far more than a 16 MB heap holds once exceljs reads it.
    large = await xlsx([{ name: '大表', rows: Array.from({ length: 5_000 }, (_, r) => Array.from({ length: 20 }, (_, c) => `第${r}行第${c}列的内容`)) }]);
  });

  it('answers the grids of an ordinary workbook, dates and merged-cell marks included', async () => {
    const read = await readWorkbookGrids(ordinary);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [title, header] = read.grids[0].rows;
    expect(header.cells.slice(0, HEADER.length)).toEqual(HEADER);
    // The title is merged across the table: its other cells are marked as inherited, in a Set as in this thread.
    expect(title.inherited).toBeInstanceOf(Set);
    expect(title.inherited!.size).toBeGreaterThan(0);
  });

  it('a workbook that needs more memory than the thread may use is refused as too large, in Chinese', async () => {
    const read = await readWorkbookGrids(large, { ...XLSX_THREAD_LIMITS, maxOldGenerationSizeMb: 16 });
    expect(read).toEqual({ ok: false, code: 'TOO_LARGE', detail: expect.stringMatching(/内存超过了 16 MB 的上限/) });
    if (!read.ok) expect(read.detail).toMatch(CHINESE);
    // The same file with the ordinary limits reads, in this same process.
    expect((await readWorkbookGrids(large)).ok).toBe(true);
  });

  it('a read that takes longer than its time is ended and refused', async () => {
    const read = await readWorkbookGrids(large, { ...XLSX_THREAD_LIMITS, timeoutMs: 1 });
    expect(read).toEqual({ ok: false, code: 'TOO_LARGE', detail: expect.stringMatching(/超过 1 秒仍未完成/) });
  });

  it('several reads at once each get their answer', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => parseTaskBreakdownXlsx(ordinary)));
    for (const answer of answers) {
      expect(answer.problems).toEqual([]);
      expect(answer.rows).toHaveLength(1);
    }
  });
});
