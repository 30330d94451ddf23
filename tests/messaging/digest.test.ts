// notification-digest (every 15 minutes): one e-mail per person listing the notifications they left
// unread longer than their organization's notification_digest_minutes, each notification mailed once.
// The stack clock decides when the job is due; now() stays real, so the notifications are backdated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../helpers/env.ts';
import { waitForMail } from '../helpers/mailbox.ts';
import { resetClock, runJob, runsSince, sql, waitFor } from '../jobs/helpers.ts';
import { must, setUpStudio, type Studio } from './fixture.ts';

let s: Studio;
const ids: Record<string, string> = {};

async function notify(user: string, org: string | null, title: string, minutesAgo: number, read = false): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `insert into public.notifications (organization_id, user_id, kind, title, body, link, created_at, read_at)
     values ($1, $2, 'message.mention', $3, 'Body of ' || $3, '/messages', now() - make_interval(mins => $4), case when $5 then now() end)
     returning id`,
    [org, user, title, minutesAgo, read],
  );
  return row!.id;
}

async function control(path: string, body: Record<string, string>) {
  const res = await fetch(`${stackEnv.apiUrl}/_atrium/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', apikey: stackEnv.serviceRoleKey, Authorization: `Bearer ${stackEnv.serviceRoleKey}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`/_atrium/${path}: ${res.status}`);
}

const outbox = (email: string) =>
  sql<{ subject: string; payload: { total: number; items: Array<{ title: string }> } }>(
    `select subject, payload from public.email_outbox where to_email = $1 and template = 'notification_digest' order by created_at`,
    [email],
  );

describe('notification digest', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    s = await setUpStudio();
    // The outsider's organization mails after 15 minutes; the studio keeps the default hour.
    await sql(`update public.organizations set notification_digest_minutes = 15 where id = $1`, [s.otherOrg]);
    ids.due = await notify(s.users.member, s.org, 'Two hours unread', 120);
    ids.dueToo = await notify(s.users.member, s.org, 'Ninety minutes unread', 90);
    ids.fresh = await notify(s.users.member, s.org, 'Ten minutes unread', 10);
    ids.read = await notify(s.users.member, s.org, 'Read long ago', 120, true);
    ids.quick = await notify(s.users.outsider, s.otherOrg, 'Twenty minutes unread, 15-minute org', 20);
    ids.slow = await notify(s.users.member2, s.org, 'Twenty minutes unread, 60-minute org', 20);
  });
  afterAll(async () => {
    await resetClock();
    await s?.close();
  });

  it('lets admins change the delay or turn it off, and nobody else', async () => {
    const denied = must(await s.as.member.from('organizations').update({ notification_digest_minutes: 30 }).eq('id', s.org).select('id'));
    expect(denied).toEqual([]);
    const tooShort = await s.as.outsider.from('organizations').update({ notification_digest_minutes: 1 }).eq('id', s.otherOrg);
    expect(tooShort.error?.code).toBe('23514');
  });

  it('runs on its own every quarter hour and mails each person one digest of what is due', async () => {
    const since = new Date(Date.now() - 1000);
    const [{ now }] = await sql<{ now: Date }>('select now()');
    const next = new Date(now!.getTime());
    next.setUTCMinutes(Math.floor(next.getUTCMinutes() / 15) * 15 + 15, 0, 0);
    await control('clock', { time: new Date(next.getTime() - 2000).toISOString() });
    const run = await waitFor('the scheduler to run notification-digest', async () => (await runsSince('notification-digest', since))[0], 30_000);
    expect(run.status).toBe('succeeded');

    const mine = await outbox(s.emails.member);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toBe('You have 2 unread notifications on Atrium');
    expect(mine[0]!.payload.items.map((i) => i.title)).toEqual(['Ninety minutes unread', 'Two hours unread']);
    expect(await outbox(s.emails.outsider)).toHaveLength(1);
    expect(await outbox(s.emails.member2)).toEqual([]);

    const digested = await sql<{ id: string; done: boolean }>(`select id, digested_at is not null as done from public.notifications where id = any($1)`, [
      Object.values(ids),
    ]);
    const done = Object.fromEntries(digested.map((r) => [r.id, r.done]));
    expect(Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, done[id]]))).toEqual({
      due: true,
      dueToo: true,
      fresh: false,
      read: false,
      quick: true,
      slow: false,
    });

    const mail = await waitForMail(s.emails.member, (m) => m.subject === 'You have 2 unread notifications on Atrium');
    expect(mail.text).toContain('Two hours unread');
    expect(mail.html).toContain('Open notifications');
  });

  it('never mails the same notification twice, and skips organizations that turned it off', async () => {
    await sql(`update public.organizations set notification_digest_minutes = null where id = $1`, [s.org]);
    await notify(s.users.member2, s.org, 'Old, but the digest is off', 300);
    const again = await runJob('notification-digest');
    expect(again.status).toBe('succeeded');
    expect(await outbox(s.emails.member)).toHaveLength(1);
    expect(await outbox(s.emails.outsider)).toHaveLength(1);
    expect(await outbox(s.emails.member2)).toEqual([]);
  });
});
