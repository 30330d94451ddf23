// JSON responses with CORS, and the one way a function reports a failure: a clear message for
// bad input (4xx), nothing internal for its own faults (5xx).
import { corsHeaders } from './cors.ts';

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders, 'Content-Type': 'application/json', ...headers },
  });
}

/** `{ error }` with the HttpError's status; anything else becomes a 500 without its details. */
export function errorResponse(err: unknown): Response {
  if (err instanceof HttpError) return json({ error: err.message }, err.status);
  console.error(err);
  return json({ error: 'Internal error' }, 500);
}

/** The request body as JSON, or a 400 HttpError when it is missing or malformed. */
export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new HttpError(400, 'Request body must be valid JSON');
  }
}
