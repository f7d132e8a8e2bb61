import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listMedia, listVideos } from '@/db/media';
import { deleteVideoAction } from '@/app/newsroom/actions/media';
import { AdminForm } from '@/components/newsroom/AdminForm.client';
import { can } from '@/lib/auth/policy';
import { formatDuration } from '@/lib/format';
import { requireCan } from '@/lib/auth/current-user';
import { SITE_TIME_ZONE } from '@/lib/config';
import { newsroomLocale } from '@/components/newsroom/locale';
import { MediaUploader } from '@/components/newsroom/MediaUploader.client';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await newsroomLocale();
  const t = await getTranslations({ locale, namespace: 'newsroom.media' });
  return { title: t('title') };
}

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);
/** `YYYY-MM-DD` (a day in the site's zone, UTC+1 all year) → its start in UTC; anything else is invalid. */
function day(value: string | undefined, next = false): Date | undefined | null {
  if (!value) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00+01:00`);
  if (Number.isNaN(d.getTime())) return null;
  return next ? new Date(d.getTime() + 86_400_000) : d;
}

export default async function MediaLibraryPage({ searchParams }: PageProps<'/newsroom/media'>) {
  const user = await requireCan('media.upload');
  const params = await searchParams;
  const q = (one(params.q) ?? '').slice(0, 200);
  const from = day(one(params.from));
  const to = day(one(params.to), true);
  const pageRaw = one(params.page);
  if (from === null || to === null || (pageRaw !== undefined && !/^[1-9][0-9]{0,4}$/.test(pageRaw))) notFound();
  const page = pageRaw ? Number(pageRaw) : 1;
  const locale = await newsroomLocale();
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: 'newsroom.media' }), getFormatter({ locale })]);
  const { items, hasMore } = listMedia({ q, from, to, page });
  const videos = page === 1 ? listVideos() : [];
  const uploaded = (one(params.uploaded) ?? '').split(',').filter(Boolean).slice(0, 20);
  const next = new URLSearchParams({ ...(q ? { q } : {}), ...(one(params.from) ? { from: one(params.from)! } : {}), ...(one(params.to) ? { to: one(params.to)! } : {}), page: String(page + 1) });
  return (
    <>
      <h1>{t('title')}</h1>
      {uploaded.length ? (
        <ul role="status">
          {uploaded.map((u, i) => {
            const [kind, value] = u.split(':');
            if (kind === 'ok') return <li key={i}>{t('upload.done', { name: `#${value}` })}</li>;
            if (kind === 'video') return <li key={i}>{t('videos.added', { name: `#${value}` })}</li>;
            return <li key={i}>{t.has(`errors.${value}`) ? t(`errors.${value}` as never) : t('errors.generic')}</li>;
          })}
        </ul>
      ) : null}
      <MediaUploader />
      <form method="get" className="nr-filters" role="search">
        <label htmlFor="media-q">{t('list.search')}</label>
        <input id="media-q" name="q" type="search" defaultValue={q} maxLength={200} />
        <label htmlFor="media-from">{t('list.from')}</label>
        <input id="media-from" name="from" type="date" defaultValue={one(params.from) ?? ''} />
        <label htmlFor="media-to">{t('list.to')}</label>
        <input id="media-to" name="to" type="date" defaultValue={one(params.to) ?? ''} />
        <button type="submit">{t('list.submit')}</button>
      </form>
      {items.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <ul className="nr-media-grid">
          {items.map((m) => {
            const texts = m.texts[locale] ?? { alt: '', caption: '', credit: '' };
            const missingAlt = Object.values(m.texts).some((x) => !x.alt);
            return (
              <li key={m.id}>
                <Link href={`/newsroom/media/${m.id}`}>
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  {m.thumb ? <img src={m.thumb} alt="" width={240} height={135} loading="lazy" /> : null}
                  <span>
                    #{m.id} {texts.caption || m.originalName}
                  </span>
                </Link>
                <span className="nr-hint">
                  {texts.credit ? `${texts.credit} · ` : ''}
                  <time dateTime={m.uploadedAt.toISOString()}>{format.dateTime(m.uploadedAt, { dateStyle: 'medium', timeZone: SITE_TIME_ZONE })}</time> · {t('list.uses', { count: m.usageCount })}
                  {missingAlt ? ` · ${t('list.noAlt')}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {hasMore ? <Link href={`/newsroom/media?${next}`}>{t('list.next')}</Link> : null}
      <section aria-labelledby="videos-title">
        <h2 id="videos-title">{t('videos.title')}</h2>
        {videos.length === 0 ? (
          <p>{t('videos.empty')}</p>
        ) : (
          <ul className="nr-video-list">
            {videos.map((v) => (
              <li key={v.id} data-video-id={v.id}>
                <strong>
                  #{v.id} {v.originalName}
                </strong>
                <span className="nr-hint">
                  {' '}
                  {v.container.toUpperCase()} · {t('videos.megabytes', { size: Math.round((v.bytes / (1024 * 1024)) * 10) / 10 })}
                  {v.width && v.height ? ` · ${t('videos.size', { width: v.width, height: v.height })}` : ''} ·{' '}
                  {v.durationSeconds !== null ? `${t('videos.duration')} ${formatDuration(v.durationSeconds, locale)}` : t('videos.unknownDuration')} ·{' '}
                  <time dateTime={v.uploadedAt.toISOString()}>{format.dateTime(v.uploadedAt, { dateStyle: 'medium', timeZone: SITE_TIME_ZONE })}</time> ·{' '}
                  {t('videos.uses', { count: v.usageCount })}
                </span>
                <label>
                  {t('videos.address')} <input readOnly value={v.url} size={40} className="nr-video-address" />
                </label>
                {v.usageCount === 0 && can(user, 'media.delete', { ownerId: v.uploadedBy, status: 'draft' }) ? (
                  <AdminForm action={deleteVideoAction} submitLabel={t('videos.delete')} items={[{ name: 'id', label: '', type: 'hidden', defaultValue: String(v.id) }]} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
