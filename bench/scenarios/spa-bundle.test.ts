import { describe, expect, it } from 'vitest';
import { routeClosure, routeName } from './spa-bundle.ts';

describe('routeClosure', () => {
  it('follows static imports once and ignores dynamic ones', () => {
    const manifest = {
      'index.html': { file: 'a.js', isEntry: true, imports: ['_shared.js'] },
      '_shared.js': { file: 's.js' },
      'src/features/auth/routes/sign-in.tsx': { file: 'b.js', isDynamicEntry: true, imports: ['_shared.js', '_ui.js'] },
      '_ui.js': { file: 'u.js', imports: ['_shared.js'] },
      'src/app/routes/home.tsx': { file: 'h.js', isDynamicEntry: true },
    };
    expect([...routeClosure(manifest, ['index.html', 'src/features/auth/routes/sign-in.tsx'])].sort()).toEqual(['a.js', 'b.js', 's.js', 'u.js']);
  });

  it('names routes after their module', () => {
    expect(routeName('src/features/auth/routes/sign-in.tsx')).toBe('sign-in');
    expect(routeName('src/app/routes/home.tsx')).toBe('home');
  });
});
