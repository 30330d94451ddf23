// The clean-up itself, apart from HTTP: files in the attachments bucket whose attachments row is gone
// are removed in batches, then rows whose upload never arrived (after a day) are deleted. Both
// steps are recomputed from the database on every run, so running twice, or again after a failure
// half-way, only finishes the work.

export const BUCKET = 'attachments';

interface Result<T> {
  data: T | null;
  error: { message: string } | null;
}

/** The slice of a service-role supabase-js client this job uses. */
export interface CleanClient {
  rpc(fn: string, args?: Record<string, unknown>): PromiseLike<Result<unknown>>;
  storage: { from(bucket: string): { remove(paths: string[]): PromiseLike<Result<Array<{ name: string }>>> } };
}

export interface CleanOptions {
  /** Object names asked for per round (the RPC caps it at 1000). */
  maxRows?: number;
  /** Names per Storage delete request. */
  batchSize?: number;
  /** Rounds per run, so one run stays bounded however much waits; the next run takes the rest. */
  maxRounds?: number;
}

export interface CleanReport {
  removed_objects: number;
  failed_objects: number;
  deleted_rows: number;
  rounds: number;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function cleanAttachments(db: CleanClient, options: CleanOptions = {}): Promise<CleanReport> {
  const maxRows = options.maxRows ?? 500;
  const batchSize = options.batchSize ?? 100;
  const maxRounds = options.maxRounds ?? 10;
  let removed = 0;
  let rounds = 0;
  // Files this run tried and that are still there: not asked for again, and the next listing
  // reaches past them (the list is oldest first), so one stuck file never blocks the rest.
  const stuck = new Set<string>();
  const failed = new Set<string>();

  while (rounds < maxRounds && stuck.size < 1000) {
    const wanted = Math.min(1000, maxRows + stuck.size);
    const { data, error } = await db.rpc('stale_attachment_objects', { max_rows: wanted });
    if (error) throw new Error(`stale_attachment_objects: ${error.message}`);
    const listed = (data ?? []) as string[];
    const names = listed.filter((n) => !stuck.has(n));
    if (!names.length) break;
    rounds++;
    for (const batch of chunk(names, batchSize)) {
      const result = await db.storage.from(BUCKET).remove(batch);
      if (result.error) {
        console.error(`clean-attachments: removing ${batch.length} files failed: ${result.error.message}`);
        batch.forEach((n) => (failed.add(n), stuck.add(n)));
        continue;
      }
      // Storage answers with the objects it deleted; one a parallel run took first is simply gone.
      const deleted = new Set((result.data ?? []).map((o) => o.name));
      removed += deleted.size;
      batch.filter((n) => !deleted.has(n)).forEach((n) => stuck.add(n));
    }
    if (listed.length < wanted) break;
  }

  const abandoned = await db.rpc('delete_abandoned_attachments');
  if (abandoned.error) throw new Error(`delete_abandoned_attachments: ${abandoned.error.message}`);
  return { removed_objects: removed, failed_objects: failed.size, deleted_rows: Number(abandoned.data ?? 0), rounds };
}
