'use server';
/**
 * Accounts (administrators only): create, change role, disable/enable, reset a password. Each action checks the
 * role on the server first (403 otherwise, nothing changed), validates and bounds its input, and writes its audit
 * line in the same transaction as the change (db/users.ts, db/user-admin.ts).
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { userRoles } from '@/db/schema';
import { createUser, EmailTakenError } from '@/db/users';
import { adminNewUserSchema, changeDisabled, changeRole, LastAdministratorError, resetPassword, UnknownUserError } from '@/db/user-admin';
import { passwordSchema, PASSWORD_MAX } from '@/lib/auth/password';
import { actorOf, requireCan } from '@/lib/auth/current-user';
import { adminT, fieldMessages, formId, formText, message, typedValues, type AdminFormState } from './support';

const PAGE = '/newsroom/users';

export async function createAccount(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireCan('users.manage');
  const t = await adminT(user);
  const input = {
    email: formText(form, 'email', 300),
    name: formText(form, 'name', 200),
    role: formText(form, 'role', 20),
    locale: formText(form, 'locale', 5),
    password: formText(form, 'password', PASSWORD_MAX),
  };
  const values = typedValues(form, ['email', 'name', 'role', 'locale'], 300);
  const parsed = adminNewUserSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    return { fields: fieldMessages(t, fields), values };
  }
  try {
    const created = await createUser(parsed.data, actorOf(user));
    revalidatePath(PAGE);
    return { ok: t('users.created', { email: created.email }) };
  } catch (error) {
    if (error instanceof EmailTakenError) return { fields: { email: message(t, 'email_taken') }, values };
    throw error;
  }
}

const roleSchema = z.enum(userRoles);

export async function updateRole(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireCan('users.manage');
  const t = await adminT(user);
  const id = formId(form);
  const role = roleSchema.safeParse(formText(form, 'role', 20));
  if (!id) return { error: message(t, 'not_found') };
  if (!role.success) return { fields: { role: message(t, 'role_invalid') } };
  try {
    const changed = changeRole(id, role.data, actorOf(user));
    revalidatePath(PAGE);
    return { ok: changed ? t('users.roleChanged') : t('users.unchanged') };
  } catch (error) {
    return known(t, error);
  }
}

export async function updateDisabled(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireCan('users.manage');
  const t = await adminT(user);
  const id = formId(form);
  const disabled = formText(form, 'disabled', 1);
  if (!id || (disabled !== '1' && disabled !== '0')) return { error: message(t, 'not_found') };
  try {
    changeDisabled(id, disabled === '1', actorOf(user));
    revalidatePath(PAGE);
    return { ok: disabled === '1' ? t('users.disabledDone') : t('users.enabledDone') };
  } catch (error) {
    return known(t, error);
  }
}

export async function resetAccountPassword(_: AdminFormState, form: FormData): Promise<AdminFormState> {
  const user = await requireCan('users.manage');
  const t = await adminT(user);
  const id = formId(form);
  if (!id) return { error: message(t, 'not_found') };
  const password = passwordSchema.safeParse(formText(form, 'password', PASSWORD_MAX));
  if (!password.success) return { fields: { password: message(t, password.error.issues[0]?.message ?? 'generic') } };
  try {
    await resetPassword(id, password.data, actorOf(user));
    revalidatePath(PAGE);
    return { ok: t('users.passwordReset') };
  } catch (error) {
    return known(t, error);
  }
}

function known(t: Awaited<ReturnType<typeof adminT>>, error: unknown): AdminFormState {
  if (error instanceof LastAdministratorError) return { error: message(t, 'last_admin') };
  if (error instanceof UnknownUserError) return { error: message(t, 'not_found') };
  throw error;
}
