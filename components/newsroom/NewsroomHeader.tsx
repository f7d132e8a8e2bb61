import Link from 'next/link';
import type { SessionUser } from '@/db/sessions';
import { can, type Action } from '@/lib/auth/policy';
import { logout } from '@/app/newsroom/actions/session';
import { newsroomT } from './locale';

const links: { href: string; key: string; action: Action }[] = [
  { href: '/newsroom', key: 'dashboard', action: 'article.create' },
  { href: '/newsroom/articles/new', key: 'new', action: 'article.create' },
  { href: '/newsroom/media', key: 'media', action: 'media.upload' },
  { href: '/newsroom/review', key: 'review', action: 'review.queue' },
  { href: '/newsroom/wire', key: 'wire', action: 'wire.queue' },
  { href: '/newsroom/wire/feeds', key: 'wireFeeds', action: 'wire.feeds' },
  { href: '/newsroom/sections', key: 'sections', action: 'taxonomy.manage' },
  { href: '/newsroom/topics', key: 'topics', action: 'taxonomy.manage' },
  { href: '/newsroom/authors', key: 'authors', action: 'taxonomy.manage' },
  { href: '/newsroom/users', key: 'users', action: 'users.manage' },
  { href: '/newsroom/settings', key: 'settings', action: 'settings.manage' },
  { href: '/newsroom/audit', key: 'audit', action: 'audit.view' },
];

/** The newsroom's header: what this role may open (the server checks each action again), account, log out. */
export async function NewsroomHeader({ user }: { user: SessionUser }) {
  const t = await newsroomT();
  return (
    <header className="nr-header">
      <p className="nr-brand">{t('brand')}</p>
      <nav aria-label={t('mainNav')}>
        <ul className="nr-nav">
          {links
            .filter((l) => can(user, l.action))
            .map((l) => (
              <li key={l.href}>
                <Link href={l.href}>{t(`nav.${l.key}`)}</Link>
              </li>
            ))}
          <li>
            <Link href="/newsroom/account">{t('nav.account')}</Link>
          </li>
          <li>
            <a href="/">{t('nav.site')}</a>
          </li>
          <li>
            <form action={logout}>
              <button type="submit" className="nr-linkbutton">
                {t('nav.logout')}
              </button>
            </form>
          </li>
        </ul>
      </nav>
    </header>
  );
}
