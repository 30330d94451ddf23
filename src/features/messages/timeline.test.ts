import { describe, expect, it } from 'vitest';
import { buildTimeline, continuesGroup, dayLabel, listRows } from './timeline';

const now = new Date(2026, 10, 23, 15, 0);
const at = (d: number, h: number, m: number) => new Date(2026, 10, d, h, m).toISOString();
const msg = (id: string, author: string, created_at: string, deleted_at: string | null = null) => ({ id, author_id: author, created_at, deleted_at });

describe('dayLabel', () => {
  it('names today and yesterday, then dates', () => {
    expect(dayLabel(new Date(2026, 10, 23, 1), now)).toBe('Today');
    expect(dayLabel(new Date(2026, 10, 22, 23), now)).toBe('Yesterday');
    expect(dayLabel(new Date(2026, 10, 16, 9), now)).toBe('Monday, November 16');
    expect(dayLabel(new Date(2025, 0, 2, 9), now)).toBe('January 2, 2025');
  });
  it('handles the first of the month', () => {
    expect(dayLabel(new Date(2026, 10, 30), new Date(2026, 11, 1, 8))).toBe('Yesterday');
  });
});

describe('author grouping', () => {
  it('groups the same author within five minutes', () => {
    expect(continuesGroup(msg('a', 'u1', at(23, 10, 0)), msg('b', 'u1', at(23, 10, 4)))).toBe(true);
  });
  it('starts a new group after five minutes, for another author, or after a deleted message', () => {
    expect(continuesGroup(msg('a', 'u1', at(23, 10, 0)), msg('b', 'u1', at(23, 10, 5)))).toBe(false);
    expect(continuesGroup(msg('a', 'u1', at(23, 10, 0)), msg('b', 'u2', at(23, 10, 1)))).toBe(false);
    expect(continuesGroup(msg('a', 'u1', at(23, 10, 0), at(23, 10, 2)), msg('b', 'u1', at(23, 10, 1)))).toBe(false);
    expect(continuesGroup(undefined, msg('b', 'u1', at(23, 10, 1)))).toBe(false);
  });
  it('never groups across midnight', () => {
    expect(continuesGroup(msg('a', 'u1', at(22, 23, 58)), msg('b', 'u1', at(23, 0, 1)))).toBe(false);
  });
});

describe('buildTimeline', () => {
  it('puts a day separator before each day and marks group headers', () => {
    const rows = buildTimeline(
      [msg('1', 'u1', at(22, 9, 0)), msg('2', 'u1', at(22, 9, 2)), msg('3', 'u2', at(22, 9, 3)), msg('4', 'u2', at(23, 8, 0)), msg('5', 'u2', at(23, 8, 1))],
      now,
    );
    expect(rows.map((r) => (r.kind === 'day' ? r.label : `${r.message.id}${r.showHeader ? '*' : ''}`))).toEqual(['Yesterday', '1*', '2', '3*', 'Today', '4*', '5']);
  });
  it('gives stable keys', () => {
    const rows = buildTimeline([msg('x', 'u1', at(23, 9, 0))], now);
    expect(rows.map((r) => r.key)).toEqual(['day:2026-11-23', 'x']);
  });
  it('is empty for no messages', () => {
    expect(buildTimeline([], now)).toEqual([]);
  });
});

describe('listRows', () => {
  it('folds each day separator into the first message of its day', () => {
    const rows = listRows([msg('1', 'u1', at(22, 9, 0)), msg('2', 'u1', at(22, 9, 2)), msg('3', 'u2', at(23, 8, 0))], now);
    expect(rows.map((r) => [r.key, r.day, r.showHeader])).toEqual([
      ['1', 'Yesterday', true],
      ['2', null, false],
      ['3', 'Today', true],
    ]);
  });
});
