// A channel's messages: keyset pages (newest first, 50 at a time) in a TanStack infinite query, kept
// live by Realtime (see live.ts) through the cache helpers below, and the writes: send (optimistic,
// with retry), edit, delete, react.
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { Attachment, ChatMessage, Cursor, MessageRow } from '../types';
import { startEarly, takeEarly } from './early';
import { messageKeys } from './keys';

export const PAGE_SIZE = 50;
export const MESSAGE_COLUMNS =
  'id, organization_id, channel_id, author_id, body, parent_id, mentions, attachments, reactions, reply_count, last_reply_at, edited_at, deleted_at, created_at';

type Pages = InfiniteData<ChatMessage[], Cursor | null>;

/** PostgREST `or` filter for rows strictly older than the cursor in (created_at desc, id desc) order. */
export function olderThan(cursor: Cursor): string {
  return `created_at.lt."${cursor.createdAt}",and(created_at.eq."${cursor.createdAt}",id.lt.${cursor.id})`;
}

async function fetchPage(channelId: string, cursor: Cursor | null): Promise<ChatMessage[]> {
  let query = supabase.from('messages').select(MESSAGE_COLUMNS).eq('channel_id', channelId).is('parent_id', null);
  if (cursor) query = query.or(olderThan(cursor));
  const { data } = await query.order('created_at', { ascending: false }).order('id', { ascending: false }).limit(PAGE_SIZE).throwOnError();
  return data;
}

/** Starts a channel's newest page ahead of the list (see early.ts). */
export function preloadFirstPage(channelId: string): void {
  startEarly(`messages:${channelId}`, () => fetchPage(channelId, null));
}

export const channelMessagesQuery = (channelId: string) =>
  infiniteQueryOptions({
    queryKey: messageKeys.list(channelId),
    initialPageParam: null as Cursor | null,
    queryFn: ({ pageParam }): Promise<ChatMessage[]> => (pageParam ? fetchPage(channelId, pageParam) : takeEarly(`messages:${channelId}`, () => fetchPage(channelId, null))),
    getNextPageParam: (last): Cursor | null => {
      if (last.length < PAGE_SIZE) return null;
      const oldest = last[last.length - 1]!;
      return { createdAt: oldest.created_at, id: oldest.id };
    },
    // Live updates keep the list current; a refetch would reset the pages the person scrolled through.
    staleTime: Infinity,
  });

export function useChannelMessages(channelId: string) {
  return useInfiniteQuery(channelMessagesQuery(channelId));
}

/** Replies to one message, oldest first (threads are short; 500 is plenty). */
export const threadQuery = (parentId: string) =>
  queryOptions({
    queryKey: messageKeys.thread(parentId),
    queryFn: async (): Promise<{ parent: ChatMessage | null; replies: ChatMessage[] }> => {
      const [{ data: parent }, { data: replies }] = await Promise.all([
        supabase.from('messages').select(MESSAGE_COLUMNS).eq('id', parentId).maybeSingle().throwOnError(),
        supabase.from('messages').select(MESSAGE_COLUMNS).eq('parent_id', parentId).order('created_at').order('id').limit(500).throwOnError(),
      ]);
      return { parent, replies };
    },
    staleTime: Infinity,
  });

export function useThread(parentId: string | null) {
  return useQuery({ ...threadQuery(parentId ?? ''), enabled: !!parentId });
}

/** Where a linked message lives (notification links carry `?message=<id>`): its thread, if it is a reply. */
export function useMessageRef(messageId: string | null) {
  return useQuery({
    queryKey: [...messageKeys.all, 'ref', messageId],
    enabled: !!messageId,
    queryFn: async () => {
      const { data } = await supabase.from('messages').select('id, parent_id').eq('id', messageId!).maybeSingle().throwOnError();
      return data;
    },
    staleTime: Infinity,
  });
}

// ---------------------------------------------------------------------------------------------------
// Cache helpers: one place that merges a row into the channel list and its thread.
// ---------------------------------------------------------------------------------------------------

/**
 * Puts a row into the caches: replaces it where it is, or (new rows only) adds it: a top-level message
 * to the newest page, a reply to its thread. Updates of rows not loaded are ignored.
 */
