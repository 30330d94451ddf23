import { describe, expect, it } from 'vitest';
import { safeNext } from './schemas';
import { newPasswordSchema } from './password';
import { codeSchema } from './mfa';

describe('safeNext', () => {
  it('keeps same-site paths and refuses other origins', () => {
    expect(safeNext('/settings/profile')).toBe('/settings/profile');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null, '/onboarding')).toBe('/onboarding');
  });
});

describe('form schemas', () => {
  it('requires matching new passwords of 8+ characters', () => {
    expect(newPasswordSchema.safeParse({ password: 'short', confirm: 'short' }).success).toBe(false);
    const mismatch = newPasswordSchema.safeParse({ password: 'long enough', confirm: 'different!' });
    expect(mismatch.success).toBe(false);
    expect(mismatch.error?.issues[0]?.path).toEqual(['confirm']);
    expect(newPasswordSchema.safeParse({ password: 'long enough', confirm: 'long enough' }).success).toBe(true);
  });

  it('accepts six digits as an MFA code, trimmed', () => {
    expect(codeSchema.safeParse({ code: ' 123456 ' }).data).toEqual({ code: '123456' });
    expect(codeSchema.safeParse({ code: '12345a' }).success).toBe(false);
  });
});
