import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from './ui/confirm-dialog';

/**
 * Keeps unsaved edits from being lost: while `when` holds, leaving the page inside the app asks
 * first, and closing or reloading the tab triggers the browser's own warning.
 * Returns the dialog to render and `allowNavigation`, for a handler that has just saved or deleted
 * and navigates away in the same tick (before `when` re-renders as false).
 */
export function useUnsavedChangesGuard(when: boolean): { dialog: React.ReactNode; allowNavigation: () => void } {
  const active = useRef(when);
  const bypass = useRef(false);
  useEffect(() => {
    active.current = when;
    if (when) bypass.current = false;
  });
  const blocker = useBlocker(({ currentLocation, nextLocation }) => active.current && !bypass.current && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);

  const dialog = (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title="Leave without saving?"
      description="Your changes on this page have not been saved and will be lost."
      confirmLabel="Discard changes"
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    />
  );
  return {
    dialog,
    allowNavigation: () => {
      bypass.current = true;
    },
  };
}
