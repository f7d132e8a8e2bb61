import type { Metadata } from 'next';
import { countUserSessions } from '@/db/sessions';
import { currentSession, requireUser } from '@/lib/auth/current-user';
import { newsroomT } from '@/components/newsroom/locale';
import { AccountForms } from '@/components/newsroom/AccountForms.client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await newsroomT();
  return { title: t('account.title') };
}

export default async function AccountPage() {
  const user = await requireUser();
  const session = (await currentSession())!;
  const t = await newsroomT();
  const others = countUserSessions(user.id) - 1;
  return (
    <div className="nr-narrow">
      <h1>{t('account.title')}</h1>
      <p>{t('account.signedInAs', { name: user.name, role: t(`roles.${user.role}`) })}</p>
      <AccountForms locale={user.locale} otherSessions={Math.max(0, others)} key={session.session.id} />
    </div>
  );
}
