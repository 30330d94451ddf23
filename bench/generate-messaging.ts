// Messaging data for the bench generator: a channel per project with the organization's staff as
// members, and messages up to the scale's total (2,000,000 at large), spread unevenly over channels
// (a few busy, most quiet), every twentieth a thread reply to its channel's first message. One "big"
// channel in organization 0 (where the bench users staff3/staff4.org0 are members) holds at least
// 10,000 messages; scenarios find it by its topic (BIG_CHANNEL_TOPIC). Written through COPY with the
// generator's triggers off, so counters (reply_count, last_message_at) are set here, consistently.
import type pg from 'pg';

export const BIG_CHANNEL_TOPIC = 'bench: the big channel (10,000+ messages)';
/** Messages in the big channel at every scale. */
export const BIG_CHANNEL_MESSAGES = 12_000;

const PHRASES = [
  'sent the latest draft', 'can you review the copy', 'the client approved the palette', 'moving the launch to Friday',
  'uploaded the new mockups', 'budget looks fine for now', 'we need one more round', 'great work on this',
  'the staging build is up', 'shall we sync tomorrow', 'notes from the call', 'typography is **much** better',
  'see the `hero` section', 'waiting on legal', 'photos arrive Monday', 'signed off by Acme', 'fixed the footer links',
];
const REACTIONS = ['👍', '🎉', '👀', '✅'];

export interface MessagingInput {
  client: pg.Client;
  seed: number;
  rand: () => number;
  now: number;
  totalMessages: number;
  projects: Array<{ id: string; name: string; orgId: string; orgIndex: number }>;
  /** Staff user ids per organization index. */
  staffByOrg: Map<number, string[]>;
  benchId: (kind: string, n: number, seed: number) => string;
  copyRows: (client: pg.Client, table: string, columns: string[], rows: Iterable<unknown[]>) => Promise<number>;
}

export async function generateMessaging(input: MessagingInput): Promise<Record<string, number>> {
  const { client, seed, rand, now, projects, staffByOrg, benchId, copyRows } = input;
  const rows: Record<string, number> = {};
  const span = 90 * 86_400_000;
  const start = now - span;

  // How many messages each channel holds: the big one first, the rest skewed toward a few busy channels.
  const big = Math.max(0, projects.findIndex((p) => p.orgIndex === 0));
  const counts = new Uint32Array(projects.length);
  counts[big] = BIG_CHANNEL_MESSAGES;
  for (let i = BIG_CHANNEL_MESSAGES; i < input.totalMessages; i++) counts[Math.floor(Math.pow(rand(), 2) * projects.length)]!++;
  const channelId = (i: number) => benchId('channel', i, seed);
  const step = (i: number) => span / Math.max(counts[i]!, 1);
  const messageTime = (i: number, k: number) => new Date(start + Math.floor(k * step(i))).toISOString();
  const lastTime = (i: number) => (counts[i]! > 0 ? messageTime(i, counts[i]! - 1) : null);

  rows.channels = await copyRows(client, 'public.channels', ['id', 'organization_id', 'kind', 'name', 'topic', 'project_id', 'created_at', 'updated_at', 'last_message_at'],
    projects.map((p, i) => [channelId(i), p.orgId, 'project', p.name.slice(0, 80), i === big ? BIG_CHANNEL_TOPIC : null, p.id,
      new Date(start).toISOString(), new Date(now).toISOString(), lastTime(i)]));

  // Staff of the organization; one channel in five is left with a few unread messages.
  function* members() {
    for (let i = 0; i < projects.length; i++) {
      const p = projects[i]!;
      const unread = i !== big && i % 5 === 0 && counts[i]! > 3;
      const readAt = counts[i] ? messageTime(i, unread ? counts[i]! - 4 : counts[i]! - 1) : new Date(start).toISOString();
      for (const [n, user] of (staffByOrg.get(p.orgIndex) ?? []).entries()) {
        yield [channelId(i), user, p.orgId, n < 3 ? 'moderator' : 'member', i === big ? new Date(now).toISOString() : readAt, new Date(start).toISOString()];
      }
    }
  }
  rows.channel_members = await copyRows(client, 'public.channel_members', ['channel_id', 'user_id', 'organization_id', 'role', 'last_read_at', 'joined_at'], members());

  let serial = 0;
  function* messages() {
    for (let i = 0; i < projects.length; i++) {
      const k = counts[i]!;
      if (!k) continue;
      const p = projects[i]!;
      const staff = staffByOrg.get(p.orgIndex) ?? [];
      const first = benchId('message', serial, seed);
      const replies = Math.floor(k / 20);
      for (let m = 0; m < k; m++) {
        const id = m === 0 ? first : benchId('message', serial, seed);
        serial++;
        const author = staff[Math.floor(rand() * staff.length)] ?? null;
        const words = 1 + Math.floor(rand() * 3);
        const body = Array.from({ length: words }, () => PHRASES[Math.floor(rand() * PHRASES.length)]).join(', ');
        const isReply = m % 20 === 19;
        const reactions = rand() < 0.1 && author ? { [REACTIONS[Math.floor(rand() * REACTIONS.length)]!]: [author] } : {};
        const created = messageTime(i, m);
        yield [id, p.orgId, channelId(i), author, `${body[0]!.toUpperCase()}${body.slice(1)}.`, isReply ? first : null, '{}', '[]', reactions,
          m === 0 ? replies : 0, m === 0 && replies ? messageTime(i, 20 * replies - 1) : null, created];
      }
    }
  }
  rows.messages = await copyRows(client, 'public.messages',
    ['id', 'organization_id', 'channel_id', 'author_id', 'body', 'parent_id', 'mentions', 'attachments', 'reactions', 'reply_count', 'last_reply_at', 'created_at'],
    messages());
  return rows;
}