export function mergeMessage(queryClient: QueryClient, row: ChatMessage, { addIfMissing = true } = {}): { added: boolean } {
  let added = false;
  if (!row.parent_id) {
    queryClient.setQueryData<Pages>(messageKeys.list(row.channel_id), (data) => {
      if (!data) return data;
      let found = false;
      const pages = data.pages.map((page) =>
        page.map((m) => {
          if (m.id !== row.id) return m;
          found = true;
          return row;
        }),
      );
      if (found || !addIfMissing) return { ...data, pages };
      added = true;
      const [first = [], ...rest] = pages;
      return { ...data, pages: [[row, ...first], ...rest] };
    });
  }
  const threadId = row.parent_id ?? row.id;
  queryClient.setQueryData<{ parent: ChatMessage | null; replies: ChatMessage[] }>(messageKeys.thread(threadId), (data) => {
    if (!data) return data;
    if (!row.parent_id) return { ...data, parent: row };
    const exists = data.replies.some((m) => m.id === row.id);
    if (!exists && !addIfMissing) return data;
    if (!exists) added = true;
    return { ...data, replies: exists ? data.replies.map((m) => (m.id === row.id ? row : m)) : [...data.replies, row] };
  });
  return { added };
}

export function findMessage(queryClient: QueryClient, channelId: string, id: string): ChatMessage | undefined {
  const data = queryClient.getQueryData<Pages>(messageKeys.list(channelId));
  for (const page of data?.pages ?? []) {
    const hit = page.find((m) => m.id === id);
    if (hit) return hit;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------------

export interface SendInput {
  id: string;
  organizationId: string;
  channelId: string;
  authorId: string;
  body: string;
  parentId: string | null;
  attachments: Attachment[];
}

/** The row this browser shows while the message is on its way. */
export function pendingRow(input: SendInput): ChatMessage {
  return {
    id: input.id,
    organization_id: input.organizationId,
    channel_id: input.channelId,
    author_id: input.authorId,
    body: input.body,
    parent_id: input.parentId,
    mentions: [],
    attachments: input.attachments as unknown as MessageRow['attachments'],
    reactions: {},
    reply_count: 0,
    last_reply_at: null,
    edited_at: null,
    deleted_at: null,
    created_at: new Date().toISOString(),
    status: 'pending',
  } as ChatMessage;
}

export async function insertMessage(input: SendInput): Promise<ChatMessage> {
  const { data } = await supabase
    .from('messages')
    .insert({
      id: input.id,
      organization_id: input.organizationId,
      channel_id: input.channelId,
      body: input.body,
      parent_id: input.parentId,
      attachments: input.attachments as unknown as MessageRow['attachments'],
    })
    .select(MESSAGE_COLUMNS)
    .single()
    .throwOnError();
  return data;
}

/** Sends with the row shown at once; on failure the row stays, marked failed, for a retry. */
export function useSendMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: insertMessage,
    onMutate: (input) => {
      mergeMessage(queryClient, pendingRow(input));
    },
    onSuccess: (row) => {
      mergeMessage(queryClient, row);
    },
    onError: (_error, input) => {
      mergeMessage(queryClient, { ...pendingRow(input), status: 'failed' });
    },
  });
}

export function useEditMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: string }) => {
      const { data } = await supabase.from('messages').update({ body }).eq('id', id).select(MESSAGE_COLUMNS).single().throwOnError();
      return data;
    },
    onSuccess: (row) => mergeMessage(queryClient, row),
  });
}

export function useDeleteMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const { data } = await supabase.rpc('delete_message', { message_id: id }).throwOnError();
      return data as MessageRow;
    },
    onSuccess: (row) => mergeMessage(queryClient, row),
  });
}

export function useToggleReaction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, emoji }: { id: string; emoji: string }) => {
      const { data } = await supabase.rpc('toggle_reaction', { message_id: id, emoji }).throwOnError();
      return data as MessageRow;
    },
    onSuccess: (row) => mergeMessage(queryClient, row),
  });
}

/** Removes a message this browser failed to send (the person gave up on it). */
export function discardFailed(queryClient: QueryClient, row: ChatMessage): void {
  queryClient.setQueryData<Pages>(messageKeys.list(row.channel_id), (data) => data && { ...data, pages: data.pages.map((p) => p.filter((m) => m.id !== row.id)) });
  if (row.parent_id) {
    queryClient.setQueryData<{ parent: ChatMessage | null; replies: ChatMessage[] }>(
      messageKeys.thread(row.parent_id),
      (data) => data && { ...data, replies: data.replies.filter((m) => m.id !== row.id) },
    );
  }
}
