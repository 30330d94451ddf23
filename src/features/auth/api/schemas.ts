import * as z from 'zod/mini';

export const email = z.email({ error: 'Enter a valid email address' });
export const newPassword = z
  .string()
  .check(z.minLength(8, { error: 'Use at least 8 characters' }), z.maxLength(72, { error: 'Use at most 72 characters' }));

/** Where to go after signing in: only same-site paths, never another origin. */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}

export function callbackUrl(next: string): string {
  return `${window.location.origin}/auth/callback?next=${encodeURIComponent(next)}`;
}
