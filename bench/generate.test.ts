import { describe, expect, it } from 'vitest';
import { benchEmail, benchId, copyField, random } from './generate.ts';

describe('bench data generator', () => {
  it('draws the same numbers for the same seed, and others for another', () => {
    const a = random(42);
    const b = random(42);
    const c = random(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(first.every((n) => n >= 0 && n < 1)).toBe(true);
  });

  it('derives stable, valid UUIDs per kind, row and seed', () => {
    const id = benchId('client', 7, 1);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(benchId('client', 7, 1)).toBe(id);
    expect(benchId('client', 8, 1)).not.toBe(id);
    expect(benchId('project', 7, 1)).not.toBe(id);
    expect(benchId('client', 7, 2)).not.toBe(id);
  });

  it('escapes COPY text fields', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('a\tb\nc\\d')).toBe('a\\tb\\nc\\\\d');
    expect(copyField({ k: 'v' })).toBe('{"k":"v"}');
    expect(copyField(12.5)).toBe('12.5');
  });

  it('keeps the first seed\'s sign-in addresses short and others apart', () => {
    expect(benchEmail(3, 1)).toBe('staff1.org3@bench.test');
    expect(benchEmail(3, 1, 7)).toBe('staff1.org3.s7@bench.test');
  });
});
