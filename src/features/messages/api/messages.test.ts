import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';

vi.mock('@/lib/supabase', () => ({ supabase: {} }));
const { discardFailed, mergeMessage, olderThan, pendingRow } = await import('./messages');
const { messageKeys } = await import('./keys');

const base = { organizationId: 'o1', channelId: 'c1', authorId: 'u1', body: 'hi', parentId: null, attachments: [] };
const row = (id: string, extra: Record<string, unknown> = {}) => ({ ...pendingRow({ ...base, id }), status: undefined, ...extra });

function client(pages: unknown[][]) {
  const qc = new QueryClient();
  qc.setQueryData(messageKeys.list('c1'), { pages, pageParams: [null] });
  return qc;
}
const ids = (qc: QueryClient) => (qc.getQueryData(messageKeys.list('c1')) as { pages: Array<Array<{ id: string; body: string }>> }).pages.map((p) => p.map((m) => m.id));

describe('message cache', () => {
  it('adds a new message to the newest page and replaces a known one in place', () => {
    const qc = client([[row('b'), row('a')]]);
    expect(mergeMessage(qc, row('c')).added).toBe(true);
    expect(ids(qc)).toEqual([['c', 'b', 'a']]);
    expect(mergeMessage(qc, row('a', { body: 'edited' })).added).toBe(false);
    expect(ids(qc)).toEqual([['c', 'b', 'a']]);
  });

  it('ignores updates of messages that are not loaded', () => {
    const qc = client([[row('b')]]);
    mergeMessage(qc, row('old'), { addIfMissing: false });
    expect(ids(qc)).toEqual([['b']]);
  });

  it('turns the pending row into the stored one, and drops a failed one on discard', () => {
    const qc = client([[row('a')]]);
    mergeMessage(qc, pendingRow({ ...base, id: 'p' }));
    mergeMessage(qc, row('p'));
    const data = qc.getQueryData(messageKeys.list('c1')) as { pages: Array<Array<{ id: string; status?: string }>> };
    expect(data.pages[0]![0]).toMatchObject({ id: 'p', status: undefined });
    discardFailed(qc, row('p'));
    expect(ids(qc)).toEqual([['a']]);
  });

  it('puts replies into their thread, not the channel list', () => {
    const qc = client([[row('a')]]);
    qc.setQueryData(messageKeys.thread('a'), { parent: row('a'), replies: [] });
    mergeMessage(qc, row('r', { parent_id: 'a' }));
    expect(ids(qc)).toEqual([['a']]);
    expect((qc.getQueryData(messageKeys.thread('a')) as { replies: Array<{ id: string }> }).replies.map((m) => m.id)).toEqual(['r']);
  });

  it('pages by (created_at, id) strictly older than the cursor', () => {
    expect(olderThan({ createdAt: '2026-11-23T10:00:00.5+00:00', id: 'x' })).toBe('created_at.lt."2026-11-23T10:00:00.5+00:00",and(created_at.eq."2026-11-23T10:00:00.5+00:00",id.lt.x)');
  });
});
