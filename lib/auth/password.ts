/**
 * Passwords: argon2id (@node-rs/argon2) with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane), which
 * costs ~30 ms here — slow for a guesser, invisible to a person logging in. No default password exists anywhere:
 * every password is chosen by a person (CLI on standard input, or the account page).
 */
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable under isolatedModules) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 12;
/** Bounded so that hashing an enormous body cannot be used to burn CPU. */
export const PASSWORD_MAX = 256;

export const passwordSchema = z.string().min(PASSWORD_MIN, 'password_too_short').max(PASSWORD_MAX, 'password_too_long');

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password or a malformed stored hash; never throws on user input. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX) return false;
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified when the email is unknown: the answer then takes as long as for a known
 * account, so timing does not tell which emails have accounts.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(crypto.randomUUID());
  return decoy;
}
