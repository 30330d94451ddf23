// Calling our edge functions from the SPA: the caller's session goes along (supabase-js adds it), and a
// refusal comes back as an Error carrying the function's own `{error}` message, ready for an Alert.
import { supabase } from './supabase';

/** The `{error}` message of a function's answer, or a generic one when it has none. */
export async function functionErrorMessage(error: unknown): Promise<string> {
  const context = (error as { context?: unknown } | null)?.context;
  if (context instanceof Response) {
    try {
      const body = (await context.clone().json()) as { error?: unknown; msg?: unknown };
      if (typeof body.error === 'string' && body.error) return body.error;
      if (typeof body.msg === 'string' && body.msg) return body.msg;
    } catch {
      // not JSON: fall through
    }
    if (context.status === 401) return 'Your session has expired. Sign in again.';
  }
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && /Failed to fetch|fetch failed|NetworkError|Failed to send/i.test(message)) {
    return 'Cannot reach the server. Check your connection and try again.';
  }
  return 'Something went wrong. Try again.';
}

export async function invokeFunction<T>(name: string, body: unknown): Promise<T> {
  const { data, error } = await supabase.functions.invoke(name, { body: body as Record<string, unknown> });
  if (error) throw new Error(await functionErrorMessage(error));
  return data as T;
}

/** Starts Stripe Checkout for an invoice (the amount is computed on the server) and leaves for it. */
export async function startInvoiceCheckout(invoiceId: string, part: 'balance' | 'deposit' = 'balance'): Promise<void> {
  const { url } = await invokeFunction<{ url: string }>('create-checkout', { invoice_id: invoiceId, part });
  window.location.assign(url);
}
