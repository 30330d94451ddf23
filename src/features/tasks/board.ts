// Board maths: the four columns, the order inside a column (fractional positions, so a move writes one
// row), and where a drag or a key press puts a card.
import type { Database } from '@/lib/database.types';

export type TaskStatus = Database['public']['Enums']['task_status'];

export const TASK_STATUSES: readonly TaskStatus[] = ['todo', 'in_progress', 'review', 'done'];

export const STATUS_LABELS: Record<TaskStatus, string> = { todo: 'To do', in_progress: 'In progress', review: 'Review', done: 'Done' };

export interface Positioned {
  id: string;
  status: TaskStatus;
  position: number;
  created_at: string;
}

/** Board order: by position, then by age (two cards can share a position), then by id. */
export function compareByPosition(a: Positioned, b: Positioned): number {
  return a.position - b.position || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id);
}

/**
 * The position for a card dropped between two neighbours: their midpoint; one past the last card at
 * the end; one before the first at the top; 1 in an empty column.
 */
export function positionBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return after! - 1;
  if (after === undefined) return before + 1;
  return before + (after - before) / 2;
}

/** Cards per column, each column in board order. */
export function columnsOf<T extends Positioned>(tasks: readonly T[]): Record<TaskStatus, T[]> {
  const columns = { todo: [], in_progress: [], review: [], done: [] } as Record<TaskStatus, T[]>;
  for (const task of tasks) columns[task.status].push(task);
  for (const status of TASK_STATUSES) columns[status].sort(compareByPosition);
  return columns;
}

export interface Move {
  status: TaskStatus;
  /** Index in the target column once the moving card has been taken out of it. */
  index: number;
}

/** The status and position a card gets when moved to `move`; null when it would not move at all. */
export function placeCard<T extends Positioned>(tasks: readonly T[], taskId: string, move: Move): { status: TaskStatus; position: number } | null {
  const task = tasks.find((t) => t.id === taskId);
  if (!task) return null;
  const column = columnsOf(tasks)[move.status];
  const others = column.filter((t) => t.id !== taskId);
  const index = Math.max(0, Math.min(move.index, others.length));
  if (task.status === move.status && column.indexOf(task) === index) return null;
  return { status: move.status, position: positionBetween(others[index - 1]?.position, others[index]?.position) };
}

export type MoveKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

/** Where an arrow key moves a focused card: up and down inside its column, left and right to the next column. */
export function keyboardMove<T extends Positioned>(tasks: readonly T[], taskId: string, key: MoveKey): Move | null {
  const task = tasks.find((t) => t.id === taskId);
  if (!task) return null;
  const columns = columnsOf(tasks);
  const index = columns[task.status].indexOf(task);
  const col = TASK_STATUSES.indexOf(task.status);
  switch (key) {
    case 'ArrowUp':
      return index > 0 ? { status: task.status, index: index - 1 } : null;
    case 'ArrowDown':
      return index < columns[task.status].length - 1 ? { status: task.status, index: index + 1 } : null;
    case 'ArrowLeft':
    case 'ArrowRight': {
      const target = TASK_STATUSES[col + (key === 'ArrowLeft' ? -1 : 1)];
      if (!target) return null;
      return { status: target, index: Math.min(index, columns[target].length) };
    }
  }
}

/** Where a card lands at the end of a column (a status changed in the dialog). */
export function positionAtEnd<T extends Positioned>(tasks: readonly T[], status: TaskStatus, exceptId?: string): number {
  const column = columnsOf(tasks.filter((t) => t.id !== exceptId))[status];
  return positionBetween(column[column.length - 1]?.position, undefined);
}
