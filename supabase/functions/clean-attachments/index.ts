// Daily at 04:00 UTC (cron job clean-stale-attachments, through pg_net with the service key): removes
// files whose attachments row was deleted and rows whose upload never arrived. Safe to run again.
// Body (optional): {"max_rows": 1-1000, "batch_size": 1-1000}. Answers the counts as JSON.
import * as z from 'npm:zod@4.6.7/mini';
import { callerRole } from '../_shared/auth.ts';
import { corsHeaders } from '../_shared/cors.ts';
import { errorResponse, HttpError, json } from '../_shared/http.ts';
import { serviceClient } from '../_shared/supabase.ts';
import { cleanAttachments, type CleanClient } from './clean.ts';

const between = (label: string) => z.int({ error: `${label} must be a whole number` }).check(
  z.minimum(1, { error: `${label} must be between 1 and 1000` }),
  z.maximum(1000, { error: `${label} must be between 1 and 1000` }),
);
const bodySchema = z.object({ max_rows: z.optional(between('max_rows')), batch_size: z.optional(between('batch_size')) }, { error: 'The body must be a JSON object' });

Deno.serve(async (req) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  try {
    if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
    // verify_jwt checked the signature; this job deletes other people's files, so only the server may run it.
    if (callerRole(req) !== 'service_role') throw new HttpError(403, 'Only the service role may clean attachments');
    const text = await req.text();
    let raw: unknown = {};
    try {
      raw = text.trim() ? JSON.parse(text) : {};
    } catch {
      throw new HttpError(400, 'Request body must be valid JSON');
    }
    const body = bodySchema.safeParse(raw);
    if (!body.success) throw new HttpError(400, body.error.issues.map((i) => i.message).join('; '));
    // Service client: stale files have no attachments row, so no user's policy reaches them, and the
    // two RPCs are granted to service_role alone.
    const report = await cleanAttachments(serviceClient() as unknown as CleanClient, { maxRows: body.data.max_rows, batchSize: body.data.batch_size });
    console.log(`clean-attachments: ${JSON.stringify(report)}`);
    return json(report);
  } catch (err) {
    return errorResponse(err);
  }
});
