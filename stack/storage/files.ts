// Object bytes on disk under <dataDir>/storage. Each stored version is one file named by its
// version uuid, so object keys never become file-system paths (no traversal by construction) and a
// replaced object keeps its old bytes until the database row points at the new ones.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { copyFile, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { ERR } from './errors.ts';

export interface Received {
  tmpPath: string;
  size: number;
  /** md5 of the bytes, hex, as storage-api's file backend reports it in `eTag`. */
  md5: string;
}

export class FileStore {
  private readonly tmpDir: string;
  private readonly objectsDir: string;

  constructor(root: string) {
    this.tmpDir = join(root, 'tmp');
    this.objectsDir = join(root, 'objects');
    mkdirSync(this.tmpDir, { recursive: true });
    mkdirSync(this.objectsDir, { recursive: true });
  }

  pathOf(version: string): string {
    if (!/^[0-9a-f-]{36}$/.test(version)) throw ERR.noSuchKey();
    return join(this.objectsDir, version);
  }

  async size(version: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(version))).size;
    } catch {
      return null;
    }
  }

  /**
   * Writes `source` to a temp file. Past `limit` bytes it keeps reading (and discarding) to the end,
   * so the client gets the 413 answer instead of a reset connection, then throws EntityTooLarge.
   */
  async receive(source: Readable, limit: number): Promise<Received> {
    const tmpPath = join(this.tmpDir, randomUUID());
    const out = createWriteStream(tmpPath);
    const hash = createHash('md5');
    let size = 0;
    try {
      for await (const chunk of source) {
        size += (chunk as Buffer).length;
        if (size > limit) continue;
        hash.update(chunk as Buffer);
        if (!out.write(chunk)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');
      if (size > limit) throw ERR.tooLarge();
      return { tmpPath, size, md5: hash.digest('hex') };
    } catch (err) {
      out.destroy();
      await rm(tmpPath, { force: true });
      throw err;
    }
  }

  /** Moves a received temp file to its version's place. */
  async commit(tmpPath: string, version: string): Promise<void> {
    await rename(tmpPath, this.pathOf(version));
  }

  async copy(fromVersion: string, toVersion: string): Promise<void> {
    await copyFile(this.pathOf(fromVersion), this.pathOf(toVersion));
  }

  async discardTmp(tmpPath: string): Promise<void> {
    await rm(tmpPath, { force: true });
  }

  async remove(version: string | null | undefined): Promise<void> {
    if (version && /^[0-9a-f-]{36}$/.test(version)) await rm(this.pathOf(version), { force: true });
  }
}
