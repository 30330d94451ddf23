// Realtime (`/realtime/v1`): the Phoenix websocket realtime-js speaks (broadcast, presence,
// postgres_changes under the subscriber's RLS, private channels) and REST broadcast. Changes come from
// logical replication; the channel protocol never touches the change source directly.
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ServiceDeps } from '../services.ts';
import type { Service } from '../gateway/service.ts';
import type { RequestContext } from '../gateway/context.ts';
import { ChangeDispatcher } from './changes.ts';
import { Channel, MAX_PAYLOAD_BYTES } from './channel.ts';
import { Hub } from './hub.ts';
import { parseVsn } from './protocol.ts';
import { Relations } from './relations.ts';
import { ReplicationStream, type Row } from './replication.ts';
import { handleRest } from './rest.ts';
import { Connection } from './socket.ts';

function refuse(socket: Duplex, status: number, statusText: string, message: string): void {
  const body = JSON.stringify({ error: message });
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** A committed realtime.messages row (realtime.send, broadcast_changes) goes out as a broadcast. */
function broadcastMessageRow(hub: Hub, row: Row): void {
  if (row.extension !== 'broadcast' || !row.topic || !row.event) return;
  let payload: unknown;
  try {
    payload = row.payload ? JSON.parse(row.payload) : {};
  } catch {
    return;
  }
  hub.broadcast(`realtime:${row.topic}`, row.private === 't', { type: 'broadcast', event: row.event, payload, meta: { id: row.id } });
}

export default async function createRealtime({ config, db, log }: ServiceDeps): Promise<Service> {
  const hub = new Hub();
  const secret = new TextEncoder().encode(config.jwtSecret);
  const relations = new Relations(db);
  const dispatcher = new ChangeDispatcher(
    db,
    relations,
    () => hub.all().filter((m): m is Channel => m instanceof Channel && m.bindings.length > 0),
    (row) => broadcastMessageRow(hub, row),
    log,
  );
  // Upstream keeps a few days of realtime.messages (daily partitions); trim older rows at start.
  await db.pool
    .query(`delete from realtime.messages where inserted_at < now() - interval '3 days'`)
    .catch((err: Error) => log(`realtime: could not trim realtime.messages: ${err.message}`));
  const stream = new ReplicationStream(db.url, (change) => dispatcher.enqueue(change), (relation) => relations.invalidate(relation.relationOid), log);
  await stream.start().catch((err: Error) => log(`realtime: replication did not start: ${err.message}`));

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES * 2 });
  const connections = new Set<Connection>();

  function upgrade(req: Parameters<NonNullable<Service['upgrade']>>[0], socket: Duplex, head: Buffer, ctx: RequestContext): void {
    if (ctx.path !== '/websocket' && ctx.path !== '/websocket/') return refuse(socket, 404, 'Not Found', 'Not Found');
    const vsn = parseVsn(new URLSearchParams(ctx.rawQuery).get('vsn'));
    if (!vsn) return refuse(socket, 400, 'Bad Request', 'Unsupported serializer version');
    if (!ctx.apikey && !ctx.token) return refuse(socket, 401, 'Unauthorized', 'API key is missing');
    if (ctx.jwtProblem) {
      return refuse(socket, 401, 'Unauthorized', ctx.jwtProblem.kind === 'claims' ? 'Token has expired' : 'The token provided is not a valid JWT');
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new Connection(ws, vsn, ctx, { db, hub, secret, log });
      connections.add(connection);
      ws.on('close', () => connections.delete(connection));
    });
  }

  return {
    name: 'realtime',
    prefix: '/realtime/v1',
    handle: (req, res, ctx) => handleRest(req, res, ctx, db, hub),
    upgrade,
    async close() {
      for (const connection of connections) connection.close(1001, 'server shutting down');
      wss.close();
      await stream.stop();
    },
  };
}
