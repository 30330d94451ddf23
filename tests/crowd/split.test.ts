// private.split_amount: the largest remainder method, checked in SQL with awkward numbers.
import { describe, expect, it } from 'vitest';
import { sql } from './fixtures.ts';

async function split(total: number, weights: number[]): Promise<number[]> {
  const [row] = await sql<{ parts: string[] }>('select private.split_amount($1::bigint, $2::bigint[]) as parts', [total, weights]);
  return row!.parts.map(Number);
}

describe('split_amount', () => {
  it('splits 100.00 three ways into parts that add up, the extra cent to the first', async () => {
    expect(await split(10_000, [1, 1, 1])).toEqual([3334, 3333, 3333]);
  });

  it('splits in proportion to pledges 1:2:3', async () => {
    expect(await split(10_000, [1, 2, 3])).toEqual([1667, 3333, 5000]);
    expect(await split(100, [100, 200, 300])).toEqual([17, 33, 50]);
  });

  it('gives 1 cent among 3 to the first, deterministically', async () => {
    expect(await split(1, [1, 1, 1])).toEqual([1, 0, 0]);
    expect(await split(1, [1, 1, 1])).toEqual([1, 0, 0]);
    expect(await split(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it('gives leftover cents to the largest remainders, not the first positions', async () => {
    // 10 by 1:1:4 -> 1.666, 1.666, 6.666: floors 1, 1, 6 (8); two cents to the equal largest remainders.
    expect(await split(10, [1, 1, 4])).toEqual([2, 2, 6]);
    // 7 by 3:1 -> 5.25, 1.75: the cent goes to the second.
    expect(await split(7, [3, 1])).toEqual([5, 2]);
  });

  it('always adds up exactly', async () => {
    for (const [total, weights] of [
      [99_999_999_999, [7, 13, 29, 31]],
      [1_234_567, [3, 3, 3, 3, 3, 3, 3]],
      [0, [1, 2]],
      [5, [1_000_000_000_000, 1]],
    ] as Array<[number, number[]]>) {
      const parts = await split(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(parts.every((p) => p >= 0)).toBe(true);
    }
  });

  it('refuses nobody to split between and weights of zero', async () => {
    await expect(split(100, [])).rejects.toThrow(/nobody/);
    await expect(split(100, [1, 0])).rejects.toThrow(/weight/);
  });
});
