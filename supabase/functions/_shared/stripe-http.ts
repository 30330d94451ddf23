// What the Stripe-facing functions share: a database error from an RPC run as the caller becomes the
// HTTP answer the caller should see, and a Stripe failure becomes a 502 without Stripe's internals.
import { HttpError } from './http.ts';
import { StripeError } from './stripe.ts';

export interface DbError {
  code?: string;
  message: string;
  hint?: string | null;
}

/** Maps a PostgREST error of an RPC to a clear 4xx (our SQL raises with errcodes) or rethrows. */
export function dbErrorToHttp(error: DbError): HttpError | DbError {
  switch (error.code) {
    case '42501':
    case 'PGRST301':
    case 'PGRST303':
      return new HttpError(403, error.message);
    case 'P0002':
    case 'PGRST116':
      return new HttpError(404, error.message);
    case 'P0001':
    case '23514':
    case '23505':
      return new HttpError(409, error.message);
    case '22023':
    case '22P02':
      return new HttpError(400, error.message);
    default:
      return error;
  }
}

export function siteUrl(): string {
  return (Deno.env.get('SITE_URL') || 'http://127.0.0.1:5173').replace(/\/+$/, '');
}

/** Runs a Stripe call; its failure is logged and answered as 502 (the card or account, not the caller). */
export async function callStripe<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof StripeError) {
      console.error(`stripe: ${what} failed: ${err.status} ${err.type} ${err.code ?? ''} ${err.message}`);
      throw new HttpError(502, `The payment provider refused the request (${err.code ?? err.type}). Try again in a moment.`);
    }
    throw err;
  }
}
