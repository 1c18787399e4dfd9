// The archive package's names and rows: hostile names become safe (no traversal, no control or bidirectional
// characters, nothing Windows refuses, bounded), names are unique within a folder, folders follow 测评项目 → 指标 →
// 责任单位 (综合资料 for untagged documents), and the index rows carry the columns the district asks for.
import { FolderNames, GENERAL_FOLDER, INDEX_COLUMNS, MAX_NAME_CHARS, foldersOf, indexRow, placeFiles, safeName, type PackageFile } from '../../src/archive/package-layout';

const file = (over: Partial<PackageFile> = {}): PackageFile => ({
  sha256: 'a'.repeat(64),
  size: 10,
  fileName: '台账.pdf',
  itemCode: 'A',
  itemName: '公共文明',
  indicatorCode: 'A4',
  indicatorName: '窗口服务',
  unitName: '外滩社区',
  material: '工作台账',
  submittedBy: '张三',
  reviewedBy: '李四',
  date: '2027-03-01',
  ...over,
});

describe('safeName', () => {
  it.each([
    ['../../etc/passwd', '_.._etc_passwd'],
    ['..', '未命名'],
    ['.', '未命名'],
    ['   ', '未命名'],
    ['', '未命名'],
    ['a/b\\c:d*e?f"g<h>i|j.pdf', 'a_b_c_d_e_f_g_h_i_j.pdf'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['报告\u0000\u0007\u001b[31m.pdf', '报告[31m.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['\u2066隔离\u2069.jpg', '隔离.jpg'],
    ['照片.jpg. . ', '照片.jpg'],
    ['多   个\t空格.jpg', '多 个空格.jpg'],
  ])('%j → %j', (raw, safe) => {
    expect(safeName(raw)).toBe(safe);
  });

  it('never lets a separator, a control character or a leading dot through, whatever the input', () => {
    const hostile = ['/', '\\', '\u0000', '\n', '\r', '\u202e', '..', ':', '\ud800', '😀', '文', 'a', '.'];
    for (let i = 0; i < 2_000; i += 1) {
      let raw = '';
      for (let j = 0; j < (i % 37) + 1; j += 1) raw += hostile[(i * 7 + j * 13) % hostile.length];
      const name = safeName(raw);
      // eslint-disable-next-line no-control-regex -- the test looks for control characters on purpose
      expect(name).not.toMatch(/[/\\\u0000-\u001f\u202a-\u202e]/);
      expect(name.startsWith('.')).toBe(false);
      expect(name).not.toBe('..');
      expect([...name].length).toBeLessThanOrEqual(MAX_NAME_CHARS);
      expect(name.length).toBeGreaterThan(0);
    }
  });

  it('cuts long names to the limit, keeping the extension, without splitting a character', () => {
    const long = `${'创文'.repeat(200)}😀.docx`;
    const name = safeName(long);
    expect([...name]).toHaveLength(MAX_NAME_CHARS);
    expect(name.endsWith('.docx')).toBe(true);
    expect(safeName('😀'.repeat(100))).toBe('😀'.repeat(MAX_NAME_CHARS));
  });

  it('runs in linear time on a megabyte of hostile text', () => {
    const started = Date.now();
    safeName('../\u0000.'.repeat(250_000));
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('folders and unique names', () => {
  it('numbers repeated names within a folder, case-insensitively, and not across folders', () => {
    const names = new FolderNames();
    expect(names.take('x', '报告.pdf')).toBe('报告.pdf');
    expect(names.take('x', '报告.pdf')).toBe('报告(2).pdf');
    expect(names.take('x', 'REPORT.pdf')).toBe('REPORT.pdf');
    expect(names.take('x', 'report.PDF')).toBe('report(2).PDF');
    expect(names.take('y', '报告.pdf')).toBe('报告.pdf');
    const long = safeName('长'.repeat(200) + '.pdf');
    names.take('z', long);
    const second = names.take('z', long);
    expect([...second].length).toBeLessThanOrEqual(MAX_NAME_CHARS);
    expect(second).toMatch(/\(2\)\.pdf$/);
  });

  it('puts a task material under 测评项目 / 指标 / 单位, an item-tagged document under its item, an untagged one under 综合资料', () => {
    expect(foldersOf(file())).toEqual(['A 公共文明', 'A4 窗口服务', '外滩社区']);
    expect(foldersOf(file({ unitName: null }))).toEqual(['A 公共文明', 'A4 窗口服务']);
    expect(foldersOf(file({ indicatorCode: null, indicatorName: null, unitName: null }))).toEqual(['A 公共文明']);
    expect(foldersOf(file({ itemCode: null, itemName: null, indicatorCode: null, indicatorName: null, unitName: null }))).toEqual([GENERAL_FOLDER]);
    expect(foldersOf(file({ unitName: '../单位' }))).toEqual(['A 公共文明', 'A4 窗口服务', '_单位']);
  });

  it('places every file at a unique path and writes its index row with the nine columns', () => {
    const placed = placeFiles([file(), file(), file({ fileName: '../../../x.pdf', material: 'a/b' })]);
    expect(placed.map((p) => p.path)).toEqual(['A 公共文明/A4 窗口服务/外滩社区/工作台账-台账.pdf', 'A 公共文明/A4 窗口服务/外滩社区/工作台账-台账(2).pdf', 'A 公共文明/A4 窗口服务/外滩社区/a_b-.._.._.._x.pdf']);
    for (const p of placed) expect(p.path.split('/').every((part) => part !== '..' && part !== '.' && part !== '')).toBe(true);
    expect(INDEX_COLUMNS).toEqual(['序号', '指标', '单位', '材料', '文件名', '提交人', '验收人', '日期', 'SHA-256']);
    expect(indexRow(1, placed[0]!, 'b'.repeat(64))).toEqual([1, 'A4 窗口服务', '外滩社区', '工作台账', placed[0]!.path, '张三', '李四', '2027-03-01', 'b'.repeat(64)]);
    expect(indexRow(2, placeFiles([file({ itemCode: null, itemName: null, indicatorCode: null, indicatorName: null, unitName: null })])[0]!, 'c')[1]).toBe(GENERAL_FOLDER);
  });
});
