import { describe, expect, it } from 'vitest';
import { stackEnv } from '../helpers/env.ts';

describe('gateway', () => {
  it('answers CORS preflight with the headers supabase-js sends', async () => {
    const res = await fetch(`${stackEnv.apiUrl}/rest/v1/anything`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'apikey, authorization, x-client-info, content-type, prefer',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('prefer');
  });

  it('answers unknown routes with a 404 like Kong', async () => {
    const res = await fetch(`${stackEnv.apiUrl}/nope/v1/x`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'no Route matched with those values' });
  });
});
