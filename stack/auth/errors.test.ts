import { describe, expect, it } from 'vitest';
import { AuthError, errorBody, wantsVersionedErrors } from './errors.ts';
import { paginationLink } from './routes/admin-users.ts';
import { matchRoute } from './router.ts';

describe('error shapes', () => {
  const err = new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
  it('picks the shape from X-Supabase-Api-Version', () => {
    expect(wantsVersionedErrors('2024-01-01')).toBe(true);
    expect(wantsVersionedErrors('2025-06-01')).toBe(true);
    expect(wantsVersionedErrors('2023-12-31')).toBe(false);
    expect(wantsVersionedErrors(undefined)).toBe(false);
    expect(wantsVersionedErrors('garbage')).toBe(false);
  });
  it('builds both bodies', () => {
    expect(errorBody(err, true)).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
    expect(errorBody(err, false)).toEqual({ code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' });
    expect(errorBody(new AuthError(500, 'unexpected_failure', 'x'), false, 'req-1')).toMatchObject({ error_id: 'req-1' });
  });
});

describe('paginationLink', () => {
  it('puts page first and omits next on the last page', () => {
    expect(paginationLink(new URLSearchParams('per_page=2'), 1, 2, 5)).toBe('</admin/users?page=2&per_page=2>; rel="next", </admin/users?page=3&per_page=2>; rel="last"');
    expect(paginationLink(new URLSearchParams(''), 3, 2, 5)).toBe('</admin/users?page=3&per_page=2>; rel="last"');
  });
});

describe('matchRoute', () => {
  it('matches parameters and tells a wrong method from an unknown path', () => {
    expect(matchRoute('POST', '/factors/abc/verify')).toMatchObject({ params: { id: 'abc' } });
    expect(matchRoute('DELETE', '/admin/users/u1/factors/f1')).toMatchObject({ params: { id: 'u1', factorId: 'f1' } });
    expect(matchRoute('DELETE', '/signup')).toEqual({ methodNotAllowed: true });
    expect(matchRoute('GET', '/nope')).toBeNull();
  });
});
