import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, createMemoryRouter } from 'react-router';

const rpc = vi.fn();
const CLIENTS = [
  { id: 'c-acme', name: 'Acme Outdoor', status: 'active' },
  { id: 'c-old', name: 'Old Client', status: 'archived' },
];
// A thenable query builder: every filter returns itself, awaiting it gives the rows.
function builder(rows: unknown) {
  const result = { data: rows, error: null };
  const b: Record<string, unknown> = { then: (ok: (r: unknown) => unknown) => Promise.resolve(result).then(ok) };
  for (const m of ['select', 'eq', 'order', 'limit', 'throwOnError']) b[m] = () => b;
  return b;
}
vi.mock('@/lib/supabase', () => ({
  supabase: {
    from: () => builder(CLIENTS),
    rpc: (...args: unknown[]) => ({ throwOnError: () => rpc(...args) }),
  },
}));

const { NewReportDialog } = await import('./new-report-dialog');
const { presetPeriod } = await import('../periods');

function setup(initialClientId: string | null = null) {
  const onClose = vi.fn();
  const router = createMemoryRouter(
    [
      { path: '/reports', element: <NewReportDialog open organizationId="org-1" initialClientId={initialClientId} onClose={onClose} /> },
      { path: '/reports/:id', element: <h1>Editor</h1> },
    ],
    { initialEntries: ['/reports'] },
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, onClose };
}

describe('NewReportDialog', () => {
  beforeEach(() => rpc.mockReset());

  it('starts with last month and offers only clients that are not archived', async () => {
    setup();
    const lastMonth = presetPeriod('last_month')!;
    expect(screen.getByLabelText('From')).toHaveValue(lastMonth.start);
    expect(screen.getByLabelText('To')).toHaveValue(lastMonth.end);
    expect(await screen.findByRole('option', { name: 'Acme Outdoor' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: 'Old Client' })).toBeNull();
  });

  it('fills the dates from a preset, and typing a date makes the period custom', async () => {
    setup();
    await userEvent.selectOptions(screen.getByLabelText('Period'), 'last_2_weeks');
    expect(screen.getByLabelText('From')).toHaveValue(presetPeriod('last_2_weeks')!.start);
    await userEvent.clear(screen.getByLabelText('From'));
    await userEvent.type(screen.getByLabelText('From'), '2026-01-05');
    expect(screen.getByLabelText('Period')).toHaveValue('custom');
  });

  it('asks for a client before drafting anything', async () => {
    setup();
    await userEvent.click(screen.getByRole('button', { name: 'Generate draft' }));
    expect(await screen.findByText('Choose a client')).toBeInTheDocument();
    expect(rpc).not.toHaveBeenCalled();
  });

  it('drafts the report for the chosen client and period, then opens it', async () => {
    rpc.mockResolvedValue({ data: { id: 'r-1', organization_id: 'org-1' }, error: null });
    const { router, onClose } = setup('c-acme');
    await screen.findByRole('option', { name: 'Acme Outdoor' });
    await userEvent.selectOptions(screen.getByLabelText('Period'), 'custom');
    await userEvent.clear(screen.getByLabelText('From'));
    await userEvent.type(screen.getByLabelText('From'), '2026-10-01');
    await userEvent.clear(screen.getByLabelText('To'));
    await userEvent.type(screen.getByLabelText('To'), '2026-10-15');
    await userEvent.click(screen.getByRole('button', { name: 'Generate draft' }));
    expect(await screen.findByRole('heading', { name: 'Editor' })).toBeInTheDocument();
    expect(rpc).toHaveBeenCalledWith('generate_report_draft', { client_id: 'c-acme', period_start: '2026-10-01', period_end: '2026-10-15' });
    expect(router.state.location.pathname).toBe('/reports/r-1');
    expect(onClose).toHaveBeenCalled();
  });

  it('explains a period that ends before it starts', async () => {
    setup('c-acme');
    await userEvent.clear(screen.getByLabelText('To'));
    await userEvent.type(screen.getByLabelText('To'), '2000-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Generate draft' }));
    expect(await screen.findByText('The period ends before it starts')).toBeInTheDocument();
    expect(rpc).not.toHaveBeenCalled();
  });
});
