import { describe, expect, it, vi } from 'vitest';

vi.mock('./supabase', () => ({ supabase: {} }));
const { functionErrorMessage } = await import('./edge-functions');

describe('functionErrorMessage', () => {
  it("reads the function's own error message", async () => {
    const context = new Response(JSON.stringify({ error: 'Only owners and admins can manage billing' }), { status: 403 });
    expect(await functionErrorMessage({ message: 'Edge Function returned a non-2xx status code', context })).toBe('Only owners and admins can manage billing');
  });

  it('explains an expired session and an unreachable server', async () => {
    expect(await functionErrorMessage({ context: new Response('nope', { status: 401 }) })).toBe('Your session has expired. Sign in again.');
    expect(await functionErrorMessage({ message: 'Failed to send a request to the Edge Function' })).toMatch(/Cannot reach the server/);
    expect(await functionErrorMessage(null)).toBe('Something went wrong. Try again.');
  });
});
