import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_PARAMS, containsFilter, hasFilters, readListParams, withListChange, writeListParams } from './list-params';

const OWNER = '10000000-0000-4000-9000-000000000003';

describe('client list URL state', () => {
  it('reads defaults from an empty query and ignores nonsense', () => {
    expect(readListParams(new URLSearchParams())).toEqual(DEFAULT_LIST_PARAMS);
    expect(readListParams(new URLSearchParams('status=prospect&owner=bob&page=-3&sort=size&stale=yes'))).toEqual(DEFAULT_LIST_PARAMS);
  });

  it('round-trips every filter, leaving defaults out of the URL', () => {
    const params = { q: 'acme', status: 'lead' as const, owner: OWNER, stale: true, sort: 'name' as const, page: 3 };
    const search = writeListParams(params);
    expect(search.toString()).toBe(`q=acme&status=lead&owner=${OWNER}&stale=1&sort=name&page=3`);
    expect(readListParams(search)).toEqual(params);
    expect(writeListParams(DEFAULT_LIST_PARAMS).toString()).toBe('');
    expect(readListParams(new URLSearchParams('owner=none&status=all')).owner).toBe('none');
  });

  it('starts from page 1 whenever a filter changes, but not when the page does', () => {
    const onPage4 = { ...DEFAULT_LIST_PARAMS, page: 4 };
    expect(withListChange(onPage4, { q: 'x' }).page).toBe(1);
    expect(withListChange(onPage4, { page: 5 }).page).toBe(5);
  });

  it('knows when filters are on', () => {
    expect(hasFilters(DEFAULT_LIST_PARAMS)).toBe(false);
    expect(hasFilters({ ...DEFAULT_LIST_PARAMS, sort: 'name', page: 2 })).toBe(false);
    expect(hasFilters({ ...DEFAULT_LIST_PARAMS, stale: true })).toBe(true);
  });
});

describe('containsFilter', () => {
  it('matches the text anywhere in each column', () => {
    expect(containsFilter(['name', 'email'], ' acme ')).toBe('name.ilike."*acme*",email.ilike."*acme*"');
  });

  it('keeps typed text literal: wildcards escaped, quotes and commas cannot break out', () => {
    expect(containsFilter(['name'], '100%_off')).toBe('name.ilike."*100\\\\%\\\\_off*"');
    expect(containsFilter(['name'], 'a"),id.eq.(1')).toBe('name.ilike."*a\\"),id.eq.(1*"');
    expect(containsFilter(['name'], 'x*y')).toBe('name.ilike."*x y*"');
  });
});
