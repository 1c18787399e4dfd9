// Where each file goes in the archive package, as pure functions: folders 测评项目 → 指标 → 责任单位, names made safe
// for every unzip tool (no path traversal, no control or bidirectional characters, nothing Windows refuses, bounded
// length, unique within a folder), and the rows of the index and of the completeness sheet. Linear in the input.

/** The longest name of one folder or file, in characters (a zip path of four of them stays well under 1,024). */
export const MAX_NAME_CHARS = 80;
/** Untagged library documents. */
export const GENERAL_FOLDER = '综合资料';
export const INDEX_FILE = '索引.xlsx';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

function isUnsafeChar(code: number): boolean {
  return (
    code < 0x20 || // C0 controls, NUL
    (code >= 0x7f && code <= 0x9f) || // DEL, C1 controls
    code === 0x200e || code === 0x200f || // LRM, RLM
    (code >= 0x202a && code <= 0x202e) || // bidirectional embeddings and overrides
    (code >= 0x2066 && code <= 0x2069) || // bidirectional isolates
    code === 0xfeff ||
    (code >= 0xd800 && code <= 0xdfff) // lone surrogates (pairs are kept whole by iterating code points)
  );
}

/**
 * One folder or file name, safe: path separators and characters Windows forbids become 「_」, control and
 * bidirectional characters are dropped, leading and trailing dots and spaces go (no 「..」), reserved device names
 * get a prefix, and a name longer than `max` characters is cut keeping its extension. Never empty.
 */
export function safeName(raw: string, max = MAX_NAME_CHARS): string {
  let out = '';
  for (const ch of String(raw ?? '').normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (code <= 0xffff && isUnsafeChar(code) && !(code >= 0xd800 && code <= 0xdfff && ch.length === 2)) continue;
    out += '/\\:*?"<>|'.includes(ch) ? '_' : ch;
  }
  out = out.replace(/\s+/g, ' ').replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (out === '') out = '未命名';
  const dot = out.lastIndexOf('.');
  const base = dot > 0 ? out.slice(0, dot) : out;
  if (WINDOWS_RESERVED.test(base)) out = `_${out}`;
  return cut(out, max);
}

/** Cuts a name to `max` characters (code points), keeping a short extension. */
function cut(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? [...name.slice(dot)] : [];
  const keepExt = ext.length > 0 && ext.length <= 10 ? ext : [];
  const base = [...(keepExt.length > 0 ? name.slice(0, dot) : name)].slice(0, max - keepExt.length);
  return (base.join('').replace(/[\s.]+$/, '') || '_') + keepExt.join('');
}

/**
 * Unique names within one folder: the first 「报告.pdf」 keeps its name, the next become 「报告(2).pdf」, 「报告(3).pdf」…
 * Compared without case (Windows and macOS folders), still within MAX_NAME_CHARS.
 */
export class FolderNames {
  private readonly used = new Map<string, Set<string>>();

  take(folder: string, name: string): string {
    const seen = this.used.get(folder) ?? new Set<string>();
    this.used.set(folder, seen);
    let candidate = name;
    const dot = name.lastIndexOf('.');
    const base = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    for (let n = 2; seen.has(candidate.toLowerCase()); n += 1) {
      const suffix = `(${n})`;
      candidate = cut(`${[...base].slice(0, MAX_NAME_CHARS - [...ext].length - suffix.length).join('')}${suffix}${ext}`, MAX_NAME_CHARS);
    }
    seen.add(candidate.toLowerCase());
    return candidate;
  }
}

/** What the package holds about one file before it is written. */
export interface PackageFile {
  sha256: string;
  size: number;
  /** The original file name (as uploaded). */
  fileName: string;
  itemCode: string | null;
  itemName: string | null;
  indicatorCode: string | null;
  indicatorName: string | null;
  unitName: string | null;
  /** What it is: the material's name, or the library document's kind and title. */
  material: string;
  submittedBy: string;
  reviewedBy: string;
  /** The date of acceptance, YYYY-MM-DD (Asia/Shanghai). */
  date: string;
}

export interface PlacedFile extends PackageFile {
  /** The path within the zip, folders joined by 「/」. */
  path: string;
}

/** The folders of a file: 测评项目 / 指标 / 责任单位, as far as it is tagged; 综合资料 when it is tagged to nothing. */
export function foldersOf(file: Pick<PackageFile, 'itemCode' | 'itemName' | 'indicatorCode' | 'indicatorName' | 'unitName'>): string[] {
  const folders: string[] = [];
  if (file.itemCode !== null) folders.push(safeName(`${file.itemCode} ${file.itemName ?? ''}`));
  if (file.indicatorCode !== null) folders.push(safeName(`${file.indicatorCode} ${file.indicatorName ?? ''}`));
  if (folders.length === 0) return [GENERAL_FOLDER, ...(file.unitName ? [safeName(file.unitName)] : [])];
  if (file.unitName) folders.push(safeName(file.unitName));
  return folders;
}

/** Places every file: its folders and a safe name unique within them, in the order given. */
export function placeFiles(files: Iterable<PackageFile>): PlacedFile[] {
  const names = new FolderNames();
  const placed: PlacedFile[] = [];
  for (const file of files) {
    const folder = foldersOf(file).join('/');
    const name = names.take(folder, safeName(`${file.material}-${file.fileName}`));
    placed.push({ ...file, path: `${folder}/${name}` });
  }
  return placed;
}

/** The index sheet's columns. */
export const INDEX_COLUMNS = ['序号', '指标', '单位', '材料', '文件名', '提交人', '验收人', '日期', 'SHA-256'] as const;

/** One row of the index per file, numbered from 1; `sha256` as the file was hashed while written. */
export function indexRow(n: number, file: PlacedFile, sha256: string): (string | number)[] {
  const indicator = file.indicatorCode ? `${file.indicatorCode} ${file.indicatorName ?? ''}`.trim() : file.itemCode ? `${file.itemCode} ${file.itemName ?? ''}`.trim() : GENERAL_FOLDER;
  return [n, indicator, file.unitName ?? '—', file.material, file.path, file.submittedBy, file.reviewedBy, file.date, sha256];
}

/** The completeness sheet's columns: one row per material of a unit's task not accepted yet. */
export const MISSING_COLUMNS = ['序号', '单位', '指标', '材料', '现状'] as const;

export interface MissingMaterial {
  unitName: string;
  indicator: string;
  material: string;
  status: string;
}
