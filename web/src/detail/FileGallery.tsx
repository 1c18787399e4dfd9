// Files on a card: pictures as thumbnails that open a preview (one group, so that the arrows step through them),
// other files as download links. Every file is fetched with the access token (see ./files.ts).
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { App, Button, Image, Spin, Typography } from 'antd';
import { DownloadOutlined, FileOutlined, WarningOutlined } from '@ant-design/icons';
import { useWords } from '../i18n';
import { downloadFile, fetchFile, type FileState } from './files';
import { fileSize, isImage } from './format';
import type { StoredFile } from './types';
import { GALLERY_WORDS as WORDS } from '../i18n/detail';

export interface GalleryFile extends StoredFile {
  /** Shown under the file: who, when, a note. */
  caption?: ReactNode;
}

/** Blob URLs for the files' URLs while the component shows them; all released when it goes or the list changes. */
function useFileUrls(urls: string[]): Record<string, FileState> {
  const key = urls.join('\n');
  // Kept with the list they belong to: a new list starts as "loading" without a render of the old one's states.
  const [store, setStore] = useState<{ key: string; states: Record<string, FileState> }>({ key: '', states: {} });
  useEffect(() => {
    let live = true;
    const made: string[] = [];
    const set = (url: string, state: FileState) => setStore((s) => ({ key, states: { ...(s.key === key ? s.states : {}), [url]: state } }));
    for (const url of key ? key.split('\n') : []) {
      fetchFile(url)
        .then((blob) => {
          const blobUrl = URL.createObjectURL(blob);
          made.push(blobUrl);
          if (live) set(url, { status: 'ready', url: blobUrl });
        })
        .catch((err: unknown) => {
          if (live) set(url, { status: 'error', message: err instanceof Error ? err.message : String(err) });
        });
    }
    return () => {
      live = false;
      for (const u of made) URL.revokeObjectURL(u);
    };
  }, [key]);
  return store.key === key ? store.states : {};
}

export function FileGallery({ files, empty, testId }: { files: GalleryFile[]; empty?: ReactNode; testId?: string }) {
  const w = useWords(WORDS);
  const { message } = App.useApp();
  const images = useMemo(() => files.filter((f) => isImage(f)), [files]);
  const others = useMemo(() => files.filter((f) => !isImage(f)), [files]);
  const states = useFileUrls(useMemo(() => images.map((f) => f.url), [images]));
  const ready = images.flatMap((f) => {
    const s = states[f.url];
    return s?.status === 'ready' ? [{ file: f, src: s.url }] : [];
  });
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState(0);

  if (files.length === 0) return <>{empty ?? null}</>;

  const download = (f: GalleryFile) => {
    downloadFile(f.url, f.name).catch((err: unknown) => message.error(`${w('downloadFailed')}：${err instanceof Error ? err.message : String(err)}`));
  };

  return (
    <div className="file-gallery" data-testid={testId}>
      {images.length > 0 && (
        <ul className="file-thumbs">
          {images.map((f) => {
            const s = states[f.url] ?? { status: 'loading' };
            const index = ready.findIndex((r) => r.file.url === f.url);
            return (
              <li key={f.url} className="file-thumb-item">
                <button
                  type="button"
                  className="file-thumb"
                  aria-label={`${w('preview')}：${f.name}`}
                  disabled={s.status !== 'ready'}
                  onClick={() => {
                    setCurrent(index);
                    setOpen(true);
                  }}
                >
                  {s.status === 'ready' ? (
                    <img src={s.url} alt={f.name} />
                  ) : s.status === 'loading' ? (
                    <Spin size="small" />
                  ) : (
                    <span className="file-thumb-error" title={s.message}>
                      <WarningOutlined /> {w('failed')}
                    </span>
                  )}
                </button>
                <div className="file-caption">
                  <Typography.Text ellipsis={{ tooltip: f.name }} className="file-name">
                    {f.name}
                  </Typography.Text>
                  <Button type="link" size="small" icon={<DownloadOutlined />} aria-label={`${w('download')}：${f.name}`} onClick={() => download(f)} />
                  {f.caption && <div className="file-meta">{f.caption}</div>}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {others.length > 0 && (
        <ul className="file-links">
          {others.map((f) => (
            <li key={f.url}>
              <Button type="link" icon={<FileOutlined />} onClick={() => download(f)} className="file-link" aria-label={`${w('download')}：${f.name}`}>
                {f.name}
              </Button>
              <Typography.Text type="secondary"> {fileSize(f.size)}</Typography.Text>
              {f.caption && <div className="file-meta">{f.caption}</div>}
            </li>
          ))}
        </ul>
      )}
      {ready.length > 0 && (
        <Image.PreviewGroup
          items={ready.map((r) => ({ src: r.src, alt: r.file.name }))}
          preview={{ open, current, onOpenChange: (next) => setOpen(next), onChange: (next) => setCurrent(next) }}
        />
      )}
    </div>
  );
}
