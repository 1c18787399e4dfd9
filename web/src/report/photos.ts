// Photos from the phone's camera, made fit to send over a street's mobile data: drawn again in a canvas at most
// MAX_SIDE pixels on the longer side and saved as JPEG (which also drops the camera's metadata), then uploaded
// one by one (POST /files) and named by id in the API's ItemPhotoInput. A photo the browser cannot draw is sent
// as it is when the API accepts its kind.
import { uploadFile } from '../api/client';

export const MAX_SIDE = 1600;
const QUALITY = 0.85;
/** The API's own limits: 20 photos a report; jpg, png and webp (and pdf, not offered here). */
export const MAX_PHOTOS = 20;
const SENT_AS_IS: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp' };
/** What is sent as it is must still fit MAX_UPLOAD_MB (20 MB by default). */
const MAX_AS_IS_BYTES = 10 * 1024 * 1024;

export interface Photo {
  /** For lists and removal. */
  key: string;
  fileName: string;
  /** What is uploaded when the form is sent. */
  blob: Blob;
  /** For the preview. */
  previewUrl: string;
  bytes: number;
  width: number | null;
  height: number | null;
}

export class PhotoError extends Error {}

interface Drawable {
  source: CanvasImageSource;
  width: number;
  height: number;
  close(): void;
}

/** Decodes the file the way the browser shows it (turned upright by its EXIF orientation). */
async function decode(file: File): Promise<Drawable> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
    } catch {
      // Some browsers refuse the options or the format here but can still show it in an <img>.
    }
  }
  const url = URL.createObjectURL(file);
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } catch {
    URL.revokeObjectURL(url);
    throw new PhotoError('decode');
  }
  return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => URL.revokeObjectURL(url) };
}

/** Uploads the photos, one after another, and answers them as the API's ItemPhotoInput. */
export async function uploadPhotos(photos: readonly Photo[]): Promise<{ fileId: string }[]> {
  const sent: { fileId: string }[] = [];
  for (const photo of photos) sent.push({ fileId: (await uploadFile(new File([photo.blob], photo.fileName, { type: photo.blob.type }))).id });
  return sent;
}

function jpegName(name: string, index: number): string {
  const base = name.replace(/\.[^.]*$/, '').trim();
  return `${base || `现场照片-${index + 1}`}.jpg`;
}

let counter = 0;

/** The photo at most MAX_SIDE pixels on its longer side, as a JPEG. */
export async function preparePhoto(file: File, index: number): Promise<Photo> {
  counter += 1;
  const key = `${Date.now()}-${counter}`;
  let drawable: Drawable;
  try {
    drawable = await decode(file);
  } catch {
    // Not drawable here (e.g. HEIC outside Safari): send it unchanged if the API takes its kind and size.
    const extension = SENT_AS_IS[file.type];
    if (!extension || file.size > MAX_AS_IS_BYTES) throw new PhotoError(file.name);
    const base = file.name.replace(/\.[^.]*$/, '') || `现场照片-${index + 1}`;
    return { key, fileName: `${base}${extension}`, blob: file, previewUrl: URL.createObjectURL(file), bytes: file.size, width: null, height: null };
  }
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(drawable.width, drawable.height));
    const width = Math.max(1, Math.round(drawable.width * scale));
    const height = Math.max(1, Math.round(drawable.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new PhotoError(file.name);
    // JPEG has no transparency: a transparent PNG goes on white, not black.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(drawable.source, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
    if (!blob) throw new PhotoError(file.name);
    return { key, fileName: jpegName(file.name, index), blob, previewUrl: URL.createObjectURL(blob), bytes: blob.size, width, height };
  } finally {
    drawable.close();
  }
}

export function releasePhoto(photo: Photo): void {
  URL.revokeObjectURL(photo.previewUrl);
}

export function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
