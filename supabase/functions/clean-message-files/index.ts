// Removes message files from the message-attachments bucket through the Storage API (so the bytes go
// with their row). Called by delete_message() with {"paths": [...]} right after a message is deleted,
// and daily at 04:30 UTC (cron job clean-message-files) with {} to sweep files no message lists that
// are over a day old. Only files no live message lists are ever removed. Safe to run again.
import * as z from 'npm:zod@4.6.7/mini';
import { callerRole } from '../_shared/auth.ts';
import { corsHeaders } from '../_shared/cors.ts';
import { errorResponse, HttpError, json } from '../_shared/http.ts';
import { serviceClient } from '../_shared/supabase.ts';

const BUCKET = 'message-attachments';
const bodySchema = z.object(
  {
    paths: z.optional(
      z.array(z.string().check(z.minLength(1), z.maxLength(400))).check(z.minLength(1), z.maxLength(100, { error: 'At most 100 paths at once' })),
    ),
  },
  { error: 'The body must be a JSON object' },
);

Deno.serve(async (req) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  try {
    if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
    // verify_jwt checked the signature; this removes other people's files, so only the server may run it.
    if (callerRole(req) !== 'service_role') throw new HttpError(403, 'Only the service role may clean message files');
    const text = await req.text();
    let raw: unknown = {};
    try {
      raw = text.trim() ? JSON.parse(text) : {};
    } catch {
      throw new HttpError(400, 'Request body must be valid JSON');
    }
    const body = bodySchema.safeParse(raw);
    if (!body.success) throw new HttpError(400, body.error.issues.map((i) => i.message).join('; '));
    // Service client: the files belong to other people and stale_message_files is granted to service_role alone.
    const db = serviceClient();
    let removed = 0;
    let failed = 0;
    for (let round = 0; round < 10; round++) {
      const { data, error } = await db.rpc('stale_message_files', { paths: body.data.paths ?? null, max_rows: 500 });
      if (error) throw new Error(`stale_message_files: ${error.message}`);
      const names = (data ?? []) as string[];
      if (!names.length) break;
      const result = await db.storage.from(BUCKET).remove(names);
      if (result.error) {
        failed += names.length;
        console.error(`clean-message-files: removing ${names.length} files failed: ${result.error.message}`);
        break;
      }
      removed += result.data?.length ?? 0;
      if (body.data.paths || names.length < 500) break;
    }
    console.log(`clean-message-files: removed ${removed}, failed ${failed}`);
    return json({ removed_objects: removed, failed_objects: failed });
  } catch (err) {
    return errorResponse(err);
  }
});
