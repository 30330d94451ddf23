import { describe, expect, it } from 'vitest';
import { StorageError } from './errors.ts';
import { decodeCursor, encodeCursor, likePrefix } from './list-v2.ts';

describe('list-v2 helpers', () => {
  it('escapes LIKE wildcards in prefixes', () => {
    expect(likePrefix('')).toBe('%');
    expect(likePrefix('a_b%c\\d/')).toBe('a\\_b\\%c\\\\d/%');
  });

  it('round-trips cursors and rejects garbage', () => {
    const cursor = { t: '2026-01-01T00:00:00.000Z', n: 'a/b.txt' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor('')).toBeNull();
    expect(() => decodeCursor('not-a-cursor')).toThrow(StorageError);
    expect(() => decodeCursor(Buffer.from('{"n":1}').toString('base64'))).toThrow(StorageError);
  });
});
