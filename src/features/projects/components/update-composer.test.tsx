import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

// The one data client, reduced to what posting an update touches.
const inserted: unknown[] = [];
vi.mock('@/lib/supabase', () => ({
  supabase: {
    from: () => ({
      insert: (row: unknown) => {
        inserted.push(row);
        return { select: () => ({ single: () => ({ throwOnError: async () => ({ data: { id: 'u1' } }) }) }) };
      },
    }),
  },
}));

const { UpdateComposer } = await import('./update-composer');

function renderComposer() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <UpdateComposer organizationId="o1" projectId="p1" userId="me" clientName="Acme Outdoor" />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  inserted.length = 0;
});

describe('UpdateComposer', () => {
  it('posts an internal note at once', async () => {
    renderComposer();
    await userEvent.type(screen.getByLabelText('Internal note'), 'Keep the CMS simple');
    await userEvent.click(screen.getByRole('button', { name: 'Post internal note' }));
    await waitFor(() => expect(inserted).toHaveLength(1));
    expect(inserted[0]).toMatchObject({ visibility: 'internal', body: 'Keep the CMS simple', author_id: 'me', parent_id: null });
  });

  it('asks before a client update goes out, and posts nothing when cancelled', async () => {
    renderComposer();
    await userEvent.click(screen.getByRole('radio', { name: /Client update/ }));
    await userEvent.type(screen.getByLabelText('Update for Acme Outdoor'), 'Discovery is done');
    await userEvent.click(screen.getByRole('button', { name: 'Post client update' }));
    const dialog = await screen.findByRole('dialog', { name: 'Post this update to Acme Outdoor?' });
    expect(dialog).toHaveTextContent('The client will see this');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(inserted).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Post client update' }));
    await screen.findByRole('dialog');
    const confirm = screen.getAllByRole('button', { name: 'Post client update' }).at(-1)!;
    await userEvent.click(confirm);
    await waitFor(() => expect(inserted).toHaveLength(1));
    expect(inserted[0]).toMatchObject({ visibility: 'client', body: 'Discovery is done' });
  });

  it('refuses a file over 10 MB before anything is sent', async () => {
    renderComposer();
    const big = new File(['x'], 'footage.mov', { type: 'video/quicktime' });
    Object.defineProperty(big, 'size', { value: 12 * 1024 * 1024 });
    await userEvent.upload(document.querySelector('input[type=file]') as HTMLInputElement, big);
    expect(await screen.findByRole('alert')).toHaveTextContent('footage.mov is 12.0 MB; files can be at most 10 MB.');
    expect(screen.queryByRole('list', { name: 'Files to attach' })).toBeNull();
    expect(inserted).toHaveLength(0);
  });
});
