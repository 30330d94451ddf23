import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { BIG_CHANNEL_MESSAGES, BIG_CHANNEL_TOPIC, generateMessaging } from './generate-messaging.ts';
import { benchId, random } from './generate.ts';

/** Runs the messaging generator into memory instead of COPY. */
async function generated(totalMessages: number) {
  const tables: Record<string, { columns: string[]; rows: unknown[][] }> = {};
  const projects = Array.from({ length: 40 }, (_, i) => ({ id: benchId('project', i, 1), name: `Project ${i}`, orgId: `org-${i % 4}`, orgIndex: (i + 1) % 4 }));
  const staffByOrg = new Map([0, 1, 2, 3].map((o) => [o, [1, 2, 3, 4, 5].map((p) => `user-${o}-${p}`)]));
  const counts = await generateMessaging({
    client: {} as pg.Client,
    seed: 1,
    rand: random(1),
    now: Date.UTC(2026, 10, 23),
    totalMessages,
    projects,
    staffByOrg,
    benchId,
    copyRows: async (_c, table, columns, rows) => {
      tables[table] = { columns, rows: [...rows] };
      return tables[table]!.rows.length;
    },
  });
  const col = (table: string, name: string) => tables[table]!.columns.indexOf(name);
  return { counts, tables, col, projects };
}

describe('bench messaging generator', () => {
  it('writes the scale’s total, with a big channel of organization 0 found by its topic', async () => {
    const { counts, tables, col, projects } = await generated(20_000);
    expect(counts).toEqual({ channels: 40, channel_members: 200, messages: 20_000 });
    const channels = tables['public.channels']!.rows;
    const big = channels.find((c) => c[col('public.channels', 'topic')] === BIG_CHANNEL_TOPIC)!;
    const bigProject = projects.find((p) => p.id === big[col('public.channels', 'project_id')])!;
    expect(bigProject.orgIndex).toBe(0);
    const inBig = tables['public.messages']!.rows.filter((m) => m[col('public.messages', 'channel_id')] === big[0]);
    expect(inBig.length).toBeGreaterThanOrEqual(BIG_CHANNEL_MESSAGES);
  });

  it('keeps thread counters consistent: each parent’s reply_count is its number of replies', async () => {
    const { tables, col } = await generated(5_000);
    const messages = tables['public.messages']!.rows;
    const replies = new Map<unknown, number>();
    for (const m of messages) {
      const parent = m[col('public.messages', 'parent_id')];
      if (parent) replies.set(parent, (replies.get(parent) ?? 0) + 1);
    }
    const ids = new Set(messages.map((m) => m[0]));
    expect(ids.size).toBe(messages.length);
    for (const m of messages) expect(m[col('public.messages', 'reply_count')]).toBe(replies.get(m[0]) ?? 0);
  });

  it('is reproducible for a seed', async () => {
    const a = await generated(2_000);
    const b = await generated(2_000);
    expect(b.tables['public.messages']!.rows).toEqual(a.tables['public.messages']!.rows);
  });
});
