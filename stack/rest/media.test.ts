import { describe, expect, it } from 'vitest';
import { negotiate, parseCsv, toCsv } from './media.ts';
import { appliedPreferences, parsePreferences } from './preferences.ts';

describe('media', () => {
  it('negotiates PostgREST media types', () => {
    expect(negotiate(undefined).format).toBe('json');
    expect(negotiate('application/vnd.pgrst.object+json;nulls=stripped')).toEqual({ format: 'object', stripNulls: true });
    expect(negotiate('text/csv').format).toBe('csv');
    expect(() => negotiate('image/png')).toThrow('None of these media types are available: image/png');
  });
  it('round-trips CSV with quotes, commas and NULL', () => {
    expect(parseCsv('a,b\n1,"x, ""y"""\nNULL,\n')).toEqual([{ a: '1', b: 'x, "y"' }, { a: null, b: '' }]);
    expect(toCsv([{ a: 1, b: 'x,y', c: ['p', 'q r'], d: null }])).toBe('a,b,c,d\n1,"x,y","{p,""q r""}",');
  });
});

describe('preferences', () => {
  it('keeps the first value per category and reports what was applied', () => {
    const p = parsePreferences(['return=representation, count=exact', 'return=minimal, bogus']);
    expect(p).toEqual({ return: 'representation', count: 'exact' });
    expect(appliedPreferences(p, false, false)).toBe('return=representation, count=exact');
  });
  it('rejects unknown preferences under handling=strict', () => {
    expect(() => parsePreferences('handling=strict, nope=1')).toThrow('Invalid preferences given with handling=strict');
  });
});
