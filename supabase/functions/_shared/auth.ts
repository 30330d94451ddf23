// Who is calling: the role claim of the caller's JWT. With verify_jwt on (the default), the gateway
// has already checked the signature, so reading the payload here is enough to tell roles apart.

/** The `role` claim of the Bearer token (anon, authenticated, service_role), or null without one. */
export function callerRole(req: Request): string | null {
  const token = req.headers.get('Authorization')?.replace(/^Bearer\s+/i, '') ?? '';
  try {
    const payload = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '='))).role ?? null;
  } catch {
    return null;
  }
}
