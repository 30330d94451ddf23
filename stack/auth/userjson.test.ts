import { describe, expect, it } from 'vitest';
import { obfuscatedUser, rfc3339, userJson } from './userjson.ts';

describe('rfc3339', () => {
  it('turns Postgres text timestamps into RFC 3339', () => {
    expect(rfc3339('2026-01-02 03:04:05.123456+00')).toBe('2026-01-02T03:04:05.123456Z');
    expect(rfc3339('2026-01-02 03:04:05+02')).toBe('2026-01-02T03:04:05+02:00');
    expect(rfc3339('2026-01-02 03:04:05+05:30')).toBe('2026-01-02T03:04:05+05:30');
    expect(rfc3339(null)).toBeUndefined();
  });
});

describe('userJson', () => {
  const row = {
    id: 'u1', aud: 'authenticated', role: 'authenticated', email: 'a@b.c', phone: null,
    email_confirmed_at: '2026-01-01 00:00:00+00', confirmed_at: '2026-01-01 00:00:00+00', confirmation_sent_at: null,
    email_change: '', raw_app_meta_data: { provider: 'email', providers: ['email'] }, raw_user_meta_data: null,
    created_at: '2026-01-01 00:00:00+00', updated_at: '2026-01-01 00:00:01+00', is_anonymous: false, encrypted_password: 'secret',
  };
  it('omits empty optional fields and never the password', () => {
    const json = userJson(row, [], []);
    expect(json).toEqual({
      id: 'u1', aud: 'authenticated', role: 'authenticated', email: 'a@b.c', email_confirmed_at: '2026-01-01T00:00:00Z', phone: '',
      confirmed_at: '2026-01-01T00:00:00Z', app_metadata: { provider: 'email', providers: ['email'] }, user_metadata: {}, identities: [],
      created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:01Z', is_anonymous: false,
    });
    expect(JSON.stringify(json)).not.toContain('secret');
  });
  it('lists factors only when there are some', () => {
    const factor = { id: 'f1', friendly_name: '', factor_type: 'totp', status: 'verified', created_at: '2026-01-01 00:00:00+00', updated_at: '2026-01-01 00:00:00+00' };
    expect(userJson(row, [], [factor]).factors).toEqual([{ id: 'f1', factor_type: 'totp', status: 'verified', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' }]);
  });
  it('builds the anti-enumeration fake user', () => {
    expect(obfuscatedUser('a@b.c', {}, 'now', 'id')).toMatchObject({ id: 'id', role: '', identities: [], email: 'a@b.c' });
  });
});
