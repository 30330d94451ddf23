import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { Person } from '../types';
import { startEarly, takeEarly } from './early';
import { messageKeys } from './keys';

/** The caller's channels with unread and mention counts (one RPC, computed in SQL). */
export const myChannelsQuery = (userId: string) =>
  queryOptions({
    queryKey: messageKeys.channels(userId),
    queryFn: async () => {
      const { data } = await supabase.rpc('my_channels').throwOnError();
      return data ?? [];
    },
  });

export function useMyChannels(userId: string) {
  return useQuery(myChannelsQuery(userId));
}

async function fetchChannel(channelId: string) {
  const { data } = await supabase
    .from('channels')
    .select('id, organization_id, kind, name, topic, project_id, direct_key, archived_at')
    .eq('id', channelId)
    .maybeSingle()
    .throwOnError();
  return data;
}

export const channelQuery = (channelId: string) =>
  queryOptions({
    queryKey: messageKeys.channel(channelId),
    queryFn: () => takeEarly(`channel:${channelId}`, () => fetchChannel(channelId)),
  });

export function useChannel(channelId: string) {
  return useQuery(channelQuery(channelId));
}

export interface ChannelMember extends Person {
  role: string;
}

async function fetchMembers(channelId: string): Promise<ChannelMember[]> {
  const { data } = await supabase
    .from('channel_members')
    .select('user_id, role, profiles(display_name, username, avatar_url)')
    .eq('channel_id', channelId)
    .limit(1000)
    .throwOnError();
  return data
    .map((m) => ({
      userId: m.user_id,
      role: m.role,
      name: m.profiles?.display_name || m.profiles?.username || 'Unnamed member',
      avatarUrl: m.profiles?.avatar_url ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Everyone in the channel (authors' names, mention autocomplete, presence). */
export const channelMembersQuery = (channelId: string) =>
  queryOptions({
    queryKey: messageKeys.members(channelId),
    queryFn: () => takeEarly(`members:${channelId}`, () => fetchMembers(channelId)),
    staleTime: 60_000,
  });

/** Starts what a channel view needs (its row and members) ahead of the view (see early.ts). */
export function preloadChannel(channelId: string): void {
  startEarly(`channel:${channelId}`, () => fetchChannel(channelId));
  startEarly(`members:${channelId}`, () => fetchMembers(channelId));
}

export function useChannelMembers(channelId: string) {
  return useQuery(channelMembersQuery(channelId));
}

/** People of the organization the caller can start a direct conversation with (not themselves). */
export const peopleQuery = (organizationId: string, userId: string) =>
  queryOptions({
    queryKey: messageKeys.people(organizationId),
    queryFn: async (): Promise<Array<Person & { role: string }>> => {
      const { data } = await supabase
        .from('organization_members')
        .select('user_id, role, profiles(display_name, username, avatar_url)')
        .eq('organization_id', organizationId)
        .neq('user_id', userId)
        .limit(1000)
        .throwOnError();
      return data
        .map((m) => ({ userId: m.user_id, role: m.role, name: m.profiles?.display_name || m.profiles?.username || 'Unnamed member', avatarUrl: m.profiles?.avatar_url ?? null }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 5 * 60_000,
  });

export function usePeople(organizationId: string, userId: string, enabled: boolean) {
  return useQuery({ ...peopleQuery(organizationId, userId), enabled });
}

/** Opens (or finds) the direct conversation with one person. */
export function useOpenDirectChannel(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (otherUserId: string) => {
      const { data } = await supabase.rpc('open_direct_channel', { other_user_id: otherUserId }).throwOnError();
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messageKeys.channels(userId) }),
  });
}

/** Moves the caller's read position; the channel list's counts follow. */
export async function markChannelRead(channelId: string): Promise<void> {
  await supabase.rpc('mark_channel_read', { channel_id: channelId }).throwOnError();
}
