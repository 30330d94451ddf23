import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { markChannelRead } from '../api/channels';
import { messageKeys } from '../api/keys';
import { useWindowFocus } from './use-window-focus';

/**
 * Moves the read position when the newest message is on screen and the window has focus: on opening
 * the channel, when new messages arrive at the bottom, when the person scrolls down or comes back.
 */
export function useMarkRead(channelId: string, userId: string, newestId: string | undefined, atEnd: boolean) {
  const queryClient = useQueryClient();
  const focused = useWindowFocus();
  const marked = useRef<string | null>(null);
  const inFlight = useRef(false);
  useEffect(() => {
    if (!newestId || !atEnd || !focused || marked.current === newestId || inFlight.current) return;
    inFlight.current = true;
    markChannelRead(channelId)
      .then(() => {
        marked.current = newestId;
        return queryClient.invalidateQueries({ queryKey: messageKeys.channels(userId) });
      })
      .catch(() => {
        // Not fatal: the unread count stays until the next try.
      })
      .finally(() => {
        inFlight.current = false;
      });
  }, [channelId, userId, newestId, atEnd, focused, queryClient]);
}
