// Who is joined to which topic, and presence per topic. Public and private channels with the same
// name are separate topics. One stack process serves every socket, so this lives in memory.
import { randomBytes } from 'node:crypto';
import type { Frame } from './protocol.ts';

export interface Member {
  /** `realtime:<name>` as the client sent it. */
  readonly topic: string;
  readonly isPrivate: boolean;
  readonly joinRef: string | null;
  readonly presenceKey: string;
  readonly presenceEnabled: boolean;
  canRead(extension: 'broadcast' | 'presence'): boolean;
  send(frame: Frame): void;
}

interface PresenceEntry {
  key: string;
  meta: Record<string, unknown> & { phx_ref: string };
  /** The payload as tracked, to make a repeated identical track a no-op. */
  json: string;
}

type PresenceMap = Record<string, { metas: Array<Record<string, unknown>> }>;

export function topicKey(topic: string, isPrivate: boolean): string {
  return `${isPrivate ? 'private' : 'public'}|${topic}`;
}

function presenceRef(): string {
  return randomBytes(9).toString('base64url');
}

function group(entries: Array<{ key: string; meta: Record<string, unknown> }>): PresenceMap {
  const out: PresenceMap = {};
  for (const { key, meta } of entries) (out[key] ??= { metas: [] }).metas.push(meta);
  return out;
}

export class Hub {
  private readonly topics = new Map<string, Set<Member>>();
  private readonly presence = new Map<string, Map<Member, PresenceEntry>>();

  add(member: Member): void {
    const key = topicKey(member.topic, member.isPrivate);
    let set = this.topics.get(key);
    if (!set) this.topics.set(key, (set = new Set()));
    set.add(member);
  }

  remove(member: Member): void {
    const key = topicKey(member.topic, member.isPrivate);
    this.untrack(member);
    const set = this.topics.get(key);
    set?.delete(member);
    if (set?.size === 0) this.topics.delete(key);
  }

  members(topic: string, isPrivate: boolean): Member[] {
    return [...(this.topics.get(topicKey(topic, isPrivate)) ?? [])];
  }

  all(): Member[] {
    return [...this.topics.values()].flatMap((set) => [...set]);
  }

  /** Fans a broadcast out to readers of the topic; `except` is the sender when `self` is off. */
  broadcast(topic: string, isPrivate: boolean, payload: Record<string, unknown>, except?: Member): number {
    let delivered = 0;
    for (const member of this.members(topic, isPrivate)) {
      if (member === except || !member.canRead('broadcast')) continue;
      member.send({ joinRef: null, ref: null, topic, event: 'broadcast', payload });
      delivered++;
    }
    return delivered;
  }

  presenceState(member: Member): PresenceMap {
    const entries = this.presence.get(topicKey(member.topic, member.isPrivate));
    return group([...(entries?.values() ?? [])]);
  }

  /** Tracks or updates `member`'s presence; returns false when nothing changed. */
  track(member: Member, payload: Record<string, unknown>): boolean {
    const key = topicKey(member.topic, member.isPrivate);
    let entries = this.presence.get(key);
    if (!entries) this.presence.set(key, (entries = new Map()));
    const json = JSON.stringify(payload);
    const previous = entries.get(member);
    if (previous?.json === json) return false;
    const meta = { ...payload, phx_ref: presenceRef() };
    entries.set(member, { key: member.presenceKey, meta, json });
    const joinMeta = previous ? { ...meta, phx_ref_prev: previous.meta.phx_ref } : meta;
    this.diff(member, group([{ key: member.presenceKey, meta: joinMeta }]), previous ? group([previous]) : {});
    return true;
  }

  untrack(member: Member): void {
    const key = topicKey(member.topic, member.isPrivate);
    const entries = this.presence.get(key);
    const previous = entries?.get(member);
    if (!entries || !previous) return;
    entries.delete(member);
    if (entries.size === 0) this.presence.delete(key);
    this.diff(member, {}, group([previous]));
  }

  private diff(source: Member, joins: PresenceMap, leaves: PresenceMap): void {
    for (const member of this.members(source.topic, source.isPrivate)) {
      if (!member.presenceEnabled || !member.canRead('presence')) continue;
      member.send({ joinRef: null, ref: null, topic: source.topic, event: 'presence_diff', payload: { joins, leaves } });
    }
  }
}
