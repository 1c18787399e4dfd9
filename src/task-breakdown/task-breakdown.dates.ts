// 完成时限 as offices write it: 2027年3月31日, 2027-03-31, 2027/3/31, 2027.3.31, an Excel date serial, or a
// date cell (which exceljs hands over as a Date at UTC midnight of the date the sheet shows).

/** Excel counts days from 1899-12-30 (that start absorbs its 1900 leap-year bug for every date after March 1900). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Due dates outside these years are typing mistakes (a bare 2027 read as a serial is 1905-07-19), so they are
 * refused rather than turned into deadlines that are long past or a lifetime away.
 */
export const EARLIEST_DUE_YEAR = 2000;
export const LATEST_DUE_YEAR = 2099;

export type DueDate = { ok: true; date: string } | { ok: false; reason: string };

/**
 * Year, month, day in one of the written forms. A time of day (as Excel puts in a CSV: 2027/3/31 0:00) and a
 * trailing 前 / 之前 ("by") are allowed and ignored: the deadline is the end of that day either way.
 */
const WRITTEN_DATE =
  /^(?<year>\d{4})\s*(?:年\s*(?<cnMonth>\d{1,2})\s*月\s*(?<cnDay>\d{1,2})\s*日?|(?<sep>[-/.])(?<month>\d{1,2})\k<sep>(?<day>\d{1,2}))(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:之?前)?$/;
const SERIAL = /^\d{5}(?:\.\d+)?$/;

export function parseDueDate(value: string | Date): DueDate {
  if (value instanceof Date) return fromDateCell(value);
  const text = value.normalize('NFKC').trim();
  const written = WRITTEN_DATE.exec(text)?.groups;
  if (written) {
    const { year, cnMonth, cnDay, month, day } = written;
    return fromParts(Number(year), Number(cnMonth ?? month), Number(cnDay ?? day), text);
  }
  if (SERIAL.test(text)) return fromSerial(Number(text), text);
  return { ok: false, reason: `无法识别日期「${text}」。请写成 2027年3月31日、2027-03-31、2027/3/31 或 2027.3.31 这样的具体日期` };
}

function fromDateCell(value: Date): DueDate {
  if (Number.isNaN(value.getTime())) return { ok: false, reason: '日期单元格的值无效。请重新输入日期，例如 2027-03-31' };
  return fromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), value.toISOString().slice(0, 10));
}

/** Whole days only: a serial with a time of day (46477.5) still means that day. */
function fromSerial(serial: number, raw: string): DueDate {
  const date = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), raw);
}

function fromParts(year: number, month: number, day: number, raw: string): DueDate {
  const date = new Date(Date.UTC(year, month - 1, day));
  const exists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!exists) return { ok: false, reason: `日期「${raw}」不存在（${year}年没有${month}月${day}日）。请改成正确的日期` };
  const iso = date.toISOString().slice(0, 10);
  if (year < EARLIEST_DUE_YEAR || year > LATEST_DUE_YEAR) {
    return { ok: false, reason: `日期「${raw}」读作 ${iso}，年份不在 ${EARLIEST_DUE_YEAR}—${LATEST_DUE_YEAR} 之间。请填写完整的完成日期，例如 2027-03-31` };
  }
  return { ok: true, date: iso };
}

/**
 * The end of the due day in Asia/Shanghai as an ISO instant. China has kept UTC+8 without daylight saving
 * since 1991, so a fixed offset is exact.
 */
export function endOfDayShanghai(date: string): string {
  return new Date(`${date}T23:59:59+08:00`).toISOString();
}
