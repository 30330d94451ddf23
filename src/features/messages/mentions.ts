// Mentions travel inside the message body as `@[Display Name](user-id)` tokens: the database reads the
// ids out of them (messages.mentions) and the list renders them as highlighted names. These helpers
// format and read tokens and find the `@query` being typed at the caret for the autocomplete.

/** One token: `@[name](uuid)`. Names cannot hold brackets (they are stripped when formatting). */
export const MENTION_PATTERN = /@\[([^\]\n]{1,80})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

export interface Mention {
  userId: string;
  name: string;
}

export type BodySegment = { type: 'text'; text: string } | { type: 'mention'; userId: string; name: string };

/** The token for one person; brackets and line breaks in the name are dropped so the token stays whole. */
export function formatMention({ userId, name }: Mention): string {
  const clean = name.replace(/[[\]()\n\r]/g, '').trim().slice(0, 80) || 'someone';
  return `@[${clean}](${userId})`;
}

/** The distinct people a body mentions, in order of first appearance. */
export function parseMentions(body: string): Mention[] {
  const seen = new Map<string, Mention>();
  for (const match of body.matchAll(MENTION_PATTERN)) {
    const userId = match[2]!.toLowerCase();
    if (!seen.has(userId)) seen.set(userId, { userId, name: match[1]! });
  }
  return [...seen.values()];
}

/** The body split into plain text and mentions. */
export function splitMentions(body: string): BodySegment[] {
  const segments: BodySegment[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION_PATTERN)) {
    const at = match.index;
    if (at > last) segments.push({ type: 'text', text: body.slice(last, at) });
    segments.push({ type: 'mention', userId: match[2]!.toLowerCase(), name: match[1]! });
    last = at + match[0].length;
  }
  if (last < body.length) segments.push({ type: 'text', text: body.slice(last) });
  return segments;
}

/** The body as plain text, mentions shown as `@Name` (for previews and notifications). */
export function plainText(body: string): string {
  return body.replace(MENTION_PATTERN, (_m, name: string) => `@${name}`);
}

export interface MentionQuery {
  /** Where the `@` is. */
  start: number;
  /** What follows it up to the caret. */
  query: string;
}

/**
 * The `@query` the caret is in, if any: an `@` at the start or after whitespace, followed by at most
 * 30 characters without a line break or a second `@`. Tokens already inserted do not count.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at === -1) return null;
  if (at > 0 && !/\s/.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (query.length > 30 || /[\n@[\]()]/.test(query)) return null;
  // Two words at most ("Ana Lo"): a third space means the person moved on.
  if ((query.match(/ /g) ?? []).length > 1) return null;
  return { start: at, query };
}

/** Replaces the `@query` at `start..caret` with the token and a space; returns the text and the new caret. */
export function insertMention(text: string, query: MentionQuery, caret: number, mention: Mention): { text: string; caret: number } {
  const token = `${formatMention(mention)} `;
  const next = text.slice(0, query.start) + token + text.slice(caret);
  return { text: next, caret: query.start + token.length };
}

/** People whose name starts with (or has a word starting with) the query, best first, at most `limit`. */
export function filterMembers<T extends { name: string }>(members: T[], query: string, limit = 8): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return members.slice(0, limit);
  const starts: T[] = [];
  const words: T[] = [];
  for (const m of members) {
    const name = m.name.toLowerCase();
    if (name.startsWith(q)) starts.push(m);
    else if (name.split(/\s+/).some((w) => w.startsWith(q))) words.push(m);
  }
  return [...starts, ...words].slice(0, limit);
}
