import { describe, expect, it, vi } from 'vitest';
import { SignJWT } from 'jose';
import { buildContext, resolveBearer } from './context.ts';
import { ANON_KEY, JWT_SECRET, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from '../keys.ts';

const secret = new TextEncoder().encode(JWT_SECRET);
const base = { method: 'GET', path: '/todos', rawQuery: '', ip: '127.0.0.1', secret };

describe('resolveBearer (local Kong rule)', () => {
  it('keeps a user token over any apikey', () => {
    expect(resolveBearer('Bearer user.jwt.token', SECRET_KEY)).toBe('user.jwt.token');
  });
  it('swaps sb_ keys for the legacy JWTs', () => {
    expect(resolveBearer(`Bearer ${PUBLISHABLE_KEY}`, PUBLISHABLE_KEY)).toBe(ANON_KEY);
    expect(resolveBearer(null, SECRET_KEY)).toBe(SERVICE_ROLE_KEY);
  });
  it('copies a legacy JWT sent only as apikey', () => {
    expect(resolveBearer(null, ANON_KEY)).toBe(ANON_KEY);
  });
  it('returns null with neither header', () => {
    expect(resolveBearer(null, null)).toBeNull();
  });
});

describe('buildContext', () => {
  it('runs as anon without a token', async () => {
    const ctx = await buildContext({ ...base, headers: {} });
    expect(ctx.role).toBe('anon');
    expect(ctx.jwtProblem).toBeNull();
  });
  it('takes the role from a valid service key', async () => {
    const ctx = await buildContext({ ...base, headers: { apikey: SECRET_KEY } });
    expect(ctx.role).toBe('service_role');
  });
  it('flags an expired token instead of falling back to anon', async () => {
    const token = await new SignJWT({ role: 'authenticated', sub: 'u1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(secret);
    const ctx = await buildContext({ ...base, headers: { authorization: `Bearer ${token}` } });
    expect(ctx.jwtProblem).toEqual({ kind: 'claims', message: 'JWT expired' });
  });
  it('keeps accepting a cached token only until it expires', async () => {
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = await new SignJWT({ role: 'authenticated', sub: 'u2' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(exp).sign(secret);
    const first = await buildContext({ ...base, headers: { authorization: `Bearer ${token}` } });
    const again = await buildContext({ ...base, headers: { authorization: `Bearer ${token}` } });
    expect(first.role).toBe('authenticated');
    expect(again.claims).toEqual(first.claims);
    vi.useFakeTimers({ now: exp * 1000 + 1, toFake: ['Date'] });
    try {
      const expired = await buildContext({ ...base, headers: { authorization: `Bearer ${token}` } });
      expect(expired.jwtProblem).toEqual({ kind: 'claims', message: 'JWT expired' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('flags a token signed with another secret', async () => {
    const token = await new SignJWT({ role: 'service_role' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
    const ctx = await buildContext({ ...base, headers: { authorization: `Bearer ${token}` } });
    expect(ctx.jwtProblem?.kind).toBe('invalid');
    expect(ctx.role).toBe('anon');
  });
});
