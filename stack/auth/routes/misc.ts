// GET /settings, /health and /.well-known/jwks.json (GoTrue settings.go, health, jwks.go).
import type { AuthApp } from '../app.ts';
import { validation } from '../errors.ts';
import { sendJson, type AuthRequest } from '../http.ts';
import type { AuthSettings } from '../settings.ts';

const OAUTH_PROVIDERS = ['apple', 'azure', 'bitbucket', 'discord', 'facebook', 'snapchat', 'figma', 'fly', 'github', 'gitlab', 'google', 'keycloak', 'kakao', 'linkedin', 'linkedin_oidc', 'notion', 'spotify', 'slack', 'slack_oidc', 'workos', 'twitch', 'twitter'];

export function publicSettings(s: AuthSettings): Record<string, unknown> {
  const external: Record<string, boolean> = { anonymous_users: s.enableAnonymous };
  for (const p of OAUTH_PROVIDERS) external[p] = false;
  Object.assign(external, { email: s.emailEnabled, phone: false, zoom: false });
  return {
    external,
    disable_signup: !s.enableSignup,
    mailer_autoconfirm: s.autoconfirm,
    phone_autoconfirm: false,
    sms_provider: 'twilio',
    saml_enabled: false,
    saml_private_key_next_configured: false,
    passkeys_enabled: false,
  };
}

export async function settings(app: AuthApp, r: AuthRequest): Promise<void> {
  sendJson(r.res, 200, publicSettings(app.settings));
}

export async function health(_app: AuthApp, r: AuthRequest): Promise<void> {
  sendJson(r.res, 200, { version: 'v2.180.0', name: 'GoTrue', description: 'GoTrue is a user registration and authentication API' });
}

/** HS256 keys are secret, so the key set is empty and clients fall back to GET /user. */
export async function jwks(_app: AuthApp, r: AuthRequest): Promise<void> {
  sendJson(r.res, 200, { keys: [] }, { 'Cache-Control': 'public, max-age=600' });
}

/** OAuth sign-in is out of scope: every provider is disabled, as GoTrue answers then. */
export async function authorize(_app: AuthApp, r: AuthRequest): Promise<void> {
  const provider = (r.query.get('provider') ?? '').toLowerCase();
  const reason = OAUTH_PROVIDERS.includes(provider) || provider === 'x' ? 'provider is not enabled' : `Provider ${provider} could not be found`;
  throw validation(`Unsupported provider: ${reason}`);
}
