import { describe, expect, it } from 'vitest';
import { formatElapsed, formatEntryMinutes, formatHours, formatMinutes, parseDuration, splitMinutes } from './duration';

describe('parseDuration', () => {
  it('adds hours and minutes, with empty fields as zero', () => {
    expect(parseDuration('1', '30')).toEqual({ ok: true, minutes: 90 });
    expect(parseDuration('', '45')).toEqual({ ok: true, minutes: 45 });
    expect(parseDuration('2', '')).toEqual({ ok: true, minutes: 120 });
  });

  it('accepts decimal hours with a point or a comma', () => {
    expect(parseDuration('1.5', '')).toEqual({ ok: true, minutes: 90 });
    expect(parseDuration('0,25', '0')).toEqual({ ok: true, minutes: 15 });
  });

  it('refuses nothing, negatives, bad minutes and more than a day', () => {
    expect(parseDuration('', '')).toMatchObject({ ok: false, error: 'Enter at least 1 minute' });
    expect(parseDuration('-1', '0')).toMatchObject({ ok: false });
    expect(parseDuration('1', '75')).toMatchObject({ ok: false, error: 'Minutes must be a whole number from 0 to 59' });
    expect(parseDuration('1', '2.5')).toMatchObject({ ok: false });
    expect(parseDuration('abc', '')).toMatchObject({ ok: false, error: 'Hours must be a number of 0 or more' });
    expect(parseDuration('24', '0')).toEqual({ ok: true, minutes: 1440 });
    expect(parseDuration('24', '1')).toMatchObject({ ok: false, error: 'An entry can be at most 24 hours' });
  });

  it('round-trips through splitMinutes', () => {
    const { hours, minutes } = splitMinutes(135);
    expect(parseDuration(hours, minutes)).toEqual({ ok: true, minutes: 135 });
  });
});

describe('formatting', () => {
  it('writes minutes, hours and a running clock', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(125)).toBe('2 h 05 min');
    expect(formatMinutes(180)).toBe('3 h');
    expect(formatHours(7.46)).toBe('7.5 h');
    expect(formatEntryMinutes(0)).toBe('< 1 min');
    expect(formatEntryMinutes(61)).toBe('1 h 01 min');
    expect(formatElapsed(249_000)).toBe('0:04:09');
    expect(formatElapsed(12 * 3600_000)).toBe('12:00:00');
    expect(formatElapsed(-5)).toBe('0:00:00');
  });
});
