// Small text helpers every spreadsheet import shares: cleaning cell text, comparing names, column letters.

/**
 * Control characters other than tab and line breaks: invisible in Excel, and PostgreSQL refuses NUL in text.
 * CSV files and programs' .xlsx can carry them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * A cell's text as people meant it: control characters go, runs of spaces (half-width, full-width,
 * non-breaking) collapse and the ends are trimmed. Line breaks are kept: they separate units in a 责任单位 cell.
 * The characters themselves are left alone so that messages quote what people wrote; comparisons use nameKey.
 */
export function cleanText(text: string): string {
  return text
    .replace(CONTROL_CHARACTERS, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Text on one line, for names and messages: a wrapped cell (Alt+Enter) reads as one name. */
export function oneLine(text: string): string {
  return cleanText(text).replace(/\n+/g, ' ');
}

/**
 * Comparison key for names and header texts: NFKC turns full-width letters, digits and brackets into their
 * ordinary forms (offices type both), whitespace goes entirely (Chinese names have none that matters, so
 * '外滩 社区' and '完成\u3000时限' match; zero-width characters pasted from web pages too), and case is ignored.
 */
export function nameKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff]+/g, '').toLowerCase();
}

/** 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 'A' → 0, 'AA' → 26; used to sort problems by column. */
export function columnIndex(letter: string): number {
  let n = 0;
  for (const c of letter) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

/** The location every row-level message starts with, e.g. 第12行「责任单位」. */
export function location(row: number, column: string): string {
  return column === '' ? `第${row}行` : `第${row}行「${column}」`;
}

/** Levenshtein distance, by characters (code points), for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length];
}

/** How many characters of a appear in b in the same order (longest common subsequence). */
export function commonCharacters(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const current = [0];
    for (let j = 1; j <= y.length; j++) {
      current.push(x[i - 1] === y[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]));
    }
    previous = current;
  }
  return previous[y.length];
}

/**
 * The known name closest to what was written, or null when none is close: a name is close when it is at most
 * two edits away or shares at least two characters in order (外滩小区 → 外滩社区, 综合执法队 → 街道综合行政执法队).
 */
export function closestName(written: string, known: readonly string[]): string | null {
  const key = nameKey(written);
  let best: { name: string; common: number; distance: number } | null = null;
  for (const name of known) {
    const candidate = { name, common: commonCharacters(key, nameKey(name)), distance: editDistance(key, nameKey(name)) };
    if (candidate.common < 2 && candidate.distance > 2) continue;
    const better = !best || candidate.common > best.common || (candidate.common === best.common && candidate.distance < best.distance);
    if (better) best = candidate;
  }
  return best?.name ?? null;
}
