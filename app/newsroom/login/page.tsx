import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth/current-user';
import { newsroomT } from '@/components/newsroom/locale';
import { LoginForm } from '@/components/newsroom/LoginForm.client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await newsroomT();
  return { title: t('login.title') };
}

export default async function LoginPage({ searchParams }: PageProps<'/newsroom/login'>) {
  if (await currentUser()) redirect('/newsroom');
  const t = await newsroomT();
  const { out } = await searchParams;
  return (
    <div className="nr-narrow">
      <h1>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      {out === '1' ? <p role="status">{t('login.loggedOut')}</p> : null}
      <LoginForm />
    </div>
  );
}
