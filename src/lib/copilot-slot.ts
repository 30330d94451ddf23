import { useSyncExternalStore, type ComponentType } from 'react';

/**
 * The shell's slot for an assistant panel. A module registers its panel component once; the shell shows
 * a toggle and the panel only when one is registered, so there is never an empty panel.
 */
export interface CopilotPanel {
  label: string;
  Panel: ComponentType<{ onClose: () => void }>;
}

let panel: CopilotPanel | null = null;
const listeners = new Set<() => void>();

export function registerCopilotPanel(next: CopilotPanel | null): void {
  panel = next;
  listeners.forEach((l) => l());
}

export function useCopilotPanel(): CopilotPanel | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => panel,
  );
}
