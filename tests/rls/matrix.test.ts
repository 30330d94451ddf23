import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, attempt, publicTables, setUpMatrix, type Matrix, type Operation } from './harness.ts';
import { TABLES } from './tables.ts';

let matrix: Matrix;
beforeAll(async () => {
  matrix = await setUpMatrix();
});
afterAll(async () => {
  await matrix?.close();
});

describe('every public table is covered', () => {
  it('has row-level security enabled on every table', async () => {
    const tables = await publicTables(matrix.ctx.db);
    expect(tables.filter((t) => !t.rls).map((t) => t.table)).toEqual([]);
  });

  it('lists every public table in the matrix', async () => {
    const tables = (await publicTables(matrix.ctx.db)).map((t) => t.table);
    const listed = new Set(TABLES.map((t) => t.table));
    expect(tables.filter((t) => !listed.has(t))).toEqual([]);
  });
});

const OPERATIONS: Operation[] = ['select', 'insert', 'update', 'delete'];

for (const spec of TABLES) {
  describe(`RLS matrix: ${spec.label ?? spec.table}`, () => {
    for (const op of OPERATIONS) {
      it(`${op}: allowed for ${spec.allowed[op].join(', ') || 'nobody'}; refused for the rest`, async () => {
        const outcome: Record<string, boolean> = {};
        for (const actor of ACTORS) outcome[actor] = await attempt(matrix, spec, actor, op);
        const expected = Object.fromEntries(ACTORS.map((a) => [a, spec.allowed[op].includes(a)]));
        expect(outcome).toEqual(expected);
      });
    }
  });
}
