// The environment a function sees: what the edge runtime injects, then the project's secrets.
// Nothing of the host's environment leaks in (upstream strips HOME, PATH, PWD, HOSTNAME).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ANON_KEY, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY, STRIPE_LOCAL_SECRET_KEY, STRIPE_LOCAL_WEBHOOK_SECRET } from '../keys.ts';

export interface RuntimeEnvInput {
  apiUrl: string;
  dbUrl: string;
  secrets: Record<string, string>;
  /** Where Deno caches npm packages; shared across runs so only the first run downloads. */
  denoDir?: string;
}

/**
 * Without a real STRIPE_SECRET_KEY, functions talk to the stack's Stripe emulator (stack/stripe on
 * `/stripe`), which signs its webhook events with the local secret. A real key leaves all of this alone.
 */
export function stripeDefaults(apiUrl: string, secrets: Record<string, string>): Record<string, string> {
  if (secrets.STRIPE_SECRET_KEY) return {};
  return {
    STRIPE_SECRET_KEY: STRIPE_LOCAL_SECRET_KEY,
    STRIPE_API_BASE: `${apiUrl}/stripe`,
    STRIPE_WEBHOOK_SECRET: STRIPE_LOCAL_WEBHOOK_SECRET,
    STRIPE_PRICE_PRO: 'price_pro',
    STRIPE_PRICE_BUSINESS: 'price_business',
  };
}

export function functionEnv(input: RuntimeEnvInput): Record<string, string> {
  return {
    ...stripeDefaults(input.apiUrl, input.secrets),
    ...input.secrets,
    SUPABASE_URL: input.apiUrl,
    SUPABASE_ANON_KEY: ANON_KEY,
    SUPABASE_SERVICE_ROLE_KEY: SERVICE_ROLE_KEY,
    SUPABASE_DB_URL: input.dbUrl,
    SUPABASE_PUBLISHABLE_KEYS: JSON.stringify({ default: PUBLISHABLE_KEY }),
    SUPABASE_SECRET_KEYS: JSON.stringify({ default: SECRET_KEY }),
    DENO_DIR: input.denoDir ?? process.env.DENO_DIR ?? join(homedir(), '.cache', 'deno'),
    NO_COLOR: '1',
  };
}
