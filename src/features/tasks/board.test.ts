import { describe, expect, it } from 'vitest';
import { columnsOf, keyboardMove, placeCard, positionAtEnd, positionBetween, type Positioned, type TaskStatus } from './board';

const card = (id: string, status: TaskStatus, position: number, created_at = '2026-01-01T00:00:00Z'): Positioned => ({ id, status, position, created_at });

describe('positionBetween', () => {
  it('takes the midpoint between two neighbours', () => {
    expect(positionBetween(1, 2)).toBe(1.5);
    expect(positionBetween(1, 1.5)).toBe(1.25);
    expect(positionBetween(-3, 5)).toBe(1);
  });

  it('goes one past the ends and starts an empty column at 1', () => {
    expect(positionBetween(7, undefined)).toBe(8);
    expect(positionBetween(undefined, 7)).toBe(6);
    expect(positionBetween(undefined, undefined)).toBe(1);
  });

  it('keeps finding room between ever closer neighbours', () => {
    let low = 1;
    const high = 2;
    for (let i = 0; i < 30; i++) {
      const mid = positionBetween(low, high);
      expect(mid).toBeGreaterThan(low);
      expect(mid).toBeLessThan(high);
      low = mid;
    }
  });
});

describe('columnsOf', () => {
  it('sorts each column by position, then by age', () => {
    const tasks = [card('b', 'todo', 2), card('a', 'todo', 1), card('c', 'todo', 2, '2025-01-01T00:00:00Z'), card('d', 'done', 1)];
    const columns = columnsOf(tasks);
    expect(columns.todo.map((t) => t.id)).toEqual(['a', 'c', 'b']);
    expect(columns.done.map((t) => t.id)).toEqual(['d']);
    expect(columns.review).toEqual([]);
  });
});

describe('placeCard', () => {
  const tasks = [card('a', 'todo', 1), card('b', 'todo', 2), card('c', 'todo', 3), card('x', 'review', 10)];

  it('drops between two cards at their midpoint', () => {
    expect(placeCard(tasks, 'x', { status: 'todo', index: 1 })).toEqual({ status: 'todo', position: 1.5 });
  });

  it('drops at the top, at the end, and into an empty column', () => {
    expect(placeCard(tasks, 'x', { status: 'todo', index: 0 })).toEqual({ status: 'todo', position: 0 });
    expect(placeCard(tasks, 'x', { status: 'todo', index: 3 })).toEqual({ status: 'todo', position: 4 });
    expect(placeCard(tasks, 'a', { status: 'done', index: 0 })).toEqual({ status: 'done', position: 1 });
  });

  it('reorders inside a column without counting the card itself', () => {
    expect(placeCard(tasks, 'a', { status: 'todo', index: 2 })).toEqual({ status: 'todo', position: 4 });
    expect(placeCard(tasks, 'c', { status: 'todo', index: 0 })).toEqual({ status: 'todo', position: 0 });
    expect(placeCard(tasks, 'a', { status: 'todo', index: 1 })).toEqual({ status: 'todo', position: 2.5 });
  });

  it('is null when the card would stay where it is, or is unknown', () => {
    expect(placeCard(tasks, 'b', { status: 'todo', index: 1 })).toBeNull();
    expect(placeCard(tasks, 'nope', { status: 'todo', index: 0 })).toBeNull();
  });
});

describe('keyboardMove', () => {
  const tasks = [card('a', 'todo', 1), card('b', 'todo', 2), card('c', 'in_progress', 1), card('d', 'done', 1)];

  it('moves up and down inside the column, not past its ends', () => {
    expect(keyboardMove(tasks, 'a', 'ArrowDown')).toEqual({ status: 'todo', index: 1 });
    expect(keyboardMove(tasks, 'b', 'ArrowUp')).toEqual({ status: 'todo', index: 0 });
    expect(keyboardMove(tasks, 'a', 'ArrowUp')).toBeNull();
    expect(keyboardMove(tasks, 'b', 'ArrowDown')).toBeNull();
  });

  it('moves to the neighbouring column at the same height, clamped to its length', () => {
    expect(keyboardMove(tasks, 'b', 'ArrowRight')).toEqual({ status: 'in_progress', index: 1 });
    expect(keyboardMove(tasks, 'c', 'ArrowRight')).toEqual({ status: 'review', index: 0 });
    expect(keyboardMove(tasks, 'c', 'ArrowLeft')).toEqual({ status: 'todo', index: 0 });
    expect(keyboardMove(tasks, 'a', 'ArrowLeft')).toBeNull();
    expect(keyboardMove(tasks, 'd', 'ArrowRight')).toBeNull();
  });

  it('lands where placeCard puts it', () => {
    const move = keyboardMove(tasks, 'a', 'ArrowDown')!;
    expect(placeCard(tasks, 'a', move)).toEqual({ status: 'todo', position: 3 });
  });
});

describe('positionAtEnd', () => {
  it('puts a card after the last one of the column, ignoring the card itself', () => {
    const tasks = [card('a', 'todo', 1), card('b', 'todo', 5), card('c', 'done', 2)];
    expect(positionAtEnd(tasks, 'todo')).toBe(6);
    expect(positionAtEnd(tasks, 'todo', 'b')).toBe(2);
    expect(positionAtEnd(tasks, 'review')).toBe(1);
  });
});
