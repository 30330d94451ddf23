import { describe, expect, it } from 'vitest';
import { globToRegExp, isRedirectAllowed, resolveRedirect } from './redirect.ts';

const policy = { siteUrl: 'https://app.example.com', allowList: ['http://127.0.0.1:5173/**', 'https://*.example.org/callback', 'myapp://auth'] };

describe('globToRegExp', () => {
  it('treats * as one label or segment and ** as anything', () => {
    expect(globToRegExp('https://*.example.org/x').test('https://a.example.org/x')).toBe(true);
    expect(globToRegExp('https://*.example.org/x').test('https://a.b.example.org/x')).toBe(false);
    expect(globToRegExp('http://h/**').test('http://h/a/b?c=d')).toBe(true);
    expect(globToRegExp('http://h/{a,b}').test('http://h/b')).toBe(true);
    expect(globToRegExp('http://h/?').test('http://h/x')).toBe(true);
  });
});

describe('isRedirectAllowed', () => {
  it('accepts the site host, loopback hosts and allow-list matches', () => {
    expect(isRedirectAllowed(policy, 'https://app.example.com/anything')).toBe(true);
    expect(isRedirectAllowed(policy, 'http://127.0.0.1:5173/auth/callback#x')).toBe(true);
    expect(isRedirectAllowed(policy, 'http://localhost:9999/')).toBe(true);
    expect(isRedirectAllowed(policy, 'https://team.example.org/callback')).toBe(true);
    expect(isRedirectAllowed(policy, 'myapp://auth')).toBe(true);
  });
  it('refuses everything else', () => {
    expect(isRedirectAllowed(policy, 'https://evil.example.com/')).toBe(false);
    expect(isRedirectAllowed(policy, 'https://app.example.com.evil.io/')).toBe(false);
    expect(isRedirectAllowed(policy, 'https://team.example.org/other')).toBe(false);
    expect(isRedirectAllowed(policy, 'not a url')).toBe(false);
    expect(isRedirectAllowed(policy, '')).toBe(false);
  });
});

describe('resolveRedirect', () => {
  it('falls back to the Referer, then site_url', () => {
    expect(resolveRedirect(policy, 'https://evil.example.com', 'https://app.example.com/page')).toBe('https://app.example.com/page');
    expect(resolveRedirect(policy, 'https://evil.example.com', 'https://evil.example.com')).toBe('https://app.example.com');
    expect(resolveRedirect(policy, null, null)).toBe('https://app.example.com');
  });
});
