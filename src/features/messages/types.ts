import type { Database, Tables } from '@/lib/database.types';

export type ChannelKind = Database['public']['Enums']['channel_kind'];
export type MessageRow = Tables<'messages'>;
export type MyChannel = Database['public']['Functions']['my_channels']['Returns'][number];

export interface Attachment {
  path: string;
  name: string;
  size: number;
  content_type: string;
}

/** A message as the list holds it: the row, plus the state of a message this browser is still sending. */
export type ChatMessage = MessageRow & { status?: 'pending' | 'failed' };

export interface Person {
  userId: string;
  name: string;
  avatarUrl: string | null;
}

export interface Cursor {
  createdAt: string;
  id: string;
}

/** The attachments column read safely (it is jsonb). */
export function attachmentsOf(message: Pick<MessageRow, 'attachments'>): Attachment[] {
  const value: unknown = message.attachments;
  if (!Array.isArray(value)) return [];
  return value.filter(
    (a): a is Attachment =>
      !!a && typeof a === 'object' && typeof (a as Attachment).path === 'string' && typeof (a as Attachment).name === 'string',
  );
}

/** The reactions column read safely: emoji → user ids. */
export function reactionsOf(message: Pick<MessageRow, 'reactions'>): Array<{ emoji: string; userIds: string[] }> {
  const value = message.reactions;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value)
    .map(([emoji, ids]) => ({ emoji, userIds: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [] }))
    .filter((r) => r.userIds.length > 0);
}
