import { describe, expect, it } from 'vitest';
import { bindingId, readBindings } from './bindings.ts';

describe('postgres_changes bindings', () => {
  it('reads bindings in order and keeps the client entry verbatim', () => {
    const entries = [{ event: 'INSERT', schema: 'public', table: 'msgs', filter: 'room_id=eq.7' }, { event: '*', schema: 'public' }];
    const bindings = readBindings({ postgres_changes: entries });
    expect(bindings.map((b) => b.raw)).toEqual(entries);
    expect(bindings[1]).toMatchObject({ event: '*', schema: 'public', table: null, active: false });
    expect(readBindings({})).toEqual([]);
    expect(readBindings({ postgres_changes: [null, 3] })).toEqual([]);
  });

  it('gives stable integer ids that differ between parameter sets', () => {
    const a = bindingId({ event: '*', schema: 'public', table: 'a' });
    expect(Number.isInteger(a)).toBe(true);
    expect(bindingId({ event: '*', schema: 'public', table: 'a' })).toBe(a);
    expect(bindingId({ event: '*', schema: 'public', table: 'b' })).not.toBe(a);
  });
});
