// Files chosen in a form, checked and read as base64 for the API (which keeps them by their SHA-256).
import { ApiError } from '../api/client';
import { ACTION_WORDS } from './words';
import type { UploadedFile } from './run';

type Locale = 'zh' | 'en';

export const EVIDENCE_TYPES = ['.jpg', '.jpeg', '.png', '.webp', '.pdf', '.docx', '.xlsx'];
export const PHOTO_TYPES = ['.jpg', '.jpeg', '.png', '.webp', '.pdf'];
export const MAX_FILE_MB = 20;
export const MAX_PHOTOS = 20;
// One request carries at most 14 MB of JSON, and base64 makes files a third larger.
export const MAX_PHOTOS_MB = 10;

const fillIn = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (w, k: string) => (k in values ? String(values[k]) : w));

function extension(name: string): string {
  return (/\.[^.]+$/.exec(name.toLowerCase()) ?? [''])[0];
}

function read(file: File, locale: Locale, field: string): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ fileName: file.name, contentBase64: String(reader.result).split(',')[1] ?? '' });
    reader.onerror = () => reject(new ApiError(fillIn(ACTION_WORDS.readFailed[locale], { name: file.name }), 'FILE', field));
    reader.readAsDataURL(file);
  });
}

function checkType(file: File, types: string[], locale: Locale, field: string): void {
  const ext = extension(file.name);
  if (ext === '.heic' || ext === '.heif') throw new ApiError(fillIn(ACTION_WORDS.heic[locale], { name: file.name }), 'FILE', field);
  if (!types.includes(ext)) throw new ApiError(fillIn(ACTION_WORDS.badFileType[locale], { name: file.name }), 'FILE', field);
}

/** One evidence or archive file, at most MAX_FILE_MB. */
export async function readEvidence(file: File, locale: Locale): Promise<UploadedFile> {
  checkType(file, EVIDENCE_TYPES, locale, 'file');
  if (file.size > MAX_FILE_MB * 1024 * 1024) throw new ApiError(fillIn(ACTION_WORDS.fileTooLarge[locale], { name: file.name, mb: MAX_FILE_MB }), 'FILE', 'file');
  return read(file, locale, 'file');
}

/** Photos of a fix: at most MAX_PHOTOS, MAX_PHOTOS_MB together. */
export async function readPhotos(files: File[], locale: Locale): Promise<UploadedFile[]> {
  if (files.length > MAX_PHOTOS) throw new ApiError(fillIn(ACTION_WORDS.tooManyPhotos[locale], { n: MAX_PHOTOS }), 'FILE', 'photos');
  for (const file of files) checkType(file, PHOTO_TYPES, locale, 'photos');
  if (files.reduce((n, f) => n + f.size, 0) > MAX_PHOTOS_MB * 1024 * 1024) throw new ApiError(fillIn(ACTION_WORDS.filesTooLarge[locale], { mb: MAX_PHOTOS_MB }), 'FILE', 'photos');
  return Promise.all(files.map((f) => read(f, locale, 'photos')));
}
