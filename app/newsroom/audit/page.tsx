import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter } from 'next-intl/server';
import { listAudit } from '@/db/audit';
import { SITE_TIME_ZONE } from '@/lib/config';
import { requireCan } from '@/lib/auth/current-user';
import { newsroomLocale } from '@/components/newsroom/locale';
import { newsroomAdminT } from '@/components/newsroom/adminT';

export async function generateMetadata(): Promise<Metadata> {
  const t = await newsroomAdminT();
  return { title: t('audit.title') };
}

const PAGE_SIZE = 50;

/** Message keys cannot contain dots: `user.password.reset` is labelled by `audit.actions.user_password_reset`. */
const actionKey = (action: string) => action.replace(/[^a-z0-9]/gi, '_');
const DETAIL_MAX = 400;

/** `?before=<id>`: the keyset of the next (older) page. Anything else than a plain positive integer is a 404. */
function parseBefore(value: string | string[] | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,15}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}

export default async function AuditPage({ searchParams }: PageProps<'/newsroom/audit'>) {
  await requireCan('audit.view');
  const before = parseBefore((await searchParams).before);
  if (before === null) notFound();
  const [t, locale] = await Promise.all([newsroomAdminT(), newsroomLocale()]);
  const format = await getFormatter({ locale });
  const rows = listAudit(PAGE_SIZE + 1, before);
  const page = rows.slice(0, PAGE_SIZE);
  const older = rows.length > PAGE_SIZE ? page.at(-1)!.id : null;
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      {page.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <table className="nr-table">
          <caption className="visually-hidden">{t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {page.map((line) => {
              const detail = line.detail === '{}' ? '' : line.detail;
              return (
                <tr key={line.id}>
                  <td>
                    <time dateTime={line.at.toISOString()}>{format.dateTime(line.at, { dateStyle: 'medium', timeStyle: 'medium', timeZone: SITE_TIME_ZONE })}</time>
                  </td>
                  <td>{line.actor === 'system' || line.actor === 'cli' ? t(`audit.actors.${line.actor}`) : line.actor}</td>
                  <td>{t.has(`audit.actions.${actionKey(line.action)}`) ? t(`audit.actions.${actionKey(line.action)}` as never) : <code>{line.action}</code>}</td>
                  <td>{line.targetType ? `${t.has(`audit.targets.${line.targetType}`) ? t(`audit.targets.${line.targetType}` as never) : line.targetType} ${line.targetId ?? ''}` : ''}</td>
                  <td className="nr-detail">
                    {detail ? <code>{detail.length > DETAIL_MAX ? `${detail.slice(0, DETAIL_MAX)}…` : detail}</code> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <nav aria-label={t('audit.pages')} className="nr-actions">
        {before !== undefined ? <Link href="/newsroom/audit">{t('audit.newest')}</Link> : null}
        {older ? <Link href={`/newsroom/audit?before=${older}`}>{t('audit.older')}</Link> : null}
      </nav>
    </>
  );
}
