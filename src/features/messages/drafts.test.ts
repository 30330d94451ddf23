import { beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, readDraft, writeDraft } from './drafts';

describe('drafts per channel', () => {
  beforeEach(() => localStorage.clear());

  it('keeps one draft per channel', () => {
    writeDraft('c1', 'hello');
    writeDraft('c2', 'other');
    expect(readDraft('c1')).toBe('hello');
    expect(readDraft('c2')).toBe('other');
    expect(readDraft('c3')).toBe('');
  });
  it('removes a blank draft and clears on send', () => {
    writeDraft('c1', 'hello');
    writeDraft('c1', '   ');
    expect(localStorage.length).toBe(0);
    writeDraft('c1', 'again');
    clearDraft('c1');
    expect(readDraft('c1')).toBe('');
  });
  it('drops drafts older than thirty days and unreadable ones', () => {
    writeDraft('c1', 'old', localStorage, 0);
    expect(readDraft('c1', localStorage, 31 * 24 * 3600 * 1000)).toBe('');
    localStorage.setItem('atrium.draft.c2', '{not json');
    expect(readDraft('c2')).toBe('');
  });
  it('survives a storage that throws', () => {
    const broken = { getItem: () => { throw new Error('no'); }, setItem: () => { throw new Error('no'); }, removeItem: () => { throw new Error('no'); } } as unknown as Storage;
    expect(() => writeDraft('c1', 'x', broken)).not.toThrow();
    expect(readDraft('c1', broken)).toBe('');
  });
});
