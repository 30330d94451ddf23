import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: (userId: string) => ['notifications', userId, 'unread'] as const,
  page: (userId: string, page: number) => ['notifications', userId, 'page', page] as const,
  recent: (userId: string) => ['notifications', userId, 'recent'] as const,
};

export const NOTIFICATIONS_PAGE_SIZE = 20;
const COLUMNS = 'id, kind, title, body, link, read_at, created_at';

export const unreadCountQuery = (userId: string) =>
  queryOptions({
    queryKey: notificationKeys.unread(userId),
    queryFn: async () => {
      const { count } = await supabase
        .from('notifications')
        .select('id', { count: 'exact', head: true })
        .eq('user_id', userId)
        .is('read_at', null)
        .throwOnError();
      return count ?? 0;
    },
  });

export const recentNotificationsQuery = (userId: string) =>
  queryOptions({
    queryKey: notificationKeys.recent(userId),
    queryFn: async () => {
      const { data } = await supabase.from('notifications').select(COLUMNS).eq('user_id', userId).order('created_at', { ascending: false }).limit(8).throwOnError();
      return data;
    },
  });

export const notificationsPageQuery = (userId: string, page: number) =>
  queryOptions({
    queryKey: notificationKeys.page(userId, page),
    queryFn: async () => {
      const from = (page - 1) * NOTIFICATIONS_PAGE_SIZE;
      const { data, count } = await supabase
        .from('notifications')
        .select(COLUMNS, { count: 'exact' })
        .eq('user_id', userId)
        .order('created_at', { ascending: false })
        .range(from, from + NOTIFICATIONS_PAGE_SIZE - 1)
        .throwOnError();
      return { items: data, total: count ?? 0 };
    },
    placeholderData: keepPreviousData,
  });

export function useUnreadCount(userId: string) {
  return useQuery(unreadCountQuery(userId));
}

export function useRecentNotifications(userId: string, enabled: boolean) {
  return useQuery({ ...recentNotificationsQuery(userId), enabled });
}

export function useNotificationsPage(userId: string, page: number) {
  return useQuery(notificationsPageQuery(userId, page));
}

export function useMarkRead(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[] | 'all') => {
      const query = supabase.from('notifications').update({ read_at: new Date().toISOString() }).eq('user_id', userId).is('read_at', null);
      await (ids === 'all' ? query : query.in('id', ids)).throwOnError();
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
