import { createContext, useContext } from 'react';
import type { Person } from '../types';

/** What every message row of the open channel needs, without threading props through the virtual list. */
export interface ChatContextValue {
  channelId: string;
  organizationId: string;
  me: Person;
  /** Channel members (and anyone else met) by user id, for authors' names and reaction tooltips. */
  people: Map<string, Person>;
  /** Channel owner/moderator or organization manager: may delete anyone's message. */
  canModerate: boolean;
  editingId: string | null;
  setEditingId: (id: string | null) => void;
  openThread: (messageId: string) => void;
  /** The thread open in the side panel, if any. */
  threadId: string | null;
}

export const ChatContext = createContext<ChatContextValue | null>(null);

export function useChat(): ChatContextValue {
  const value = useContext(ChatContext);
  if (!value) throw new Error('useChat must be used inside a channel view');
  return value;
}

export function personName(people: Map<string, Person>, userId: string | null | undefined): string {
  if (!userId) return 'Someone';
  return people.get(userId)?.name ?? 'Former member';
}
