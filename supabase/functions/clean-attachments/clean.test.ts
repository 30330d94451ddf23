// The clean-up logic against a stub client that keeps a bucket and an attachments table in memory.
import { deepStrictEqual as assertEquals, rejects } from 'node:assert/strict';
import { callerRole } from '../_shared/auth.ts';
import { cleanAttachments, type CleanClient } from './clean.ts';

interface Stub extends CleanClient {
  objects: Set<string>;
  rows: Array<{ path: string; ageDays: number }>;
  removeCalls: string[][];
}

function stub(options: { objects?: string[]; rows?: Array<{ path: string; ageDays: number }>; refuse?: Set<string>; failBatches?: boolean; rpcError?: string } = {}): Stub {
  const s: Stub = {
    objects: new Set(options.objects ?? []),
    rows: [...(options.rows ?? [])],
    removeCalls: [],
    rpc(fn, args) {
      if (options.rpcError) return Promise.resolve({ data: null, error: { message: options.rpcError } });
      if (fn === 'stale_attachment_objects') {
        const max = Math.min(Math.max(Number(args?.max_rows ?? 500), 1), 1000);
        const kept = new Set(s.rows.map((r) => r.path));
        return Promise.resolve({ data: [...s.objects].filter((o) => !kept.has(o)).slice(0, max), error: null });
      }
      if (fn === 'delete_abandoned_attachments') {
        const before = s.rows.length;
        s.rows = s.rows.filter((r) => r.ageDays < 1 || s.objects.has(r.path));
        return Promise.resolve({ data: before - s.rows.length, error: null });
      }
      return Promise.resolve({ data: null, error: { message: `unknown function ${fn}` } });
    },
    storage: {
      from: (bucket) => ({
        remove(paths) {
          if (bucket !== 'attachments') throw new Error(`wrong bucket ${bucket}`);
          s.removeCalls.push(paths);
          if (options.failBatches) return Promise.resolve({ data: null, error: { message: 'storage is down' } });
          const deleted = paths.filter((p) => s.objects.has(p) && !options.refuse?.has(p));
          deleted.forEach((p) => s.objects.delete(p));
          return Promise.resolve({ data: deleted.map((name) => ({ name })), error: null });
        },
      }),
    },
  };
  return s;
}

const files = (n: number, prefix = 'org/project') => Array.from({ length: n }, (_, i) => `${prefix}/${String(i).padStart(4, '0')}/f.txt`);

Deno.test('removes files without a row, keeps files with one, deletes day-old rows without a file', async () => {
  const db = stub({
    objects: ['org/p/kept/a.pdf', 'org/p/orphan/b.pdf'],
    rows: [
      { path: 'org/p/kept/a.pdf', ageDays: 3 },
      { path: 'org/p/never-uploaded/c.pdf', ageDays: 2 },
      { path: 'org/p/uploading/d.pdf', ageDays: 0 },
    ],
  });
  const report = await cleanAttachments(db);
  assertEquals(report, { removed_objects: 1, failed_objects: 0, deleted_rows: 1, rounds: 1 });
  assertEquals([...db.objects], ['org/p/kept/a.pdf']);
  assertEquals(db.rows.map((r) => r.path), ['org/p/kept/a.pdf', 'org/p/uploading/d.pdf']);
});

Deno.test('works in batches and rounds until nothing stale is left', async () => {
  const db = stub({ objects: files(25) });
  const report = await cleanAttachments(db, { maxRows: 10, batchSize: 4 });
  assertEquals(report.removed_objects, 25);
  assertEquals(report.rounds, 3);
  assertEquals(db.objects.size, 0);
  assertEquals(Math.max(...db.removeCalls.map((c) => c.length)), 4);
});

Deno.test('is safe to run again: a second run finds nothing to do', async () => {
  const db = stub({ objects: files(3), rows: [{ path: 'x/y/z/old.txt', ageDays: 5 }] });
  await cleanAttachments(db);
  assertEquals(await cleanAttachments(db), { removed_objects: 0, failed_objects: 0, deleted_rows: 0, rounds: 0 });
  assertEquals(db.removeCalls.length, 1);
});

Deno.test('stops within the round limit and asks for each file once, even when Storage keeps refusing', async () => {
  const stuck = files(5, 'stuck');
  const db = stub({ objects: [...stuck, ...files(5)], refuse: new Set(stuck) });
  const report = await cleanAttachments(db, { maxRows: 5, batchSize: 5, maxRounds: 50 });
  assertEquals(report.removed_objects, 5);
  assertEquals(db.objects.size, 5);
  assertEquals(new Set(db.removeCalls.flat()).size, db.removeCalls.flat().length);
});

Deno.test('counts a failed batch and still clears abandoned rows', async () => {
  const db = stub({ objects: files(3), rows: [{ path: 'gone/never/x.txt', ageDays: 2 }], failBatches: true });
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...a: unknown[]) => errors.push(a);
  try {
    assertEquals(await cleanAttachments(db, { batchSize: 2 }), { removed_objects: 0, failed_objects: 3, deleted_rows: 1, rounds: 1 });
  } finally {
    console.error = original;
  }
  assertEquals(errors.length, 2);
});

Deno.test('fails loudly when the database cannot list stale files', async () => {
  await rejects(cleanAttachments(stub({ rpcError: 'permission denied' })), /stale_attachment_objects: permission denied/);
});

Deno.test('callerRole reads the role claim of the bearer token', () => {
  const token = (claims: object) => `h.${btoa(JSON.stringify(claims)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.s`;
  const req = (auth?: string) => new Request('http://x/f', { headers: auth ? { Authorization: auth } : {} });
  assertEquals(callerRole(req(`Bearer ${token({ role: 'service_role' })}`)), 'service_role');
  assertEquals(callerRole(req(`Bearer ${token({ role: 'authenticated', sub: 'ü' })}`)), 'authenticated');
  assertEquals(callerRole(req()), null);
  assertEquals(callerRole(req('Bearer not-a-jwt')), null);
});
