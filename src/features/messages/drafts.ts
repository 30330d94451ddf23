// Drafts are kept per channel in localStorage, so a half-written message survives moving to another
// channel and reloading the page. Storage errors (private mode, quota) only lose the draft.

const PREFIX = 'atrium.draft.';
/** Drafts older than this are dropped when read. */
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

interface Stored {
  body: string;
  savedAt: number;
}

const keyFor = (channelId: string) => `${PREFIX}${channelId}`;

export function readDraft(channelId: string, storage: Storage = localStorage, now = Date.now()): string {
  try {
    const raw = storage.getItem(keyFor(channelId));
    if (!raw) return '';
    const stored = JSON.parse(raw) as Partial<Stored>;
    if (typeof stored.body !== 'string' || typeof stored.savedAt !== 'number' || now - stored.savedAt > MAX_AGE_MS) {
      storage.removeItem(keyFor(channelId));
      return '';
    }
    return stored.body;
  } catch {
    return '';
  }
}

/** Saves the draft; an empty (or blank) body removes it. */
export function writeDraft(channelId: string, body: string, storage: Storage = localStorage, now = Date.now()): void {
  try {
    if (!body.trim()) storage.removeItem(keyFor(channelId));
    else storage.setItem(keyFor(channelId), JSON.stringify({ body, savedAt: now } satisfies Stored));
  } catch {
    // Storage full or unavailable: the draft lives only as long as the page.
  }
}

export function clearDraft(channelId: string, storage: Storage = localStorage): void {
  writeDraft(channelId, '', storage);
}
