// Files chosen in a form, checked, and uploaded one by one (POST /files); the action then names them by the ids
// the API answered (it keeps them by their SHA-256).
import { ApiError, uploadFile } from '../api/client';
import { ACTION_WORDS } from '../i18n/actions';
import type { UploadedFile } from './run';

type Locale = 'zh' | 'en';

export const EVIDENCE_TYPES = ['.jpg', '.jpeg', '.png', '.webp', '.pdf', '.docx', '.xlsx'];
export const PHOTO_TYPES = ['.jpg', '.jpeg', '.png', '.webp', '.pdf'];
export const MAX_FILE_MB = 20;
export const MAX_PHOTOS = 20;

const fillIn = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (w, k: string) => (k in values ? String(values[k]) : w));

function extension(name: string): string {
  return (/\.[^.]+$/.exec(name.toLowerCase()) ?? [''])[0];
}

async function upload(file: File, field: string): Promise<UploadedFile> {
  try {
    return { fileId: (await uploadFile(file)).id };
  } catch (err) {
    // The API's refusal (too large, not what its name says) belongs to the form's file field.
    if (err instanceof ApiError && err.code !== 'UNAUTHENTICATED') throw new ApiError(err.message, err.code, field);
    throw err;
  }
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
  return upload(file, 'file');
}

/** Photos of a fix: at most MAX_PHOTOS, each at most MAX_FILE_MB. */
export async function readPhotos(files: File[], locale: Locale): Promise<UploadedFile[]> {
  if (files.length > MAX_PHOTOS) throw new ApiError(fillIn(ACTION_WORDS.tooManyPhotos[locale], { n: MAX_PHOTOS }), 'FILE', 'photos');
  for (const file of files) checkType(file, PHOTO_TYPES, locale, 'photos');
  for (const file of files) {
    if (file.size > MAX_FILE_MB * 1024 * 1024) throw new ApiError(fillIn(ACTION_WORDS.fileTooLarge[locale], { name: file.name, mb: MAX_FILE_MB }), 'FILE', 'photos');
  }
  const uploaded: UploadedFile[] = [];
  for (const file of files) uploaded.push(await upload(file, 'photos'));
  return uploaded;
}
