'use client';
/**
 * Photo upload: a plain form with `<input type=file multiple>` (works without JavaScript: it posts the files as
 * multipart and the server redirects back), enhanced here with drag and drop and one XMLHttpRequest per file so
 * each file shows its progress and its own outcome in the user's language.
 */
import { useRef, useState, type DragEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

const UPLOAD_URL = '/newsroom/media/upload';

interface Item {
  key: string;
  name: string;
  percent: number;
  outcome: 'sending' | 'done' | 'duplicate' | 'failed';
  error?: string;
}

function send(file: File, onProgress: (percent: number) => void): Promise<{ status: number; body: { id?: number; duplicate?: boolean; error?: string } }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', UPLOAD_URL);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { error: 'generic' };
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: { error: 'generic' } });
    xhr.send(file);
  });
}

export function MediaUploader() {
  const t = useTranslations('newsroom.media');
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);

  const patch = (key: string, change: Partial<Item>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i)));

  async function upload(files: File[]) {
    const batch = files.map((f, n) => ({ key: `${Date.now()}-${n}-${f.name}`, name: f.name, percent: 0, outcome: 'sending' as const }));
    setItems((all) => [...batch, ...all]);
    // One at a time: the server processes one image at a time anyway, and a phone's uplink is shared.
    for (const [n, file] of files.entries()) {
      const key = batch[n]!.key;
      const { status, body } = await send(file, (percent) => patch(key, { percent }));
      if (status === 200 || status === 201) patch(key, { percent: 100, outcome: body.duplicate ? 'duplicate' : 'done' });
      else {
        const code = body.error ?? 'generic';
        patch(key, { outcome: 'failed', error: t.has(`errors.${code}`) ? t(`errors.${code}` as never) : t('errors.generic') });
      }
    }
    router.refresh();
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length) void upload(files);
  };

  return (
    <section aria-labelledby="upload-title" className="nr-upload">
      <h2 id="upload-title">{t('upload.title')}</h2>
      <form
        method="post"
        action={UPLOAD_URL}
        encType="multipart/form-data"
        className="nr-dropzone"
        data-over={over ? '' : undefined}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        onSubmit={(e) => {
          const files = Array.from(input.current?.files ?? []);
          if (files.length === 0) return;
          e.preventDefault();
          void upload(files);
          if (input.current) input.current.value = '';
        }}
      >
        <p>{t('upload.drop')}</p>
        <label htmlFor="media-files">{t('upload.choose')}</label>
        <input ref={input} id="media-files" name="files" type="file" multiple accept="image/jpeg,image/png,image/webp,image/avif,image/heic,.heic,video/mp4,video/webm" />
        <button type="submit">{t('upload.send')}</button>
      </form>
      {items.length ? (
        <ul className="nr-upload-list" aria-live="polite">
          {items.map((i) => (
            <li key={i.key} data-outcome={i.outcome}>
              {i.outcome === 'sending' ? (
                <>
                  <progress max={100} value={i.percent} aria-label={i.name} /> {t('upload.progress', { name: i.name, percent: i.percent })}
                </>
              ) : i.outcome === 'failed' ? (
                <span role="alert">{t('upload.failed', { name: i.name, reason: i.error ?? '' })}</span>
              ) : (
                t(i.outcome === 'done' ? 'upload.done' : 'upload.duplicate', { name: i.name })
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
