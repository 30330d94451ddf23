type Auth = (typeof import('./auth-client'))['auth'];

/**
 * The auth client, loaded on first use. Pages that render before anyone is signed in (sign-in,
 * sign-up, password reset) import this instead of ./auth-client, so auth-js is not part of the
 * JavaScript they need to appear; `prefetchAuth` warms it while the visitor types.
 */
export function loadAuth(): Promise<Auth> {
  return import('./auth-client').then((m) => m.auth);
}

export function prefetchAuth(): void {
  const idle = (window as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
  idle(() => void loadAuth());
}
