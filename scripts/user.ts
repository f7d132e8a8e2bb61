/**
 * Newsroom accounts from the command line (the first administrator is made here; there is no default password):
 *   npm run user -- add --email E --name "N" --role contributor|author|editor|administrator [--locale fr|en]
 *   npm run user -- passwd --email E          (sets a new password, ends the account's sessions)
 *   npm run user -- disable|enable --email E  (disabling ends its sessions at once)
 *   npm run user -- list
 * The password is read from standard input (one line; typed without echo on a terminal), never from arguments,
 * so it stays out of the shell history and the process list.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { openDatabase, type Db } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { createUser, EmailTakenError, findUserByEmail, listUsers, setDisabled, setPassword } from '../db/users';
import { userRoles } from '../db/schema';
import { ZodError } from 'zod';

const CLI = { id: null, label: 'cli' };

/** The CLI speaks English; the schemas' messages are codes the newsroom translates. */
const messages: Record<string, string> = {
  password_too_short: 'at least 12 characters',
  password_too_long: 'at most 256 characters',
  email_invalid: 'not a valid email address',
  name_required: 'required',
  name_too_long: 'at most 120 characters',
};

async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = '';
    for await (const chunk of process.stdin) data += chunk;
    return data.split(/\r?\n/)[0] ?? '';
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) process.stdout.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, locale: { type: 'string' } },
  });
  const command = positionals[0];
  const db: Db = openDatabase(process.env.DATABASE_PATH || 'data/kiosque.db');
  (globalThis as unknown as { kiosqueDb?: Db }).kiosqueDb = db;
  migrateDatabase(db);
  switch (command) {
    case 'add': {
      if (!values.email || !values.name || !values.role) fail('usage: npm run user -- add --email E --name "N" --role ROLE (password on standard input)');
      if (!(userRoles as readonly string[]).includes(values.role)) fail(`role must be one of: ${userRoles.join(', ')}`);
      const password = await readPassword('Password (12 characters or more): ');
      const user = await createUser({ email: values.email, name: values.name, role: values.role as never, password, locale: (values.locale ?? 'fr') as never }, CLI);
      console.log(`created ${user.role} ${user.email} (id ${user.id})`);
      break;
    }
    case 'passwd': {
      if (!values.email) fail('usage: npm run user -- passwd --email E (password on standard input)');
      const user = findUserByEmail(values.email) ?? fail(`no account ${values.email}`);
      await setPassword(user.id, await readPassword('New password (12 characters or more): '), CLI);
      console.log(`password of ${user.email} changed; its sessions are ended`);
      break;
    }
    case 'disable':
    case 'enable': {
      if (!values.email) fail(`usage: npm run user -- ${command} --email E`);
      const user = findUserByEmail(values.email) ?? fail(`no account ${values.email}`);
      setDisabled(user.id, command === 'disable', CLI);
      console.log(`${user.email} ${command}d`);
      break;
    }
    case 'list':
      for (const u of listUsers()) console.log(`${u.id}\t${u.role}\t${u.email}\t${u.name}${u.disabledAt ? '\t(disabled)' : ''}`);
      break;
    default:
      fail('usage: npm run user -- add|passwd|disable|enable|list [--email E] [--name N] [--role R]');
  }
  db.$client.close();
}

main().catch((error) => {
  if (error instanceof EmailTakenError) fail(`an account with that email exists already: ${error.message}`);
  if (error instanceof ZodError) fail(`invalid input: ${error.issues.map((i) => `${i.path.join('.') || 'password'}: ${messages[i.message] ?? i.message}`).join('; ')}`);
  console.error(error);
  process.exit(1);
});
