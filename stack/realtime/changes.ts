// postgres_changes delivery: for each replicated change, find the matching bindings, let Postgres
// type the values and evaluate the filters (one statement), check RLS as each subscriber (one
// statement for all of them, grouped by role and claims) and push upstream's payload shape.
import type { Database } from '../db/database.ts';
import type { Binding } from './bindings.ts';
import { filterKey, type Filter } from './filters.ts';
import type { Frame } from './protocol.ts';
import type { RelationMeta, Relations } from './relations.ts';
import type { Row, WalChange } from './replication.ts';
import type { ChannelAuth } from './tokens.ts';
import { buildRowQuery } from './typing.ts';

export interface PgSubscriber {
  readonly topic: string;
  readonly auth: ChannelAuth;
  readonly bindings: Binding[];
  send(frame: Frame): void;
}

type Json = Record<string, unknown>;

interface Match {
  sub: PgSubscriber;
  bindings: Binding[];
}

const MAX_RECORD_BYTES = 1024 * 1024;
const MAX_FIELD_BYTES_WHEN_TOO_LARGE = 64;

function matches(change: WalChange, b: Binding): boolean {
  if (!b.active) return false;
  if (b.schema !== '*' && b.schema !== change.relation.schema) return false;
  if (b.table !== null && b.table !== change.relation.name) return false;
  return b.event === '*' || b.event.toUpperCase() === change.action;
}

/** to_jsonb gives every column; columns the WAL marked unchanged-TOAST (undefined) are left out. */
function withoutUnchanged(json: Json | null, row: Row | null): Json | null {
  if (!json || !row) return null;
  const out: Json = {};
  for (const [k, v] of Object.entries(json)) if (row[k] !== undefined) out[k] = v;
  return out;
}

function pick(json: Json | null, names: Iterable<string>): Json {
  const out: Json = {};
  if (!json) return out;
  for (const name of names) if (name in json) out[name] = json[name];
  return out;
}

function shrinkIfTooLarge(data: Json): void {
  const size = Buffer.byteLength(JSON.stringify(data.record ?? {})) + Buffer.byteLength(JSON.stringify(data.old_record ?? {}));
  if (size <= MAX_RECORD_BYTES) return;
  const small = (json: unknown) =>
    Object.fromEntries(Object.entries((json ?? {}) as Json).filter(([, v]) => Buffer.byteLength(JSON.stringify(v) ?? '') <= MAX_FIELD_BYTES_WHEN_TOO_LARGE));
  if (data.record) data.record = small(data.record);
  if (data.old_record) data.old_record = small(data.old_record);
  data.errors = ['Error 413: Payload Too Large'];
}

/** Changes prepared concurrently (each needs two queries); delivery order stays the commit order. */
const MAX_IN_FLIGHT = 8;

export class ChangeDispatcher {
  private tail: Promise<unknown> = Promise.resolve();
  private inFlight = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(
    private readonly db: Database,
    private readonly relations: Relations,
    private readonly subscribers: () => PgSubscriber[],
    /** A committed realtime.messages row (realtime.send, broadcast_changes). */
    private readonly onMessageRow: (row: Row) => void,
    private readonly log: (line: string) => void,
  ) {}

  /**
   * Queues a change: up to MAX_IN_FLIGHT changes are prepared (typed, filtered, RLS-checked) at
   * once, but always delivered in commit order. Resolves when there is room for the next one.
   */
  async enqueue(change: WalChange): Promise<void> {
    while (this.inFlight >= MAX_IN_FLIGHT) await new Promise<void>((r) => this.waiters.push(r));
    this.inFlight++;
    const prepared = this.prepare(change).catch((err: Error) => {
      this.log(`realtime: change on ${change.relation.schema}.${change.relation.name} not delivered: ${err.message}`);
      return null;
    });
    this.tail = this.tail
      .then(async () => (await prepared)?.())
      .finally(() => {
        this.inFlight--;
        this.waiters.shift()?.();
      });
  }

