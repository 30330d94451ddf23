// Reload on file change: a change under `<functionsDir>/<name>/` restarts that function's worker;
// a change anywhere else in the folder (e.g. `_shared/`) restarts every worker from that folder.
import { existsSync, watch, type FSWatcher } from 'node:fs';

/** The function a changed path (relative to the functions folder) belongs to, or null for shared code. */
export function functionOfChange(relativePath: string): string | null {
  const [first, ...rest] = relativePath.split(/[\\/]/);
  if (!first || rest.length === 0 || first.startsWith('_') || first.startsWith('.')) return null;
  return first;
}

export function watchFunctions(
  dirs: string[],
  onChange: (dir: string, fn: string | null) => void,
  log: (line: string) => void,
): () => void {
  const watchers: FSWatcher[] = [];
  const pending = new Map<string, NodeJS.Timeout>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    try {
      const watcher = watch(dir, { recursive: true }, (_event, file) => {
        if (!file) return;
        const fn = functionOfChange(String(file));
        const key = `${dir}\0${fn ?? ''}`;
        clearTimeout(pending.get(key));
        // Editors write a file in several steps; act once they are done.
        pending.set(key, setTimeout(() => (pending.delete(key), onChange(dir, fn)), 100));
      });
      watcher.on('error', (err) => log(`functions: watching ${dir} failed: ${err.message}`));
      watchers.push(watcher);
    } catch (err) {
      log(`functions: cannot watch ${dir}: ${(err as Error).message}`);
    }
  }
  return () => {
    for (const w of watchers) w.close();
    for (const t of pending.values()) clearTimeout(t);
  };
}
