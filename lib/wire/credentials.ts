/**
 * Feed credentials at rest: AES-256-GCM with a key derived (scrypt) from `WIRE_SECRET` (≥ 16 characters). Without
 * that variable, credentials cannot be stored (an administrator sees why); the plaintext is never logged nor
 * sent back to a page — pages only learn whether a feed has credentials.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { z } from 'zod';

export const feedCredentials = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('basic'), username: z.string().min(1).max(200), password: z.string().min(1).max(500) }),
  z.object({ kind: z.literal('bearer'), token: z.string().min(1).max(2000) }),
  z.object({ kind: z.literal('header'), name: z.string().regex(/^[A-Za-z0-9-]{1,64}$/), value: z.string().min(1).max(2000) }),
]);
export type FeedCredentials = z.infer<typeof feedCredentials>;

export class MissingSecretError extends Error {
  constructor() {
    super('WIRE_SECRET (at least 16 characters) must be set to store feed credentials');
    this.name = 'MissingSecretError';
  }
}

const keys = new Map<string, Buffer>();
function key(secret = process.env.WIRE_SECRET): Buffer {
  if (!secret || secret.trim().length < 16) throw new MissingSecretError();
  let k = keys.get(secret);
  if (!k) {
    k = scryptSync(secret, 'kiosque-wire-credentials-v1', 32);
    keys.set(secret, k);
  }
  return k;
}

export function encryptCredentials(credentials: FeedCredentials, secret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(feedCredentials.parse(credentials)), 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function decryptCredentials(stored: string, secret?: string): FeedCredentials {
  const [v, iv, tag, data] = stored.split('.');
  if (v !== 'v1' || !iv || !tag || !data) throw new Error('unreadable credentials');
  const decipher = createDecipheriv('aes-256-gcm', key(secret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  return feedCredentials.parse(JSON.parse(plain));
}

/** The request headers that carry the credentials. */
export function credentialHeaders(c: FeedCredentials): Record<string, string> {
  if (c.kind === 'basic') return { authorization: `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}` };
  if (c.kind === 'bearer') return { authorization: `Bearer ${c.token}` };
  return { [c.name]: c.value };
}
