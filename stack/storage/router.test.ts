import { describe, expect, it } from 'vitest';
import { matchRoute } from './router.ts';

const name = (method: string, path: string) => {
  const m = matchRoute(method, path);
  return m ? { handler: m.route.handler.name || m.route.prefix, prefix: m.route.prefix, shape: m.route.shape, params: m.params, open: !!m.route.allowInvalidJwt } : null;
};

describe('matchRoute', () => {
  it('routes bucket calls', () => {
    expect(name('GET', '/bucket')).toMatchObject({ prefix: '/bucket', shape: 'none' });
    expect(name('GET', '/bucket/avatars')).toMatchObject({ prefix: '/bucket/', params: { bucket: 'avatars', key: '' } });
    expect(name('POST', '/bucket/avatars/empty')).toMatchObject({ prefix: '/bucket/', params: { bucket: 'avatars' } });
    expect(name('DELETE', '/bucket/avatars')).toMatchObject({ prefix: '/bucket/' });
    expect(name('PATCH', '/bucket/avatars')).toBeNull();
  });

  it('prefers the specific object routes over /object/<bucket>/<key>', () => {
    expect(name('POST', '/object/list/avatars')).toMatchObject({ prefix: '/object/list/' });
    expect(name('POST', '/object/move')).toMatchObject({ prefix: '/object/move' });
    expect(name('POST', '/object/sign/avatars/a/b.png')).toMatchObject({ prefix: '/object/sign/', shape: 'key', params: { bucket: 'avatars', key: 'a/b.png' } });
    expect(name('POST', '/object/sign/avatars')).toMatchObject({ prefix: '/object/sign/', shape: 'bucket' });
    expect(name('GET', '/object/sign/avatars/a.png')).toMatchObject({ prefix: '/object/sign/', open: true });
    expect(name('POST', '/object/upload/sign/avatars/a.png')).toMatchObject({ prefix: '/object/upload/sign/', open: false });
    expect(name('PUT', '/object/upload/sign/avatars/a.png')).toMatchObject({ prefix: '/object/upload/sign/', open: true });
    expect(name('GET', '/object/info/public/avatars/a.png')).toMatchObject({ prefix: '/object/info/public/' });
    expect(name('GET', '/object/public/avatars/a%20b.png')).toMatchObject({ prefix: '/object/public/', params: { key: 'a b.png' } });
    expect(name('GET', '/object/authenticated/avatars/a.png')).toMatchObject({ prefix: '/object/authenticated/', open: false });
  });

  it('routes plain object calls and rejects incomplete paths', () => {
    expect(name('POST', '/object/avatars/a.png')).toMatchObject({ prefix: '/object/', shape: 'key' });
    expect(name('HEAD', '/object/avatars/a.png')).toMatchObject({ prefix: '/object/', open: true });
    expect(name('DELETE', '/object/avatars')).toMatchObject({ prefix: '/object/', shape: 'bucket' });
    expect(name('GET', '/object/avatars')).toBeNull();
    expect(name('GET', '/nothing')).toBeNull();
  });
});
