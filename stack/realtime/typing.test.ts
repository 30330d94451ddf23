import { describe, expect, it } from 'vitest';
import { buildRowQuery, quoteIdent } from './typing.ts';

const columns = [
  { name: 'id', typname: 'int8', sqlType: 'bigint' },
  { name: 'n', typname: 'int4', sqlType: 'integer' },
  { name: 'we"ird', typname: 'text', sqlType: 'text' },
];

describe('change typing query', () => {
  it('casts every WAL text value to its column type and binds values', () => {
    const q = buildRowQuery(columns, { id: '1', n: '5', 'we"ird': undefined }, null, [], 'n');
    expect(q.text).toBe(
      'select to_jsonb(n.*) as new, null::jsonb as old, array[]::boolean[] as filters from ' +
        '(select $1::text::bigint as "id", $2::text::integer as "n", $3::text::text as "we""ird") n',
    );
    expect(q.values).toEqual(['1', '5', null]);
  });

  it('evaluates filters on the new row, or the old row for deletes', () => {
    const filters = [
      { column: 'n', op: 'gte' as const, values: ['3'] },
      { column: 'n', op: 'in' as const, values: ['1', '2'] },
      { column: 'gone', op: 'eq' as const, values: ['x'] },
    ];
    const q = buildRowQuery(columns, null, { id: '1', n: null, 'we"ird': null }, filters, 'o');
    expect(q.text).toContain('array[coalesce(o."n" >= $4::text::integer, false), coalesce(o."n" = any($5::text[]::integer[]), false), false]::boolean[]');
    expect(q.values.slice(3)).toEqual(['3', ['1', '2']]);
    expect(buildRowQuery(columns, { id: '1', n: '1', 'we"ird': 'a' }, null, filters, 'o').text).toContain('array[false, false, false]');
  });

  it('quotes identifiers', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
});
