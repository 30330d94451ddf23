// Phoenix channel frames as realtime-js speaks them. vsn 1.0.0: a JSON object per text frame;
// vsn 2.0.0: a JSON array `[join_ref, ref, topic, event, payload]` per text frame, plus binary
// "user broadcast push" frames (kind 3) that current clients use for every `channel.send()`.
// The server only ever answers with text frames, which every client version decodes.

export type Vsn = '1.0.0' | '2.0.0';

export interface Frame {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: unknown;
}

export class ProtocolError extends Error {}

const KIND_USER_BROADCAST_PUSH = 3;
const JSON_ENCODING = 1;

export function parseVsn(value: string | null): Vsn | null {
  if (value === null || value === '' || value === '1.0.0') return '1.0.0';
  if (value === '2.0.0') return '2.0.0';
  return null;
}

function asRef(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new ProtocolError('ref must be a string');
}

function checkFrame(frame: Frame): Frame {
  if (typeof frame.topic !== 'string' || typeof frame.event !== 'string') throw new ProtocolError('topic and event must be strings');
  return frame;
}

export function decodeText(text: string, vsn: Vsn): Frame {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ProtocolError('invalid JSON');
  }
  if (Array.isArray(parsed)) {
    if (vsn !== '2.0.0' || parsed.length !== 5) throw new ProtocolError('unexpected array frame');
    const [joinRef, ref, topic, event, payload] = parsed as unknown[];
    return checkFrame({ joinRef: asRef(joinRef), ref: asRef(ref), topic: topic as string, event: event as string, payload });
  }
  if (parsed === null || typeof parsed !== 'object') throw new ProtocolError('frame must be an object');
  const obj = parsed as Record<string, unknown>;
  return checkFrame({
    joinRef: asRef(obj.join_ref),
    ref: asRef(obj.ref),
    topic: obj.topic as string,
    event: obj.event as string,
    payload: obj.payload,
  });
}

/** Binary kind 3 (client → server): becomes a `broadcast` push with `{type, event, payload}`. */
export function decodeBinary(buf: Buffer): Frame {
  if (buf.length < 7 || buf[0] !== KIND_USER_BROADCAST_PUSH) throw new ProtocolError(`unsupported binary frame kind ${buf[0]}`);
  const lengths = [buf[1]!, buf[2]!, buf[3]!, buf[4]!, buf[5]!];
  const encoding = buf[6]!;
  let offset = 7;
  const fields: string[] = [];
  for (const len of lengths) {
    if (offset + len > buf.length) throw new ProtocolError('truncated binary frame');
    fields.push(buf.subarray(offset, offset + len).toString('utf8'));
    offset += len;
  }
  const [joinRef, ref, topic, userEvent, metadata] = fields as [string, string, string, string, string];
  const body = buf.subarray(offset);
  let payload: unknown;
  if (encoding === JSON_ENCODING) {
    try {
      payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      throw new ProtocolError('invalid JSON in binary broadcast');
    }
  } else {
    payload = Buffer.from(body);
  }
  let meta: Record<string, unknown> = {};
  if (metadata) {
    try {
      meta = JSON.parse(metadata) as Record<string, unknown>;
    } catch {
      throw new ProtocolError('invalid metadata in binary broadcast');
    }
  }
  return {
    joinRef: joinRef || null,
    ref: ref || null,
    topic,
    event: 'broadcast',
    payload: { ...meta, type: 'broadcast', event: userEvent, payload },
  };
}

const KIND_USER_BROADCAST = 4;

/** Binary kind 4 (server → client) for a broadcast whose payload is raw bytes. */
function encodeRawBroadcast(topic: string, event: string, meta: unknown, bytes: Buffer): Buffer {
  const parts = [Buffer.from(topic), Buffer.from(event), Buffer.from(meta ? JSON.stringify(meta) : '')];
  if (parts.some((p) => p.length > 255)) throw new ProtocolError('binary broadcast header field too long');
  const header = Buffer.from([KIND_USER_BROADCAST, parts[0]!.length, parts[1]!.length, parts[2]!.length, 0]);
  return Buffer.concat([header, ...parts, bytes]);
}

/** Text frames always; a kind 4 binary frame only for raw-byte broadcasts under vsn 2.0.0. */
export function encode(frame: Frame, vsn: Vsn): string | Buffer {
  const p = frame.payload as { event?: unknown; payload?: unknown; meta?: unknown } | null;
  if (frame.event === 'broadcast' && p && Buffer.isBuffer(p.payload)) {
    if (vsn === '2.0.0') return encodeRawBroadcast(frame.topic, String(p.event), p.meta, p.payload);
    frame = { ...frame, payload: { ...p, payload: p.payload.toString('base64') } };
  }
  if (vsn === '2.0.0') return JSON.stringify([frame.joinRef, frame.ref, frame.topic, frame.event, frame.payload]);
  return JSON.stringify({ join_ref: frame.joinRef, ref: frame.ref, topic: frame.topic, event: frame.event, payload: frame.payload });
}

export function reply(frame: Frame, status: 'ok' | 'error', response: unknown): Frame {
  return { joinRef: frame.joinRef, ref: frame.ref, topic: frame.topic, event: 'phx_reply', payload: { status, response } };
}
