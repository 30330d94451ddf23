export const messageKeys = {
  all: ['messages'] as const,
  channels: (userId: string) => ['messages', 'channels', userId] as const,
  channel: (channelId: string) => ['messages', 'channel', channelId] as const,
  members: (channelId: string) => ['messages', 'members', channelId] as const,
  list: (channelId: string) => ['messages', 'list', channelId] as const,
  thread: (parentId: string) => ['messages', 'thread', parentId] as const,
  people: (organizationId: string) => ['messages', 'people', organizationId] as const,
  file: (path: string) => ['messages', 'file', path] as const,
};