  private async prepare(change: WalChange): Promise<(() => void) | null> {
    const { schema, name } = change.relation;
    if (schema === 'realtime' && name === 'messages') {
      const row = change.action === 'INSERT' ? change.record : null;
      return row ? () => this.onMessageRow(row) : null;
    }
    const found = this.match(change);
    if (found.length === 0) return null;
    const meta = await this.relations.get(change.relation.relationOid);

    const filters: Filter[] = [];
    const filterIndex = new Map<string, number>();
    for (const { bindings } of found)
      for (const b of bindings)
        if (b.filter && !filterIndex.has(filterKey(b.filter))) filterIndex.set(filterKey(b.filter), filters.push(b.filter) - 1);

    const oldRow = change.old ?? change.key;
    const query = buildRowQuery(meta.columns, change.record, oldRow, filters, change.action === 'DELETE' ? 'o' : 'n');
    // Typing and the RLS check are independent (the check keys on the WAL's key values): run both at once.
    const [{ rows }, visible] = await Promise.all([
      this.db.pool.query<{ new: Json | null; old: Json | null; filters: boolean[] }>(query.text, query.values),
      this.visibleTo(meta, change, found.map((f) => f.sub.auth)),
    ]);
    const typed = rows[0]!;
    const newJson = withoutUnchanged(typed.new, change.record);
    const oldJson = withoutUnchanged(typed.old, oldRow);

    const dataByRole = new Map<string, Json>();
    const sends: Array<() => void> = [];
    for (const [i, { sub, bindings }] of found.entries()) {
      const ids = [...new Set(bindings.filter((b) => !b.filter || typed.filters[filterIndex.get(filterKey(b.filter))!]).map((b) => b.id))];
      if (ids.length === 0 || !visible(i)) continue;
      let data = dataByRole.get(sub.auth.role);
      if (!data) {
        data = await this.buildData(meta, change, sub.auth.role, newJson, oldJson);
        dataByRole.set(sub.auth.role, data);
      }
      const payload = { ids, data };
      sends.push(() => sub.send({ joinRef: null, ref: null, topic: sub.topic, event: 'postgres_changes', payload }));
    }
    return () => sends.forEach((send) => send());
  }

  private match(change: WalChange): Match[] {
    const found: Match[] = [];
    for (const sub of this.subscribers()) {
      const bindings = sub.bindings.filter((b) => matches(change, b));
      if (bindings.length) found.push({ sub, bindings });
    }
    return found;
  }

  /** RLS as each subscriber (role + claims), like upstream's apply_rls; DELETEs are not checked. */
  private async visibleTo(meta: RelationMeta, change: WalChange, auths: ChannelAuth[]): Promise<(i: number) => boolean> {
    if (!meta.rls || change.action === 'DELETE' || meta.primaryKey.length === 0 || !change.record) return () => true;
    const groups = new Map<string, number>();
    const checks: Array<{ role: string; claims: string }> = [];
    const groupOf = auths.map((auth) => {
      const claims = JSON.stringify(auth.claims);
      const key = `${auth.role}\u0000${claims}`;
      if (!groups.has(key)) groups.set(key, checks.push({ role: auth.role, claims }) - 1);
      return groups.get(key)!;
    });
    // One statement, so its transaction-local role and claims end with it.
    const { rows } = await this.db.pool.query<{ i: number }>(
      `select i from _atrium.realtime_visible($1::oid::regclass, $2::text[], $3::jsonb, $4::jsonb, $5::bigint) i`,
      [meta.relid, meta.primaryKey, JSON.stringify(pick(change.record, meta.primaryKey)), JSON.stringify(checks), change.xid],
    );
    const passed = new Set(rows.map((r) => r.i));
    return (i) => passed.has(groupOf[i]!);
  }

  private async buildData(meta: RelationMeta, change: WalChange, role: string, newJson: Json | null, oldJson: Json | null): Promise<Json> {
    const selectable = await this.relations.selectableColumns(meta.relid, role);
    const columns = meta.columns.filter((c) => selectable.has(c.name));
    const data: Json = {
      schema: meta.schema,
      table: meta.table,
      commit_timestamp: change.commitTimestamp,
      type: change.action,
      columns: columns.map((c) => ({ name: c.name, type: c.typname })),
      errors: null,
    };
    const names = columns.map((c) => c.name);
    let errors: string[] | null = null;
    if (meta.primaryKey.length === 0) errors = ['Error 400: Bad Request, no primary key'];
    else if (!meta.primaryKey.every((k) => selectable.has(k))) errors = ['Error 401: Unauthorized'];
    if (errors) return { ...data, errors };
    if (change.action !== 'DELETE') data.record = pick(newJson, names);
    if (change.action !== 'INSERT') data.old_record = this.oldRecord(meta, change, names, newJson, oldJson);
    shrinkIfTooLarge(data);
    return data;
  }

  /** FULL identity: the whole old row (key only for DELETE on an RLS table); otherwise the key. */
  private oldRecord(meta: RelationMeta, change: WalChange, names: string[], newJson: Json | null, oldJson: Json | null): Json {
    const full = change.old !== null && !(change.action === 'DELETE' && meta.rls);
    if (full) return pick(oldJson, names);
    const keyNames = meta.primaryKey.filter((k) => names.includes(k));
    return pick(oldJson ?? newJson, keyNames);
  }
}
