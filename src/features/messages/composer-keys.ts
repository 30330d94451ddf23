// What a key press in the composer means. Kept apart from the component so the rules are testable:
// Enter sends, Shift+Enter is a new line, Up in an empty composer
// edits the last own message, Escape cancels an edit. While the mention menu is open, the arrows,
// Enter/Tab and Escape belong to the menu.

export type ComposerAction = 'send' | 'newline' | 'edit-last' | 'cancel' | 'menu-next' | 'menu-prev' | 'menu-pick' | 'menu-close' | null;

export interface ComposerKey {
  key: string;
  shiftKey: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  /** True while an IME composition is in progress (Enter then confirms the composition). */
  isComposing?: boolean;
}

export interface ComposerState {
  text: string;
  menuOpen: boolean;
  editing: boolean;
}

export function composerAction(event: ComposerKey, state: ComposerState): ComposerAction {
  if (event.isComposing) return null;
  if (state.menuOpen) {
    if (event.key === 'ArrowDown') return 'menu-next';
    if (event.key === 'ArrowUp') return 'menu-prev';
    if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') return 'menu-pick';
    if (event.key === 'Escape') return 'menu-close';
  }
  if (event.key === 'Enter') {
    if (event.shiftKey) return 'newline';
    if (event.altKey || event.ctrlKey || event.metaKey) return null;
    return 'send';
  }
  if (event.key === 'Escape' && state.editing) return 'cancel';
  if (event.key === 'ArrowUp' && !state.editing && state.text === '' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) return 'edit-last';
  return null;
}
