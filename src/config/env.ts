import { z } from 'zod';

// The environment, parsed once. Defaults are the local stack's, as `supabase start` prints them.
const schema = z.object({
  VITE_SUPABASE_URL: z.url().default('http://127.0.0.1:54321'),
  VITE_SUPABASE_ANON_KEY: z
    .string()
    .min(20)
    .default(
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0',
    ),
});

const parsed = schema.safeParse(import.meta.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

export const env = parsed.data;
