// One joined channel on one socket: its config from `phx_join`, the current token, private-channel
// permissions, and what it does with broadcast, presence, access_token and leave pushes.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { canWrite, type Extension, type ReadPermissions } from './authorization.ts';
import type { Binding } from './bindings.ts';
import type { PgSubscriber } from './changes.ts';
import type { Hub, Member } from './hub.ts';
import { reply, type Frame } from './protocol.ts';
import { expiredMessage, type ChannelAuth } from './tokens.ts';

export interface ChannelConfig {
  self: boolean;
  ack: boolean;
  presenceKey: string;
  presenceEnabled: boolean;
  isPrivate: boolean;
}

export interface ChannelDeps {
  db: Database;
  hub: Hub;
  send(frame: Frame): void;
  /** Called when the channel stops, so the socket forgets it. */
  onStop(channel: Channel): void;
  log(line: string): void;
}

/** Upstream's tenant default: 3,000 KB per message. */
export const MAX_PAYLOAD_BYTES = 3000 * 1024;
const MAX_TIMER_MS = 2 ** 31 - 1;

function flag(value: unknown): boolean {
  return value === true;
}

export function readConfig(config: unknown): ChannelConfig {
  const c = (config ?? {}) as { broadcast?: Record<string, unknown>; presence?: Record<string, unknown>; private?: unknown };
  const key = c.presence?.key;
  return {
    self: flag(c.broadcast?.self),
    ack: flag(c.broadcast?.ack),
    presenceKey: typeof key === 'string' && key !== '' ? key : randomUUID(),
    presenceEnabled: flag(c.presence?.enabled),
    isPrivate: flag(c.private),
  };
}

function payloadBytes(value: unknown): number {
  if (Buffer.isBuffer(value)) return value.length;
  return Buffer.byteLength(JSON.stringify(value ?? null));
}

export class Channel implements Member, PgSubscriber {
  readonly subTopic: string;
  private readonly writeChecks = new Map<Extension, Promise<boolean>>();
  private expiryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    readonly topic: string,
    readonly joinRef: string | null,
    readonly config: ChannelConfig,
    public auth: ChannelAuth,
    public permissions: ReadPermissions,
    readonly bindings: Binding[],
    private readonly deps: ChannelDeps,
  ) {
    this.subTopic = topic.slice('realtime:'.length);
    this.armExpiry();
  }

  get isPrivate(): boolean {
    return this.config.isPrivate;
  }
  get presenceKey(): string {
    return this.config.presenceKey;
  }
  get presenceEnabled(): boolean {
    return this.config.presenceEnabled;
  }

  canRead(extension: Extension): boolean {
    return !this.isPrivate || this.permissions[extension];
  }

  send(frame: Frame): void {
    if (!this.stopped) this.deps.send(frame);
  }

  /** Private channels: the first send of each kind is checked with an INSERT as the user, then cached. */
  private mayWrite(extension: Extension): Promise<boolean> {
    if (!this.isPrivate) return Promise.resolve(true);
    let check = this.writeChecks.get(extension);
    if (!check) this.writeChecks.set(extension, (check = canWrite(this.deps.db, this.auth, this.subTopic, extension)));
    return check;
  }

  async broadcast(frame: Frame): Promise<void> {
    const p = (frame.payload ?? {}) as { event?: unknown; payload?: unknown };
    if (typeof p.event !== 'string') {
      if (this.config.ack) this.send(reply(frame, 'error', { reason: 'broadcast event must be a string' }));
      return;
    }
    if (payloadBytes(p.payload) > MAX_PAYLOAD_BYTES) {
      if (this.config.ack) this.send(reply(frame, 'error', { reason: 'Payload size exceeds tenant limit' }));
      return;
    }
    // Unauthorised private sends are dropped without a reply, even with `ack`.
    if (!(await this.mayWrite('broadcast'))) return;
    const message = { type: 'broadcast', event: p.event, payload: p.payload ?? {} };
    this.deps.hub.broadcast(this.topic, this.isPrivate, message, this.config.self ? undefined : this);
    if (this.config.ack) this.send(reply(frame, 'ok', {}));
  }

  async presence(frame: Frame): Promise<void> {
    const p = (frame.payload ?? {}) as { event?: unknown; payload?: unknown };
    if (p.event === 'untrack') {
      this.deps.hub.untrack(this);
      this.send(reply(frame, 'ok', {}));
      return;
    }
    if (p.event !== 'track') {
      this.send(reply(frame, 'error', { reason: 'Unknown presence event' }));
      return;
    }
    const payload = p.payload;
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      this.send(reply(frame, 'error', { reason: 'Presence track payload must be a map' }));
      return;
    }
    if (!(await this.mayWrite('presence'))) {
      this.send(reply(frame, 'error', { reason: `Unauthorized: You do not have permissions to write to this Channel topic: ${this.subTopic}` }));
      return;
    }
    this.deps.hub.track(this, payload as Record<string, unknown>);
    this.send(reply(frame, 'ok', {}));
  }

  /** A new token: private permissions and write checks are re-evaluated with it. */
  async updateAuth(auth: ChannelAuth, recheck: () => Promise<ReadPermissions | null>): Promise<void> {
    this.auth = auth;
    this.writeChecks.clear();
    this.armExpiry();
    if (!this.isPrivate) return;
    const permissions = await recheck();
    if (!permissions || (!permissions.broadcast && !permissions.presence)) {
      this.stop(`You no longer have permission to read from this Channel topic: ${this.subTopic}`);
      return;
    }
    this.permissions = permissions;
  }

  leave(frame: Frame): void {
    this.send(reply(frame, 'ok', {}));
    this.close();
  }

  /** A fatal condition after join: a `system` error, then `phx_close` (the client does not rejoin). */
  stop(message: string): void {
    this.deps.log(`realtime: channel ${this.topic} stopped: ${message}`);
    this.send({ joinRef: this.joinRef, ref: null, topic: this.topic, event: 'system', payload: { extension: 'system', status: 'error', message, channel: this.subTopic } });
    this.close();
  }

  /** `phx_close` with the join ref, then forget the channel. */
  close(): void {
    this.send({ joinRef: this.joinRef, ref: this.joinRef, topic: this.topic, event: 'phx_close', payload: {} });
    this.dispose();
  }

  /** Leaves the topic without telling the client (socket gone, or replaced by a newer join). */
  dispose(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.deps.hub.remove(this);
    this.deps.onStop(this);
  }

  private armExpiry(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    const exp = this.auth.exp;
    if (exp === null) return;
    const ms = exp * 1000 - Date.now();
    // setTimeout caps at ~24.8 days; a longer-lived token (the anon key) just re-arms.
    this.expiryTimer = setTimeout(() => (ms > MAX_TIMER_MS ? this.armExpiry() : this.stop(expiredMessage(exp))), Math.min(MAX_TIMER_MS, Math.max(0, ms)));
    this.expiryTimer.unref();
  }
}
