// Saving what the dashboard shows: a chart as a PNG image, a table as an Excel workbook (.xlsx) with the same
// headers as on screen. exceljs is large (about 1 MB), so it is loaded only when someone exports a table: its
// self-contained browser build is emitted as a file of its own and added as a script then. (An `import('exceljs')`
// would do the same were it not for vite.config.ts's manualChunks, which puts every node_modules package, dynamic
// imports included, into the vendor chunk that every phone downloads at start.)
import exceljsUrl from 'exceljs/dist/exceljs.min.js?url';

type ExcelJS = typeof import('exceljs');

let excelJs: Promise<ExcelJS> | null = null;

function loadExcelJs(): Promise<ExcelJS> {
  excelJs ??= new Promise<ExcelJS>((resolve, reject) => {
    const global = window as unknown as { ExcelJS?: ExcelJS };
    if (global.ExcelJS) return resolve(global.ExcelJS);
    const script = document.createElement('script');
    script.src = exceljsUrl;
    script.async = true;
    script.onload = () => (global.ExcelJS ? resolve(global.ExcelJS) : reject(new Error('表格导出组件加载不完整，请刷新页面后重试')));
    script.onerror = () => {
      script.remove();
      excelJs = null;
      reject(new Error('无法加载表格导出组件，请检查网络后重试'));
    };
    document.head.appendChild(script);
  });
  return excelJs;
}

/** Characters Windows and Excel refuse in file and sheet names. */
const UNSAFE = /[\\/:*?"<>|[\]]/g;

export function safeFileName(name: string): string {
  return name.replace(UNSAFE, '_').trim();
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = safeFileName(fileName);
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken the file by the next tick; a minute is generous for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function base64ToBlob(base64: string, mimeType: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: mimeType });
}

export async function downloadDataUrl(dataUrl: string, fileName: string): Promise<void> {
  const [head, body] = dataUrl.split(',', 2);
  const mimeType = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  downloadBlob(head.includes(';base64') ? base64ToBlob(body, mimeType) : new Blob([decodeURIComponent(body)], { type: mimeType }), fileName);
}

export interface SheetColumn<R> {
  header: string;
  /** Width in characters (a Chinese character counts about two). */
  width?: number;
  value(row: R): string | number | null;
  /** Excel's number format, e.g. '0.0%'. */
  numFmt?: string;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One worksheet: the headers in row 1 (bold, frozen), then one row per row of the table. */
export async function downloadXlsx<R>(fileName: string, sheetName: string, columns: readonly SheetColumn<R>[], rows: readonly R[]): Promise<void> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '创文任务看板';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(safeFileName(sheetName).slice(0, 31) || 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? Math.max(10, c.header.length * 2 + 2), ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((c, i) => [`c${i}`, c.value(row)])));
  const buffer = await workbook.xlsx.writeBuffer();
  downloadBlob(new Blob([buffer], { type: XLSX_MIME }), fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`);
}
