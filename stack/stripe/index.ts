// The Stripe emulator room on `/stripe`: Stripe's API (`/stripe/v1/...`), the test-mode Checkout and
// customer-portal pages, and signed webhook events POSTed to the `stripe-webhook` function. Functions
// reach it through STRIPE_API_BASE=<gateway>/stripe when no real STRIPE_SECRET_KEY is configured
// (see functions/env.ts). State lives in memory: a restart forgets sessions, as test mode may.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceDeps } from '../services.ts';
import type { Service } from '../gateway/service.ts';
import type { RequestContext } from '../gateway/context.ts';
import { STRIPE_LOCAL_WEBHOOK_SECRET } from '../keys.ts';
import { createStripeEmulator } from './emulator.ts';

export { createStripeEmulator, startStripeEmulator, signPayload } from './emulator.ts';

const PREFIX = '/stripe';

export default function createStripeService({ config, log }: ServiceDeps): Service {
  const emulator = createStripeEmulator({
    publicBase: `${config.apiUrl}${PREFIX}`,
    webhookUrl: process.env.ATRIUM_STRIPE_WEBHOOK_URL ?? `${config.apiUrl}/functions/v1/stripe-webhook`,
    webhookSecret: process.env.ATRIUM_STRIPE_WEBHOOK_SECRET ?? STRIPE_LOCAL_WEBHOOK_SECRET,
    log,
  });
  return {
    name: 'stripe',
    prefix: PREFIX,
    handle: (req: IncomingMessage, res: ServerResponse, ctx: RequestContext) => emulator.handle(req, res, ctx.path, ctx.rawQuery),
    async close() {
      await emulator.settled();
    },
  };
}
