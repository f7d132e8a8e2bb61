import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { locales } from '@/i18n/routing';
import { getMedia } from '@/db/media';
import { requireCan } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { SITE_TIME_ZONE } from '@/lib/config';
import { mediaUrl } from '@/lib/media/paths';
import { newsroomLocale, newsroomT } from '@/components/newsroom/locale';
import { AdminForm } from '@/components/newsroom/AdminForm.client';
import { FocalPoint } from '@/components/newsroom/FocalPoint.client';
import { deleteMediaAction, saveMediaTexts } from '@/app/newsroom/actions/media';
import { photoMarkdown } from '@/lib/markdown-media';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await newsroomLocale();
  const t = await getTranslations({ locale, namespace: 'newsroom.media' });
  return { title: t('edit.title') };
}

export default async function MediaPage({ params }: PageProps<'/newsroom/media/[id]'>) {
  const user = await requireCan('media.upload');
  const { id: raw } = await params;
  if (!/^[1-9][0-9]{0,10}$/.test(raw)) notFound();
  const m = getMedia(Number(raw));
  if (!m) notFound();
  const locale = await newsroomLocale();
  const [t, tn, format] = await Promise.all([getTranslations({ locale, namespace: 'newsroom.media' }), newsroomT(), getFormatter({ locale })]);
  const scope = { ownerId: m.uploadedBy, status: 'draft' as const };
  const mayEdit = can(user, 'media.edit', scope);
  const mayDelete = can(user, 'media.delete', scope);
  const preview = m.renditions.filter((r) => r.crop === '16x9' && r.format === 'jpeg').at(-1);
  const crops = m.renditions.filter((r) => r.format === 'jpeg' && r.crop !== '16x9');
  const language = (l: string) => tn(`languages.${l}` as never);
  return (
    <>
      <p>
        <Link href="/newsroom/media">{t('title')}</Link>
      </p>
      <h1>
        {t('edit.title')} #{m.id}
      </h1>
      <p>{t('edit.dimensions', { width: m.width, height: m.height, date: format.dateTime(m.uploadedAt, { dateStyle: 'long', timeZone: SITE_TIME_ZONE }) })}</p>
      {preview && mayEdit ? (
        <FocalPoint id={m.id} src={mediaUrl(preview.file)} width={preview.width} height={preview.height} x={m.focalX} y={m.focalY} label={t('edit.focal')} />
      ) : preview ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={mediaUrl(preview.file)} alt="" width={preview.width} height={preview.height} className="nr-preview" />
      ) : null}
      <h2>{t('edit.crops')}</h2>
      <ul className="nr-media-grid">
        {crops.map((c) => (
          <li key={`${c.crop}-${c.width}`}>
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={mediaUrl(c.file)} alt="" width={Math.round((160 * c.width) / c.height)} height={160} loading="lazy" />
            <span className="nr-hint">
              {c.crop} · {c.width}×{c.height}
            </span>
          </li>
        ))}
      </ul>
      {mayEdit ? (
        <AdminForm
          action={saveMediaTexts}
          submitLabel={t('edit.save')}
          primary
          items={[
            { name: 'id', label: '', type: 'hidden', defaultValue: String(m.id) },
            ...locales.map((l) => ({
              legend: language(l),
              fields: [
                { name: `${l}.alt`, label: t('edit.alt', { language: language(l) }), maxLength: 500, lang: l, defaultValue: m.texts[l]?.alt ?? '' },
                { name: `${l}.caption`, label: t('edit.caption', { language: language(l) }), type: 'textarea' as const, maxLength: 1000, lang: l, defaultValue: m.texts[l]?.caption ?? '' },
                { name: `${l}.credit`, label: t('edit.credit', { language: language(l) }), maxLength: 200, lang: l, defaultValue: m.texts[l]?.credit ?? '' },
              ],
            })),
          ]}
        />
      ) : null}
      <p>
        <label>
          {t('edit.bodySyntax')} <input readOnly value={photoMarkdown(m.id)} size={30} className="nr-body-syntax" />
        </label>
      </p>
      <h2>{t('edit.usage')}</h2>
      {m.usage.length === 0 ? (
        <p>{t('edit.unused')}</p>
      ) : (
        <ul>
          {m.usage.map((u) => (
            <li key={u.articleId}>
              <Link href={`/newsroom/articles/${u.articleId}`} lang={u.locale}>
                {u.title}
              </Link>{' '}
              ({[language(u.locale), u.asHero ? t('edit.asHero') : null, u.inBody ? t('edit.inBody') : null].filter(Boolean).join(' · ')})
            </li>
          ))}
        </ul>
      )}
      {mayDelete ? <AdminForm action={deleteMediaAction} submitLabel={t('edit.delete')} items={[{ name: 'id', label: '', type: 'hidden', defaultValue: String(m.id) }]} /> : null}
    </>
  );
}
