// Sends what waits in public.email_outbox: claims a batch (skipping rows another run holds), renders
// each template, delivers it through the configured provider and records the outcome on the row.
// Called by a trigger right after an email is queued and by a cron job every minute (retries).
import { errorResponse, HttpError, json } from '../_shared/http.ts';
import { corsHeaders } from '../_shared/cors.ts';
import { serviceClient } from '../_shared/supabase.ts';
import { senderFromEnv } from './providers.ts';
import { render, type OutboxRow } from './templates.ts';

function callerRole(req: Request): string | null {
  const token = req.headers.get('Authorization')?.replace(/^Bearer\s+/i, '') ?? '';
  try {
    return JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).role ?? null;
  } catch {
    return null;
  }
}

Deno.serve(async (req) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  try {
    if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
    // The JWT was verified before it got here (verify_jwt); sending mail is for the server alone.
    if (callerRole(req) !== 'service_role') throw new HttpError(403, 'Only the service role may send queued email');
    // Service client: the outbox has no user policies; only the server may read or update it.
    const db = serviceClient();
    const { data: batch, error } = await db.rpc('claim_email_batch', { batch_size: 25 });
    if (error) throw error;
    const send = senderFromEnv((name) => Deno.env.get(name));
    const siteUrl = Deno.env.get('SITE_URL') || 'http://127.0.0.1:5173';
    const from = Deno.env.get('EMAIL_FROM') || 'Atrium <no-reply@atrium.local>';
    let sent = 0;
    const failed: string[] = [];
    for (const row of (batch ?? []) as OutboxRow[]) {
      try {
        // The outbox id is the idempotency key: a retry after a lost answer is not delivered twice.
        const delivery = await send({ ...render(row, siteUrl, from), idempotencyKey: row.id });
        await db.rpc('finish_email', { email_id: row.id, ok: true, provider: delivery.provider, provider_id: delivery.providerId }).throwOnError();
        sent++;
      } catch (err) {
        failed.push(row.id);
        // Failed: kept with the reason and retried after a backoff (finish_email sets next_attempt_at).
        await db.rpc('finish_email', { email_id: row.id, ok: false, error: String((err as Error).message ?? err).slice(0, 500) });
      }
    }
    return json({ claimed: batch?.length ?? 0, sent, failed });
  } catch (err) {
    return errorResponse(err);
  }
});
