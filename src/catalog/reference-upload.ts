// Uploaded files of the reference-data imports, before they are read: base64 in, the right kind, not empty,
// not too large. Refusals here are the caller's input errors (BAD_USER_INPUT), not problems of the file.
import { DomainError } from '../platform/errors/domain-error';
import { MAX_XLSX_BYTES, notXlsxReason } from '../platform/spreadsheet';

export type UploadKind = 'xlsx' | 'csv';

export interface Upload {
  fileName: string;
  content: Buffer;
}


export function uploadKind(upload: Upload, what: string): UploadKind {
  if (upload.content.byteLength === 0) throw new DomainError('BAD_USER_INPUT', `文件「${upload.fileName}」是空的`, 'file');
  if (upload.content.byteLength > MAX_XLSX_BYTES) {
    throw new DomainError('BAD_USER_INPUT', `文件「${upload.fileName}」超过 ${MAX_XLSX_BYTES / 1024 / 1024} MB，请拆分后分别导入`, 'file');
  }
  const lower = upload.fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    const notXlsx = notXlsxReason(upload.fileName, upload.content);
    if (notXlsx) throw new DomainError('BAD_USER_INPUT', notXlsx, 'file');
    return 'xlsx';
  }
  if (lower.endsWith('.csv')) return 'csv';
  throw new DomainError('BAD_USER_INPUT', `只支持 .xlsx 或 .csv 格式的${what}（.xls 请先另存为 .xlsx）`, 'fileName');
}

/** A CSV file's problems name it as their sheet: 单位.csv → 单位. */
export function csvSheetName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
}
