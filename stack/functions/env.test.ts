import { describe, expect, it } from 'vitest';
import { functionEnv } from './env.ts';

describe('functionEnv and Stripe', () => {
  it('points functions at the stack\'s Stripe emulator when no real key is set', () => {
    const env = functionEnv({ apiUrl: 'http://127.0.0.1:54321', dbUrl: 'postgres://x', secrets: { SITE_URL: 'http://app' } });
    expect(env).toMatchObject({
      STRIPE_SECRET_KEY: 'sk_test_local_atrium_stack_emulator',
      STRIPE_API_BASE: 'http://127.0.0.1:54321/stripe',
      STRIPE_WEBHOOK_SECRET: 'whsec_local_atrium_stack_emulator',
      STRIPE_PRICE_PRO: 'price_pro',
      SITE_URL: 'http://app',
    });
  });

  it('leaves a real key and its settings alone', () => {
    const env = functionEnv({ apiUrl: 'http://127.0.0.1:54321', dbUrl: 'postgres://x', secrets: { STRIPE_SECRET_KEY: 'sk_test_real', STRIPE_WEBHOOK_SECRET: 'whsec_real' } });
    expect(env.STRIPE_SECRET_KEY).toBe('sk_test_real');
    expect(env.STRIPE_WEBHOOK_SECRET).toBe('whsec_real');
    expect(env.STRIPE_API_BASE).toBeUndefined();
  });
});
