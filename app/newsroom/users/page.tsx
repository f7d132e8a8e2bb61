import type { Metadata } from 'next';
import { listUsers } from '@/db/users';
import { userRoles } from '@/db/schema';
import { locales } from '@/i18n/routing';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/auth/password';
import { requireCan } from '@/lib/auth/current-user';
import { newsroomT } from '@/components/newsroom/locale';
import { newsroomAdminT } from '@/components/newsroom/adminT';
import { LANGUAGE_NAMES } from '@/components/newsroom/languages';
import { AdminForm } from '@/components/newsroom/AdminForm.client';
import { createAccount, resetAccountPassword, updateDisabled, updateRole } from '../actions/users';

export async function generateMetadata(): Promise<Metadata> {
  const t = await newsroomAdminT();
  return { title: t('users.title') };
}

export default async function UsersPage() {
  const me = await requireCan('users.manage');
  const [t, tn] = await Promise.all([newsroomAdminT(), newsroomT()]);
  const accounts = listUsers();
  const roleOptions = userRoles.map((r) => ({ value: r, label: tn(`roles.${r}`) }));
  const localeOptions = locales.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }));
  return (
    <>
      <h1>{t('users.title')}</h1>
      <p>{t('users.intro')}</p>
      <section aria-labelledby="users-list">
        <h2 id="users-list">{t('users.listTitle', { count: accounts.length })}</h2>
        <table className="nr-table">
          <thead>
            <tr>
              <th scope="col">{t('users.account')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.language')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => {
              // Names may repeat; emails do not: each row's forms get a unique accessible name.
              const who = `${a.name} (${a.email})`;
              return (
              <tr key={a.id} data-testid={`user-${a.email}`}>
                <td>
                  <strong>{a.name}</strong>
                  {a.id === me.id ? ` (${t('users.you')})` : null}
                  <br />
                  {a.email}
                </td>
                <td>{tn(`roles.${a.role}`)}</td>
                <td lang={a.locale}>{LANGUAGE_NAMES[a.locale as keyof typeof LANGUAGE_NAMES] ?? a.locale}</td>
                <td>{a.disabledAt ? <span className="nr-badge">{t('users.disabled')}</span> : t('users.active')}</td>
                <td>
                  <div className="nr-row-actions">
                    <AdminForm
                      compact
                      action={updateRole}
                      label={t('users.changeRoleOf', { name: who })}
                      submitLabel={t('users.changeRole')}
                      items={[
                        { name: 'id', label: '', type: 'hidden', defaultValue: String(a.id) },
                        { name: 'role', label: t('users.newRole'), type: 'select', options: roleOptions, defaultValue: a.role },
                      ]}
                    />
                    <AdminForm
                      compact
                      action={updateDisabled}
                      label={a.disabledAt ? t('users.enableOf', { name: who }) : t('users.disableOf', { name: who })}
                      submitLabel={a.disabledAt ? t('users.enable') : t('users.disable')}
                      items={[
                        { name: 'id', label: '', type: 'hidden', defaultValue: String(a.id) },
                        { name: 'disabled', label: '', type: 'hidden', defaultValue: a.disabledAt ? '0' : '1' },
                      ]}
                    />
                    <AdminForm
                      compact
                      action={resetAccountPassword}
                      label={t('users.resetPasswordOf', { name: who })}
                      submitLabel={t('users.resetPassword')}
                      items={[
                        { name: 'id', label: '', type: 'hidden', defaultValue: String(a.id) },
                        { name: 'password', label: t('users.newPassword'), type: 'password', required: true, minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX },
                      ]}
                    />
                  </div>
                </td>
              </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="users-create" className="nr-narrow">
        <h2 id="users-create">{t('users.createTitle')}</h2>
        <AdminForm
          primary
          action={createAccount}
          submitLabel={t('users.create')}
          items={[
            { name: 'email', label: t('users.email'), type: 'email', required: true, maxLength: 254, autoComplete: 'off' },
            { name: 'name', label: t('users.name'), required: true, maxLength: 120 },
            { name: 'role', label: t('users.role'), type: 'select', options: roleOptions, defaultValue: 'contributor' },
            { name: 'locale', label: t('users.language'), type: 'select', options: localeOptions, defaultValue: 'fr' },
            {
              name: 'password',
              label: t('users.password'),
              type: 'password',
              required: true,
              minLength: PASSWORD_MIN,
              maxLength: PASSWORD_MAX,
              hint: t('users.passwordHint', { min: PASSWORD_MIN }),
            },
          ]}
        />
      </section>
    </>
  );
}
