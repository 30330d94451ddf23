import * as z from 'zod/mini';

// The environment, parsed once. Defaults are the local stack's, as `supabase start` prints them.
const schema = z.object({
  VITE_SUPABASE_URL: z._default(z.url(), 'http://127.0.0.1:54321'),
  VITE_SUPABASE_ANON_KEY: z._default(
    z.string().check(z.minLength(20)),
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0',
  ),
});

const parsed = schema.safeParse(import.meta.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

export const env = parsed.data;
