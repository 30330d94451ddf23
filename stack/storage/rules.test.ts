import { describe, expect, it } from 'vitest';
import { StorageError } from './errors.ts';
import {
  contentDisposition, effectiveSizeLimit, isMimeAllowed, isValidBucketName, isValidKey, jwtProblemMessage,
  parseBucketSizeLimit, parseConfigSize, parseRange, servedContentType, splitBucketKey,
} from './rules.ts';

describe('isValidKey', () => {
  it.each(['a.txt', 'folder/sub/file name (1).png', "it's & $@=;:+,?!*.txt", 'ü'.normalize('NFD').replace(/[^\w]/g, '') + 'x'])('accepts %s', (key) => {
    expect(isValidKey(key)).toBe(true);
  });
  it.each(['', '/abs', 'a/../b', '..', 'a/./b', 'a//b', 'trailing/', 'ctl\u0001', 'back\\slash', 'tab\t', 'ünïcode', 'a#b', 'a%b'])('rejects %j', (key) => {
    expect(isValidKey(key)).toBe(false);
  });
});

describe('isValidBucketName', () => {
  it('follows the S3-safe alphabet and length', () => {
    expect(isValidBucketName('avatars')).toBe(true);
    expect(isValidBucketName('a'.repeat(100))).toBe(true);
    expect(isValidBucketName('a'.repeat(101))).toBe(false);
    expect(isValidBucketName('has/slash')).toBe(false);
    expect(isValidBucketName(' padded ')).toBe(false);
    expect(isValidBucketName('..')).toBe(false);
    expect(isValidBucketName(42)).toBe(false);
  });
});

describe('sizes', () => {
  it('parses bucket limits with decimal units', () => {
    expect(parseBucketSizeLimit(1024)).toBe(1024);
    expect(parseBucketSizeLimit('20MB')).toBe(20_000_000);
    expect(parseBucketSizeLimit('1.5kb')).toBe(1500);
    expect(parseBucketSizeLimit('3B')).toBe(3);
    expect(parseBucketSizeLimit(null)).toBeNull();
    expect(() => parseBucketSizeLimit('lots')).toThrow(StorageError);
    expect(() => parseBucketSizeLimit(-1)).toThrow(StorageError);
  });
  it('parses config.toml sizes with binary units', () => {
    expect(parseConfigSize('50MiB')).toBe(50 * 1024 * 1024);
    expect(parseConfigSize('5MB')).toBe(5 * 1024 * 1024);
    expect(parseConfigSize('500KB')).toBe(500 * 1024);
    expect(parseConfigSize(undefined)).toBe(50 * 1024 * 1024);
  });
  it('takes the smaller of bucket and global limits', () => {
    expect(effectiveSizeLimit('1000', 5000)).toBe(1000);
    expect(effectiveSizeLimit('9000', 5000)).toBe(5000);
    expect(effectiveSizeLimit(null, 5000)).toBe(5000);
  });
});

describe('isMimeAllowed', () => {
  it('matches exact types, wildcards, and ignores parameters', () => {
    expect(isMimeAllowed('image/png', ['image/*'])).toBe(true);
    expect(isMimeAllowed('text/plain;charset=UTF-8', ['text/plain'])).toBe(true);
    expect(isMimeAllowed('text/plain', ['image/*', 'application/pdf'])).toBe(false);
    expect(isMimeAllowed('anything/at-all', null)).toBe(true);
    expect(isMimeAllowed('anything/at-all', [])).toBe(true);
  });
});

describe('parseRange', () => {
  it('reads single byte ranges', () => {
    expect(parseRange('bytes=0-4', 10)).toEqual({ start: 0, end: 4 });
    expect(parseRange('bytes=5-', 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseRange('bytes=8-100', 10)).toEqual({ start: 8, end: 9 });
    expect(parseRange(undefined, 10)).toBeNull();
    expect(parseRange('bytes=0-1,4-5', 10)).toBeNull();
  });
  it('throws InvalidRange when unsatisfiable', () => {
    expect(() => parseRange('bytes=10-', 10)).toThrow(StorageError);
    expect(() => parseRange('bytes=5-2', 10)).toThrow(StorageError);
  });
});

describe('helpers', () => {
  it('builds Content-Disposition', () => {
    expect(contentDisposition(null)).toBeUndefined();
    expect(contentDisposition('')).toBe('attachment;');
    expect(contentDisposition('a b.pdf')).toBe(`attachment; filename=a%20b.pdf; filename*=UTF-8''a%20b.pdf;`);
  });
  it('never serves text/html as html', () => {
    expect(servedContentType('text/html; charset=utf-8')).toBe('text/plain');
    expect(servedContentType('image/png')).toBe('image/png');
  });
  it('splits and decodes bucket and key', () => {
    expect(splitBucketKey('avatars/u%201/p.png')).toEqual({ bucket: 'avatars', key: 'u 1/p.png' });
    expect(splitBucketKey('avatars')).toEqual({ bucket: 'avatars', key: '' });
    expect(splitBucketKey('b/..%2Fx')).toEqual({ bucket: 'b', key: '../x' });
  });
  it('words JWT problems like jsonwebtoken', () => {
    expect(jwtProblemMessage({ kind: 'claims', message: 'JWT expired' })).toBe('jwt expired');
    expect(jwtProblemMessage({ kind: 'invalid', message: 'JWSError JWSInvalidSignature' })).toBe('invalid signature');
    expect(jwtProblemMessage({ kind: 'invalid', message: 'JWSError (CompactDecodeError ...)' })).toBe('jwt malformed');
  });
});
