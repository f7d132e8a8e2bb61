import type { Metadata } from 'next';
import { z } from 'zod';
import { articleStatuses } from '@/db/schema';
import { listNewsroomArticles } from '@/db/article-writes';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { newsroomT } from '@/components/newsroom/locale';
import { ArticleTable } from '@/components/newsroom/ArticleTable';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await newsroomT())('dashboard.title') };
}

const filters = z.object({
  status: z.enum(articleStatuses).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  mine: z.literal('1').optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

/** The newsroom's home: articles, newest change first; contributors see their own. */
export default async function NewsroomHome({ searchParams }: PageProps<'/newsroom'>) {
  const user = await requireUser();
  const t = await newsroomT();
  const raw = await searchParams;
  const f = filters.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const onlyMine = user.role === 'contributor' || f.mine === '1';
  const result = listNewsroomArticles({ status: f.status, q: f.q, page: f.page, ownerId: onlyMine ? user.id : undefined });
  const query = (page: number) => {
    const p = new URLSearchParams();
    if (f.status) p.set('status', f.status);
    if (f.q) p.set('q', f.q);
    if (f.mine) p.set('mine', f.mine);
    p.set('page', String(page));
    return `/newsroom?${p}`;
  };
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <p>{t('dashboard.welcome', { name: user.name })}</p>
      <p>
        <a href="/newsroom/articles/new" className="nr-button-link">
          {t('nav.new')}
        </a>
      </p>
      <form className="nr-filters" role="search" aria-label={t('list.filters')}>
        <label htmlFor="q">{t('list.search')}</label>
        <input id="q" name="q" type="search" defaultValue={f.q} maxLength={200} />
        <label htmlFor="status">{t('list.status')}</label>
        <select id="status" name="status" defaultValue={f.status ?? ''}>
          <option value="">{t('list.allStatuses')}</option>
          {articleStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`editor.statuses.${s}`)}
            </option>
          ))}
        </select>
        {user.role !== 'contributor' ? (
          <label className="nr-check">
            <input type="checkbox" name="mine" value="1" defaultChecked={f.mine === '1'} /> {t('list.mine')}
          </label>
        ) : null}
        <button type="submit">{t('list.apply')}</button>
      </form>
      {can(user, 'review.queue') ? (
        <p>
          <a href="/newsroom/review">{t('nav.review')}</a>
        </p>
      ) : null}
      {result.items.length ? <ArticleTable items={result.items} caption={t('list.caption', { total: result.total })} /> : <p>{t('list.empty')}</p>}
      {result.pageCount > 1 ? (
        <nav aria-label={t('list.pagination')} className="nr-actions">
          {result.page > 1 ? <a href={query(result.page - 1)}>{t('list.previous')}</a> : null}
          <span>{t('list.pageOf', { page: result.page, count: result.pageCount })}</span>
          {result.page < result.pageCount ? <a href={query(result.page + 1)}>{t('list.next')}</a> : null}
        </nav>
      ) : null}
    </>
  );
}
