import { describe, expect, it } from 'vitest';
import { decodeBinary, decodeText, encode, parseVsn, ProtocolError } from './protocol.ts';

/** A kind 3 frame exactly as realtime-js's serializer builds it. */
function userBroadcastPush(joinRef: string, ref: string, topic: string, event: string, payload: Buffer, encoding = 1, meta = ''): Buffer {
  const fields = [joinRef, ref, topic, event, meta].map((s) => Buffer.from(s));
  return Buffer.concat([Buffer.from([3, ...fields.map((f) => f.length), encoding]), ...fields, payload]);
}

describe('realtime protocol frames', () => {
  it('decodes 2.0.0 array frames and 1.0.0 object frames', () => {
    expect(decodeText('["1","2","realtime:a","phx_join",{"x":1}]', '2.0.0')).toEqual({ joinRef: '1', ref: '2', topic: 'realtime:a', event: 'phx_join', payload: { x: 1 } });
    expect(decodeText('{"join_ref":null,"ref":"7","topic":"phoenix","event":"heartbeat","payload":{}}', '1.0.0')).toEqual({
      joinRef: null, ref: '7', topic: 'phoenix', event: 'heartbeat', payload: {},
    });
  });

  it('rejects malformed frames', () => {
    expect(() => decodeText('not json', '2.0.0')).toThrow(ProtocolError);
    expect(() => decodeText('["1","2","t"]', '2.0.0')).toThrow(ProtocolError);
    expect(() => decodeText('["1","2","t","e",{}]', '1.0.0')).toThrow(ProtocolError);
    expect(() => decodeText('{"topic":1,"event":"e"}', '1.0.0')).toThrow(ProtocolError);
  });

  it('decodes kind 3 user broadcast pushes into broadcast pushes', () => {
    const frame = decodeBinary(userBroadcastPush('1', '5', 'realtime:room', 'cursor', Buffer.from('{"x":1}')));
    expect(frame).toEqual({ joinRef: '1', ref: '5', topic: 'realtime:room', event: 'broadcast', payload: { type: 'broadcast', event: 'cursor', payload: { x: 1 } } });
    const raw = decodeBinary(userBroadcastPush('1', '6', 'realtime:room', 'bytes', Buffer.from([1, 2, 3]), 0));
    expect((raw.payload as { payload: Buffer }).payload).toEqual(Buffer.from([1, 2, 3]));
    expect(() => decodeBinary(Buffer.from([0, 1, 2, 3, 4, 5, 6]))).toThrow(ProtocolError);
    expect(() => decodeBinary(userBroadcastPush('1', '5', 'realtime:room', 'cursor', Buffer.from('{bad')))).toThrow(ProtocolError);
  });

  it('encodes text frames per serializer, and raw-byte broadcasts as kind 4 under 2.0.0', () => {
    const frame = { joinRef: null, ref: null, topic: 'realtime:a', event: 'broadcast', payload: { type: 'broadcast', event: 'e', payload: { n: 1 } } };
    expect(encode(frame, '2.0.0')).toBe('[null,null,"realtime:a","broadcast",{"type":"broadcast","event":"e","payload":{"n":1}}]');
    expect(JSON.parse(encode(frame, '1.0.0') as string)).toEqual({ join_ref: null, ref: null, topic: 'realtime:a', event: 'broadcast', payload: frame.payload });
    const bin = encode({ ...frame, payload: { type: 'broadcast', event: 'e', payload: Buffer.from([9]) } }, '2.0.0') as Buffer;
    expect([...bin]).toEqual([4, 10, 1, 0, 0, ...Buffer.from('realtime:a'), ...Buffer.from('e'), 9]);
  });

  it('accepts the serializer versions realtime-js uses', () => {
    expect(parseVsn('2.0.0')).toBe('2.0.0');
    expect(parseVsn('1.0.0')).toBe('1.0.0');
    expect(parseVsn(null)).toBe('1.0.0');
    expect(parseVsn('3.0.0')).toBeNull();
  });
});
