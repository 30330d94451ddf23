// One websocket: decodes frames, answers heartbeats, joins channels (token, private-channel policy,
// bindings) and routes every other push to its joined channel. Frames are handled one at a time so a
// join completes before the pushes that follow it.
import type { WebSocket } from 'ws';
import type { RequestContext } from '../gateway/context.ts';
import type { Database } from '../db/database.ts';
import { readPermissions, type ReadPermissions } from './authorization.ts';
import { activateBindings, readBindings } from './bindings.ts';
import { Channel, readConfig } from './channel.ts';
import type { Hub } from './hub.ts';
import { decodeBinary, decodeText, encode, ProtocolError, reply, type Frame, type Vsn } from './protocol.ts';
import { expiredMessage, fromContext, usableToken, verifyToken, type ChannelAuth } from './tokens.ts';

export interface SocketDeps {
  db: Database;
  hub: Hub;
  secret: Uint8Array;
  log: (line: string) => void;
}

/** Phoenix drops a socket that sent nothing (not even a heartbeat) for this long. */
const IDLE_TIMEOUT_MS = 60_000;

export class Connection {
  private readonly channels = new Map<string, Channel>();
  private queue: Promise<void> = Promise.resolve();
  private lastSeen = Date.now();
  private readonly idleTimer: NodeJS.Timeout;

  constructor(
    private readonly ws: WebSocket,
    private readonly vsn: Vsn,
    private readonly ctx: RequestContext,
    private readonly deps: SocketDeps,
  ) {
    ws.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    ws.on('close', () => this.disposeAll());
    ws.on('error', () => this.disposeAll());
    this.idleTimer = setInterval(() => {
      if (Date.now() - this.lastSeen > IDLE_TIMEOUT_MS) ws.terminate();
    }, 10_000);
    this.idleTimer.unref();
  }

  send(frame: Frame): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(encode(frame, this.vsn));
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  private receive(data: Buffer, isBinary: boolean): void {
    this.lastSeen = Date.now();
    let frame: Frame;
    try {
      frame = isBinary ? decodeBinary(data) : decodeText(data.toString('utf8'), this.vsn);
    } catch (err) {
      this.deps.log(`realtime: dropped a malformed frame: ${err instanceof ProtocolError ? err.message : String(err)}`);
      return;
    }
    this.queue = this.queue
      .then(() => this.handle(frame))
      .catch((err: Error) => this.deps.log(`realtime: ${frame.event} on ${frame.topic} failed: ${err.stack ?? err.message}`));
  }

  private async handle(frame: Frame): Promise<void> {
    if (frame.topic === 'phoenix') {
      if (frame.event === 'heartbeat') this.send(reply(frame, 'ok', {}));
      return;
    }
    if (frame.event === 'phx_join') return this.join(frame);
    const channel = this.channels.get(frame.topic);
    if (!channel) {
      if (frame.ref !== null) this.send(reply(frame, 'error', { reason: 'unmatched topic' }));
      return;
    }
    switch (frame.event) {
      case 'phx_leave':
        return channel.leave(frame);
      case 'broadcast':
        return channel.broadcast(frame);
      case 'presence':
        return channel.presence(frame);
      case 'access_token':
        return this.accessToken(channel, frame);
      default:
        return;
    }
  }

  private async resolveAuth(payload: Record<string, unknown>): Promise<{ auth: ChannelAuth } | { reason: string }> {
    const token = usableToken(payload.access_token);
    if (token) {
      const result = await verifyToken(token, this.deps.secret);
      return 'auth' in result ? result : { reason: `${result.code}: ${result.message}` };
    }
    const auth = fromContext(this.ctx);
    if (auth.exp !== null && auth.exp * 1000 <= Date.now()) return { reason: `InvalidJWTToken: ${expiredMessage(auth.exp)}` };
    return { auth };
  }

  private refuseJoin(frame: Frame, reason: string): void {
    this.deps.log(`realtime: join ${frame.topic} refused: ${reason}`);
    this.send(reply(frame, 'error', { reason }));
  }

  private async join(frame: Frame): Promise<void> {
    const { topic } = frame;
    if (!topic.startsWith('realtime:')) return this.send(reply(frame, 'error', { reason: 'unmatched topic' }));
    const subTopic = topic.slice('realtime:'.length);
    if (subTopic === '') return this.refuseJoin(frame, 'TopicNameRequired: You must provide a topic name');
    const payload = (frame.payload && typeof frame.payload === 'object' ? frame.payload : {}) as Record<string, unknown>;
    const config = readConfig(payload.config);
    const resolved = await this.resolveAuth(payload);
    if ('reason' in resolved) return this.refuseJoin(frame, resolved.reason);
    const { auth } = resolved;

    let permissions: ReadPermissions = { broadcast: true, presence: true };
    if (config.isPrivate) {
      permissions = await readPermissions(this.deps.db, auth, subTopic, config.presenceEnabled);
      if (!permissions.broadcast && !permissions.presence) {
        return this.refuseJoin(frame, `Unauthorized: You do not have permissions to read from this Channel topic: ${subTopic}`);
      }
    }
    // A second join of the same topic on one socket replaces the older one.
    this.channels.get(topic)?.close();

    const bindings = readBindings(payload.config);
    const channel = new Channel(topic, frame.joinRef, config, auth, permissions, bindings, {
      db: this.deps.db,
      hub: this.deps.hub,
      send: (f) => this.send(f),
      log: this.deps.log,
      onStop: (c) => {
        if (this.channels.get(c.topic) === c) this.channels.delete(c.topic);
      },
    });
    this.channels.set(topic, channel);
    this.deps.hub.add(channel);
    this.send(reply(frame, 'ok', { postgres_changes: bindings.map((b) => ({ ...b.raw, id: b.id })) }));
    if (config.presenceEnabled && channel.canRead('presence')) {
      this.send({ joinRef: frame.joinRef, ref: null, topic, event: 'presence_state', payload: this.deps.hub.presenceState(channel) });
    }
    if (bindings.length) void this.subscribePostgres(channel);
  }

  private async subscribePostgres(channel: Channel): Promise<void> {
    let error: string | null;
    try {
      error = await activateBindings(this.deps.db, channel.bindings, channel.auth.role);
    } catch (err) {
      error = `Unable to subscribe to changes: An exception happened: ${(err as Error).message}`;
    }
    const ok = error === null;
    channel.send({
      joinRef: channel.joinRef,
      ref: null,
      topic: channel.topic,
      event: 'system',
      payload: { extension: 'postgres_changes', status: ok ? 'ok' : 'error', message: ok ? 'Subscribed to PostgreSQL' : error, channel: channel.subTopic },
    });
  }

  /** No reply; ignored for `sb_` keys, null and an unchanged token (as upstream). */
  private async accessToken(channel: Channel, frame: Frame): Promise<void> {
    const token = usableToken((frame.payload as { access_token?: unknown } | null)?.access_token);
    if (!token || token === channel.auth.token) return;
    const result = await verifyToken(token, this.deps.secret);
    if (!('auth' in result)) return channel.stop(result.message);
    await channel.updateAuth(result.auth, () => readPermissions(this.deps.db, result.auth, channel.subTopic, channel.presenceEnabled));
  }

  private disposeAll(): void {
    clearInterval(this.idleTimer);
    for (const channel of [...this.channels.values()]) channel.dispose();
    this.channels.clear();
  }
}
