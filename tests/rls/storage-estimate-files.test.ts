// storage.objects in the `estimate-files` bucket (`<organization_id>/<estimate_id>/<file name>`): whoever
// can read the estimate reads its files; the requester while it is requested, and staff, upload and
// delete; at most 5 files per estimate; another client sees nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, setUpMatrix, type Actor, type Matrix } from './harness.ts';

let matrix: Matrix;
beforeAll(async () => {
  matrix = await setUpMatrix();
});
afterAll(async () => {
  await matrix?.close();
});

const ALL_MEMBERS: Actor[] = ['client', 'member', 'manager', 'admin', 'owner', 'service_role'];
const STAFF: Actor[] = ['member', 'manager', 'admin', 'owner', 'service_role'];
const expected = (allowed: Actor[]) => Object.fromEntries(ACTORS.map((a) => [a, allowed.includes(a)]));

/** An estimate requested by the `client` actor in a fresh organization (or another client's, not theirs). */
async function estimate(options: { status?: string; ownClient?: boolean } = {}): Promise<{ org: string; estimate: string }> {
  const { db, users } = matrix.ctx;
  const org = await matrix.ctx.newOrg();
  const client = (await db.query(`insert into public.clients (organization_id, name) values ($1, 'Estimate client') returning id`, [org])).rows[0].id;
  const other = (await db.query(`insert into public.clients (organization_id, name) values ($1, 'Other client') returning id`, [org])).rows[0].id;
  await db.query('update public.organization_members set client_id = $1 where organization_id = $2 and user_id = $3', [client, org, users.client]);
  const mine = options.ownClient ?? true;
  const est = (await db.query(
    `insert into public.estimates (organization_id, client_id, service_type, description, requested_by, status) values ($1, $2, 'Logo', 'Files attached', $3, $4) returning id`,
    [org, mine ? client : other, mine ? users.client : null, options.status ?? 'requested'],
  )).rows[0].id;
  return { org, estimate: est };
}

const bucket = (actor: Actor) => matrix.clients[actor].storage.from('estimate-files');
const file = () => new Blob(['brief'], { type: 'text/plain' });

async function outcomes(run: (actor: Actor) => Promise<boolean>): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const actor of ACTORS) out[actor] = await run(actor);
  return out;
}

describe('storage.objects in the estimate-files bucket', () => {
  it('whoever can read the estimate reads its files', async () => {
    const result = await outcomes(async (actor) => {
      const { org, estimate: est } = await estimate();
      const path = `${org}/${est}/brief.txt`;
      await bucket('service_role').upload(path, file());
      const { data, error } = await bucket(actor).download(path);
      return !error && (await data!.text()) === 'brief';
    });
    expect(result).toEqual(expected(ALL_MEMBERS));
  });

  it('another client of the organization does not see the files', async () => {
    const result = await outcomes(async (actor) => {
      const { org, estimate: est } = await estimate({ ownClient: false });
      const path = `${org}/${est}/brief.txt`;
      await bucket('service_role').upload(path, file());
      const { error } = await bucket(actor).download(path);
      return !error;
    });
    expect(result).toEqual(expected(STAFF));
  });

  it('the requester uploads while the estimate is requested; staff always', async () => {
    const requested = await outcomes(async (actor) => {
      const { org, estimate: est } = await estimate();
      const { error } = await bucket(actor).upload(`${org}/${est}/${randomUUID()}.txt`, file());
      return !error;
    });
    expect(requested).toEqual(expected(ALL_MEMBERS));
    const answered = await outcomes(async (actor) => {
      const { org, estimate: est } = await estimate({ status: 'answered' });
      const { error } = await bucket(actor).upload(`${org}/${est}/${randomUUID()}.txt`, file());
      return !error;
    });
    expect(answered).toEqual(expected(STAFF));
  });

  it('refuses paths outside an estimate of the organization', async () => {
    const { org, estimate: est } = await estimate();
    const { org: otherOrg } = await estimate();
    for (const path of [`${otherOrg}/${est}/x.txt`, `${org}/x.txt`, `${org}/not-a-uuid/x.txt`, `${org}/${est}/deeper/x.txt`]) {
      const { error } = await bucket('member').upload(path, file());
      expect(error, path).not.toBeNull();
    }
  });

  it('holds at most 5 files per estimate', async () => {
    const { org, estimate: est } = await estimate();
    for (let i = 1; i <= 5; i++) {
      const { error } = await bucket('client').upload(`${org}/${est}/file-${i}.txt`, file());
      expect(error).toBeNull();
    }
    const { error } = await bucket('client').upload(`${org}/${est}/file-6.txt`, file());
    expect(error).not.toBeNull();
  });

  it('the requester (while requested) and staff delete files', async () => {
    const result = await outcomes(async (actor) => {
      const { org, estimate: est } = await estimate();
      const path = `${org}/${est}/brief.txt`;
      await bucket('service_role').upload(path, file());
      await bucket(actor).remove([path]);
      const { rowCount } = await matrix.ctx.db.query(`select 1 from storage.objects where bucket_id = 'estimate-files' and name = $1`, [path]);
      return rowCount === 0;
    });
    expect(result).toEqual(expected(ALL_MEMBERS));
  });
});
