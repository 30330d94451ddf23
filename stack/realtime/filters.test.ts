import { describe, expect, it } from 'vitest';
import { filterKey, parseFilter, sqlOperator } from './filters.ts';

describe('postgres_changes filters', () => {
  it('parses each operator', () => {
    for (const op of ['eq', 'neq', 'lt', 'lte', 'gt', 'gte'] as const) {
      expect(parseFilter(`room_id=${op}.7`)).toEqual({ filter: { column: 'room_id', op, values: ['7'] } });
    }
    expect(parseFilter('body=eq.a.b=c')).toEqual({ filter: { column: 'body', op: 'eq', values: ['a.b=c'] } });
    expect(parseFilter('id=in.(1, 2,"x y")')).toEqual({ filter: { column: 'id', op: 'in', values: ['1', '2', 'x y'] } });
  });

  it('reports malformed filters in upstream wording', () => {
    expect(parseFilter('room_id=foo.7')).toEqual({ error: 'Error parsing `filter` params: ["room_id", "foo.7"]' });
    expect(parseFilter('room_id')).toEqual({ error: 'Error parsing `filter` params: ["room_id"]' });
    expect(parseFilter('room_id=eq')).toHaveProperty('error');
    expect(parseFilter('id=in.1,2')).toHaveProperty('error');
    expect(parseFilter(`id=in.(${Array.from({ length: 101 }, (_, i) => i).join(',')})`)).toHaveProperty('error');
  });

  it('maps operators to SQL and keys identical filters together', () => {
    expect(sqlOperator('neq')).toBe('<>');
    expect(sqlOperator('lte')).toBe('<=');
    expect(filterKey({ column: 'a', op: 'eq', values: ['1'] })).toBe(filterKey({ column: 'a', op: 'eq', values: ['1'] }));
    expect(filterKey({ column: 'a', op: 'eq', values: ['1'] })).not.toBe(filterKey({ column: 'a', op: 'neq', values: ['1'] }));
  });
});
