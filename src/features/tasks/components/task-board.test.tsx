import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import type { Task } from '../api/project-tasks';

const updates: Array<{ values: unknown; id: unknown }> = [];
let failNext = false;
// What the database holds: updates land here unless they fail.
let server: Array<Record<string, unknown>> = [];
vi.mock('@/lib/supabase', () => ({
  supabase: {
    from: () => ({
      update: (values: unknown) => ({
        eq: (_col: string, id: unknown) => ({
          throwOnError: async () => {
            updates.push({ values, id });
            if (failNext) {
              failNext = false;
              throw new Error('network down');
            }
            server = server.map((t) => (t.id === id ? { ...t, ...(values as object) } : t));
            return { data: null };
          },
        }),
      }),
    }),
  },
}));
vi.mock('@/components/timer-button', () => ({ TimerButton: () => null }));

const { TaskBoard } = await import('./task-board');
const { taskKeys } = await import('../api/keys');

const task = (id: string, status: Task['status'], position: number): Task => ({
  id,
  project_id: 'p1',
  organization_id: 'o1',
  title: `Task ${id}`,
  description: null,
  status,
  position,
  assignee_id: null,
  due_on: null,
  milestone_key: null,
  client_visible: false,
  requested_by: null,
  request_status: null,
  decline_reason: null,
  created_by: null,
  created_at: '2026-01-01T00:00:00Z',
  completed_at: null,
  assignee: null,
});

function Board() {
  const tasks = useQuery({ queryKey: taskKeys.board('p1'), queryFn: async () => structuredClone(server) as Task[] });
  return tasks.data ? <TaskBoard projectId="p1" tasks={tasks.data} milestones={[]} onOpen={() => {}} /> : null;
}

async function renderBoard(tasks: Task[]) {
  server = tasks;
  updates.length = 0;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <Board />
    </QueryClientProvider>,
  );
  await screen.findByRole('heading', { name: /^To do/ });
}

const column = (name: string) => screen.getByRole('heading', { name: new RegExp(`^${name}`) }).closest('section')!;

describe('TaskBoard', () => {
  it('moves a focused card to the next column with the arrow key, saves it, announces it and keeps focus', async () => {
    await renderBoard([task('a', 'todo', 1), task('b', 'todo', 2), task('c', 'in_progress', 5)]);
    const card = screen.getByRole('listitem', { name: 'Task b' });
    card.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(await within(column('In progress')).findByRole('listitem', { name: 'Task b' })).toBeInTheDocument();
    expect(updates).toEqual([{ values: { status: 'in_progress', position: 6 }, id: 'b' }]);
    expect(screen.getByText('Moved Task b to In progress, position 2 of 2.')).toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByRole('listitem', { name: 'Task b' }));
  });

  it('reorders inside a column with up and down, writing the midpoint', async () => {
    await renderBoard([task('a', 'todo', 1), task('b', 'todo', 2), task('c', 'todo', 4)]);
    screen.getByRole('listitem', { name: 'Task c' }).focus();
    await userEvent.keyboard('{ArrowUp}');
    expect(updates).toEqual([{ values: { status: 'todo', position: 1.5 }, id: 'c' }]);
    const order = within(column('To do'))
      .getAllByRole('listitem')
      .map((li) => li.getAttribute('aria-label'));
    expect(order).toEqual(['Task a', 'Task c', 'Task b']);
  });

  it('puts the card back when the save fails', async () => {
    failNext = true;
    await renderBoard([task('a', 'todo', 1), task('b', 'review', 1)]);
    screen.getByRole('listitem', { name: 'Task a' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(await screen.findByText('Task a could not be moved and is back in To do.')).toBeInTheDocument();
    expect(within(column('To do')).getByRole('listitem', { name: 'Task a' })).toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByRole('listitem', { name: 'Task a' }));
  });
});
