import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';

const state: { timer: unknown } = { timer: null };
const stop = vi.fn();
vi.mock('@/lib/timer', () => ({
  useRunningTimer: () => ({ data: state.timer, isPending: false }),
  useStopTimer: () => ({ mutate: stop, isPending: false }),
  useStartTimer: () => ({ mutate: vi.fn(), isPending: false }),
  useNow: () => Date.parse('2026-11-23T10:05:09Z'),
}));

const { RunningTimer } = await import('./running-timer');

const renderTimer = () =>
  render(
    <MemoryRouter>
      <RunningTimer />
    </MemoryRouter>,
  );

describe('RunningTimer', () => {
  it('shows nothing while no timer runs', () => {
    state.timer = null;
    const { container } = renderTimer();
    expect(container).toBeEmptyDOMElement();
  });

  it('shows what runs and for how long, links to the task, and stops it', async () => {
    state.timer = {
      id: 'e1',
      organization_id: 'o1',
      project_id: 'p1',
      task_id: 't1',
      started_at: '2026-11-23T10:00:00Z',
      project: { name: 'Website redesign' },
      task: { title: 'Homepage copy' },
    };
    renderTimer();
    const group = screen.getByRole('group', { name: 'Running timer' });
    expect(group).toHaveTextContent('Homepage copy');
    expect(screen.getByRole('timer', { name: 'Time on Homepage copy' })).toHaveTextContent('0:05:09');
    expect(screen.getByRole('link', { name: 'Homepage copy' })).toHaveAttribute('href', '/projects/p1/tasks?task=t1');
    await userEvent.click(screen.getByRole('button', { name: 'Stop timer on Homepage copy' }));
    expect(stop).toHaveBeenCalledOnce();
  });
});
