import { describe, expect, it } from 'vitest';
import { attachmentPath, filesProblem, formatBytes, MAX_FILE_BYTES, sanitizeFileName } from './files';

// The storage key alphabet (storage-api's limits.ts, as stack/storage/rules.ts applies it).
const STORAGE_KEY = /^[\w/!.*'() &$@=;:+,?-]+$/;

describe('formatBytes', () => {
  it('reads like people write sizes', () => {
    expect(formatBytes(800)).toBe('800 B');
    expect(formatBytes(12 * 1024)).toBe('12 KB');
    expect(formatBytes(12 * 1024 * 1024)).toBe('12.0 MB');
    expect(formatBytes(MAX_FILE_BYTES)).toBe('10.0 MB');
  });
});

describe('sanitizeFileName', () => {
  it('keeps ordinary names and makes others safe for storage keys', () => {
    expect(sanitizeFileName('Brief v2 (final).pdf')).toBe('Brief v2 (final).pdf');
    expect(sanitizeFileName('Café Über.png')).toBe('Cafe Uber.png');
    expect(sanitizeFileName('a/b\\c.txt')).toBe('a_b_c.txt');
    expect(sanitizeFileName('what?#%.txt')).toBe('what_.txt');
    expect(sanitizeFileName('..')).toBe('file');
    expect(sanitizeFileName('   ')).toBe('file');
    expect(sanitizeFileName('日本語.txt')).toBe('txt');
  });

  it('stays within 200 characters and keeps the extension', () => {
    const long = sanitizeFileName(`${'x'.repeat(300)}.docx`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('always yields a valid key segment', () => {
    for (const name of ['résumé.pdf', 'a\u0001b', 'tab\there.txt', '../../etc/passwd', '—dash—.md', 'emoji 😀.png']) {
      const clean = sanitizeFileName(name);
      expect(clean).toMatch(STORAGE_KEY);
      expect(clean).not.toMatch(/[/\\]/);
      expect(clean.length).toBeGreaterThan(0);
    }
  });
});

describe('attachmentPath', () => {
  it('is organization/project/attachment/name', () => {
    expect(attachmentPath('o', 'p', 'a', 'f.txt')).toBe('o/p/a/f.txt');
  });
});

describe('filesProblem', () => {
  const file = (name: string, size = 1000) => ({ name, size });

  it('refuses files over 10 MB by name and size', () => {
    expect(filesProblem([file('ok.txt'), file('big.mov', 12 * 1024 * 1024)], 0, 'project')).toBe('big.mov is 12.0 MB; files can be at most 10 MB.');
    expect(filesProblem([file('edge.bin', MAX_FILE_BYTES)], 0, 'project')).toBeNull();
  });

  it('refuses more than 5 files per item', () => {
    expect(filesProblem([file('a')], 5, 'project')).toBe('A project can hold at most 5 files here, and it has 5. Remove one before adding another.');
    expect(filesProblem([file('a'), file('b'), file('c')], 3, 'project')).toBe(
      'A project can hold at most 5 files here: it has 3, so you can add 2 more (you chose 3).',
    );
    expect(filesProblem(Array.from({ length: 6 }, (_, i) => file(`f${i}`)), 0, 'update')).toMatch(/^An update can hold at most 5 files/);
    expect(filesProblem([file('a'), file('b')], 3, 'update')).toBeNull();
  });
});
