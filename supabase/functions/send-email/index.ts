// Sends what waits in public.email_outbox: claims a batch (skipping rows another run holds), renders
// each template, delivers it through the configured provider and records the outcome on the row.
// Called by a trigger right after an email is queued and by a cron job every minute (retries).
import { errorResponse, HttpError, json } from '../_shared/http.ts';
import { corsHeaders } from '../_shared/cors.ts';
import { serviceClient } from '../_shared/supabase.ts';
import { senderFromEnv } from './providers.ts';
import { render, type OutboxRow } from './templates.ts';
import { deliverBatch } from './deliver.ts';

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
    const send = senderFromEnv((name) => Deno.env.get(name));
    const siteUrl = Deno.env.get('SITE_URL') || 'http://127.0.0.1:5173';
    const from = Deno.env.get('EMAIL_FROM') || 'Atrium <no-reply@atrium.local>';
    const result = await deliverBatch(
      {
        async claim() {
          const { data, error } = await db.rpc('claim_email_batch', { batch_size: 25 });
          if (error) throw error;
          return (data ?? []) as OutboxRow[];
        },
        async finish(id, outcome) {
          const { error } = await db.rpc('finish_email', outcome.ok
            ? { email_id: id, ok: true, provider: outcome.provider, provider_id: outcome.providerId }
            : { email_id: id, ok: false, error: outcome.error });
          if (error && outcome.ok) throw error;
        },
      },
      send,
      (row) => render(row, siteUrl, from),
    );
    return json(result);
  } catch (err) {
    return errorResponse(err);
  }
});
