// The change source: logical replication (pgoutput) from a temporary slot this process creates, over
// the app's publication `supabase_realtime` and the stack's publication for realtime.messages. Every
// write path (REST, SQL, triggers, cron) is seen, rows arrive whole, and only committed work arrives.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { LogicalReplicationService, PgoutputPlugin, type Pgoutput } from 'pg-logical-replication';

export type Row = Record<string, string | null | undefined>;

export interface WalChange {
  action: 'INSERT' | 'UPDATE' | 'DELETE';
  relation: Pgoutput.MessageRelation;
  /** New tuple (INSERT/UPDATE). `undefined` values are unchanged TOAST columns. */
  record: Row | null;
  /** Old tuple under REPLICA IDENTITY FULL. */
  old: Row | null;
  /** Old key columns when the key changed (UPDATE) or for a DELETE without FULL identity. */
  key: Row | null;
  /** Commit time, ISO 8601 with milliseconds and `Z`. */
  commitTimestamp: string;
  /** The transaction id (32-bit) from the Begin message. */
  xid: number;
}

export const PUBLICATIONS = ['supabase_realtime', 'supabase_realtime_messages_publication'];

const identity = (v: unknown) => v;

/** pgoutput with text values left as text, from a temporary slot created on the same connection. */
class TemporarySlotPlugin extends PgoutputPlugin {
  override parse(buffer: Buffer): Pgoutput.Message {
    const message = super.parse(buffer);
    // Values stay Postgres text: the dispatcher casts them to the column types in SQL.
    if (message.tag === 'relation') for (const column of message.columns) column.parser = identity;
    return message;
  }

  override async start(client: pg.Client, slotName: string, lastLsn: string): Promise<unknown> {
    await client.query(`CREATE_REPLICATION_SLOT "${slotName}" TEMPORARY LOGICAL pgoutput`);
    return super.start(client, slotName, lastLsn);
  }
}

function isoFromMicros(micros: bigint): string {
  return new Date(Number(micros / 1000n)).toISOString();
}

export class ReplicationStream {
  private service: LogicalReplicationService | null = null;
  private stopped = false;
  private commitTimestamp = new Date(0).toISOString();
  private xid = 0;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly dbUrl: string,
    private readonly onChange: (change: WalChange) => Promise<void>,
    private readonly onRelation: (relation: Pgoutput.MessageRelation) => void,
    private readonly log: (line: string) => void,
  ) {}

  async start(): Promise<void> {
    const service = new LogicalReplicationService(
      { connectionString: this.dbUrl },
      { acknowledge: { auto: true, timeoutSeconds: 10 }, flowControl: { enabled: true } },
    );
    this.service = service;
    service.on('data', (_lsn: string, message: Pgoutput.Message) => this.handle(message));
    service.on('error', (err: Error) => this.restart(err));
    const slot = `atrium_realtime_${process.pid}_${randomBytes(4).toString('hex')}`;
    const plugin = new TemporarySlotPlugin({ protoVersion: 1, publicationNames: PUBLICATIONS });
    await new Promise<void>((resolve, reject) => {
      service.once('start', () => resolve());
      service.subscribe(plugin, slot).catch((err: Error) => {
        reject(err);
        this.restart(err);
      });
    });
    this.log(`realtime: replication slot ${slot} streaming (${PUBLICATIONS.join(', ')})`);
  }

  private async handle(message: Pgoutput.Message): Promise<void> {
    try {
      switch (message.tag) {
        case 'begin':
          this.commitTimestamp = isoFromMicros(message.commitTime as bigint);
          this.xid = message.xid;
          return;
        case 'relation':
          this.onRelation(message);
          return;
        case 'insert':
          return await this.onChange({ action: 'INSERT', relation: message.relation, record: message.new, old: null, key: null, commitTimestamp: this.commitTimestamp, xid: this.xid });
        case 'update':
          return await this.onChange({ action: 'UPDATE', relation: message.relation, record: message.new, old: message.old, key: message.key, commitTimestamp: this.commitTimestamp, xid: this.xid });
        case 'delete':
          return await this.onChange({ action: 'DELETE', relation: message.relation, record: null, old: message.old, key: message.key, commitTimestamp: this.commitTimestamp, xid: this.xid });
        default:
          return;
      }
    } catch (err) {
      this.log(`realtime: change on ${'relation' in message ? message.relation.schema + '.' + message.relation.name : message.tag} not delivered: ${(err as Error).message}`);
    }
  }

  private restart(err: Error): void {
    if (this.stopped || this.retry) return;
    this.log(`realtime: replication stopped (${err.message}); retrying in 2s`);
    void this.service?.destroy().catch(() => {});
    this.service = null;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.stopped) this.start().catch((e: Error) => this.restart(e));
    }, 2000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.service?.destroy().catch(() => {});
  }
}
