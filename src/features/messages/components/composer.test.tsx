import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ChatContext, type ChatContextValue } from './chat-context';

// The one data client, reduced to what sending a message touches.
const inserted: Array<Record<string, unknown>> = [];
vi.mock('@/lib/supabase', () => ({
  supabase: {
    from: () => ({
      insert: (row: Record<string, unknown>) => {
        inserted.push(row);
        return { select: () => ({ single: () => ({ throwOnError: async () => ({ data: { ...row, created_at: new Date().toISOString() } }) }) }) };
      },
    }),
  },
}));

const { Composer } = await import('./composer');

const ME = { userId: '10000000-0000-4000-9000-000000000001', name: 'Me Myself', avatarUrl: null };
const ANA = { userId: '10000000-0000-4000-9000-000000000004', name: 'Ana Lopez', avatarUrl: null };
const BO = { userId: '10000000-0000-4000-9000-000000000003', name: 'Bo Chen', avatarUrl: null };

function renderComposer(props: { onEditLast?: () => void; onSent?: () => void } = {}) {
  const context: ChatContextValue = {
    channelId: 'c1',
    organizationId: 'o1',
    me: ME,
    people: new Map(),
    canModerate: false,
    editingId: null,
    setEditingId: () => {},
    openThread: () => {},
    threadId: null,
  };
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ChatContext.Provider value={context}>
        <Composer draftKey="c1" label="Message general" placeholder="Message #general" members={[ME, ANA, BO]} {...props} />
      </ChatContext.Provider>
    </QueryClientProvider>,
  );
  return screen.getByRole('combobox', { name: 'Message general' });
}

beforeEach(() => {
  inserted.length = 0;
  localStorage.clear();
});

describe('Composer', () => {
  it('sends on Enter and keeps Shift+Enter as a new line', async () => {
    const onSent = vi.fn();
    const box = renderComposer({ onSent });
    await userEvent.type(box, 'first line{Shift>}{Enter}{/Shift}second line');
    expect(box).toHaveValue('first line\nsecond line');
    expect(inserted).toHaveLength(0);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(inserted).toHaveLength(1));
    expect(inserted[0]).toMatchObject({ channel_id: 'c1', organization_id: 'o1', body: 'first line\nsecond line', parent_id: null });
    expect(box).toHaveValue('');
    expect(onSent).toHaveBeenCalledOnce();
  });

  it('sends nothing for a blank message', async () => {
    const box = renderComposer();
    await userEvent.type(box, '   {Enter}');
    expect(inserted).toHaveLength(0);
  });

  it('suggests channel members after @ (not me) and inserts a mention token', async () => {
    const box = renderComposer();
    await userEvent.type(box, 'hi @');
    const menu = screen.getByRole('listbox', { name: 'People to mention' });
    expect(menu).toHaveTextContent('Ana Lopez');
    expect(menu).not.toHaveTextContent('Me Myself');
    await userEvent.type(box, 'b');
    expect(screen.getByRole('option', { name: 'Bo Chen' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');
    expect(box).toHaveValue(`hi @[Bo Chen](${BO.userId}) `);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(inserted).toHaveLength(0);
  });

  it('moves through suggestions with the arrows and closes them with Escape', async () => {
    const box = renderComposer();
    await userEvent.type(box, '@');
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('option', { name: 'Bo Chen' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('edits the last own message on Up when empty', async () => {
    const onEditLast = vi.fn();
    const box = renderComposer({ onEditLast });
    await userEvent.click(box);
    await userEvent.keyboard('{ArrowUp}');
    expect(onEditLast).toHaveBeenCalledOnce();
    await userEvent.type(box, 'x{ArrowUp}');
    expect(onEditLast).toHaveBeenCalledOnce();
  });

  it('keeps the draft for the channel and restores it', async () => {
    const box = renderComposer();
    await userEvent.type(box, 'half a thought');
    expect(JSON.parse(localStorage.getItem('atrium.draft.c1')!).body).toBe('half a thought');
    cleanup();
    const again = renderComposer();
    expect(again).toHaveValue('half a thought');
  });

  it('refuses more than five files or files over 10 MB before uploading', async () => {
    renderComposer();
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const big = new File(['x'], 'huge.mov');
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    await userEvent.upload(input, big);
    expect(screen.getByRole('alert')).toHaveTextContent('huge.mov is 11.0 MB; files can be at most 10 MB.');
    const six = Array.from({ length: 6 }, (_, i) => new File(['x'], `f${i}.txt`));
    await userEvent.upload(input, six);
    expect(screen.getByRole('alert')).toHaveTextContent('A message can carry at most 5 files (you chose 6).');
  });
});
