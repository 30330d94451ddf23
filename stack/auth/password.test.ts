import { describe, expect, it } from 'vitest';
import { AuthError } from './errors.ts';
import { assertStrongPassword, comparePassword, hashPassword, passwordWeakness } from './password.ts';

describe('passwordWeakness', () => {
  it('reports length and character reasons with GoTrue messages', () => {
    expect(passwordWeakness({ minPasswordLength: 6, passwordRequirements: '' }, 'abc')).toEqual({ message: 'Password should be at least 6 characters.', reasons: ['length'] });
    const weak = passwordWeakness({ minPasswordLength: 6, passwordRequirements: 'lower_upper_letters_digits' }, 'abc');
    expect(weak!.reasons).toEqual(['length', 'characters']);
    expect(weak!.message).toContain('Password should contain at least one character of each: abcdefghijklmnopqrstuvwxyz, ABCDEFGHIJKLMNOPQRSTUVWXYZ, 0123456789.');
    expect(passwordWeakness({ minPasswordLength: 6, passwordRequirements: 'letters_digits' }, 'abcdef1')).toBeNull();
  });
  it('refuses passwords bcrypt would truncate', () => {
    expect(() => passwordWeakness({ minPasswordLength: 6, passwordRequirements: '' }, 'x'.repeat(73))).toThrow(AuthError);
  });
  it('throws weak_password with reasons', () => {
    try {
      assertStrongPassword({ minPasswordLength: 8, passwordRequirements: '' }, 'short');
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ status: 422, errorCode: 'weak_password', extra: { weak_password: { reasons: ['length'] } } });
    }
  });
});

describe('bcrypt', () => {
  it('hashes and compares', async () => {
    const hash = await hashPassword('s3cret-pass');
    expect(hash).toMatch(/^\$2[aby]\$10\$/);
    expect(await comparePassword('s3cret-pass', hash)).toBe(true);
    expect(await comparePassword('other', hash)).toBe(false);
    expect(await comparePassword('x', '')).toBe(false);
  });
});
