import { describe, expect, it } from 'vitest';

import { client, fnUrl, keyHeaders } from './helpers.ts';

describe('functions: streaming', () => {
  it('passes server-sent events through as the function writes them', async () => {
    const res = await fetch(fnUrl('fn-sse'), { headers: keyHeaders() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const arrivals: Array<{ n: number; at: number }> = [];
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        arrivals.push({ n: JSON.parse(event.replace(/^data: /, '')).n, at: Date.now() });
      }
    }
    expect(arrivals.map((a) => a.n)).toEqual([1, 2, 3]);
    // Written 300 ms apart: buffered delivery would bring all three at once.
    expect(arrivals[2]!.at - arrivals[0]!.at).toBeGreaterThanOrEqual(450);
  });

  it('gives supabase-js the event-stream Response to read', async () => {
    const { data, error } = await client().functions.invoke('fn-sse', { method: 'GET' });
    expect(error).toBeNull();
    expect(data).toBeInstanceOf(Response);
    expect((await (data as Response).text()).match(/^data: /gm)).toHaveLength(3);
  });

  it('streams a request body to the function', async () => {
    const chunks = ['alpha-', 'beta-', 'gamma'];
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (const c of chunks) {
          controller.enqueue(new TextEncoder().encode(c));
          await new Promise((r) => setTimeout(r, 50));
        }
        controller.close();
      },
    });
    const res = await fetch(fnUrl('fn-echo'), { method: 'POST', headers: keyHeaders(), body, duplex: 'half' } as RequestInit);
    expect((await res.json()).body).toBe('alpha-beta-gamma');
  });
});
