// The provider clients against a stand-in server that speaks each provider's wire format.
import { deepStrictEqual as assertEquals, rejects } from 'node:assert';
import { mailboxSender, resendSender, sendgridSender, senderFromEnv } from './providers.ts';
import { render } from './templates.ts';

const email = { to: 'ana@example.com', from: 'Atrium <no-reply@atrium.local>', subject: 'Hi', text: 'Hello', html: '<p>Hello</p>' };

async function standIn(handler: (req: Request, body: any) => Response | Promise<Response>) {
  const seen: Array<{ path: string; auth: string | null; body: any }> = [];
  const server = Deno.serve({ port: 0, hostname: '127.0.0.1', onListen: () => {} }, async (req) => {
    const body = await req.json().catch(() => null);
    seen.push({ path: new URL(req.url).pathname, auth: req.headers.get('Authorization'), body });
    return handler(req, body);
  });
  return { url: `http://127.0.0.1:${server.addr.port}`, seen, close: () => server.shutdown() };
}

Deno.test('Resend: POST /emails with the key, returns the message id', async () => {
  const s = await standIn(() => Response.json({ id: 're_123' }));
  try {
    const result = await resendSender('re_key', s.url)(email);
    assertEquals(result, { provider: 'resend', providerId: 're_123' });
    assertEquals(s.seen[0]!.path, '/emails');
    assertEquals(s.seen[0]!.auth, 'Bearer re_key');
    assertEquals(s.seen[0]!.body.to, ['ana@example.com']);
  } finally {
    await s.close();
  }
});

Deno.test('Resend: an error answer becomes a clear failure', async () => {
  const s = await standIn(() => Response.json({ name: 'validation_error', message: 'Invalid `to` field' }, { status: 422 }));
  try {
    await rejects(() => resendSender('re_key', s.url)(email), /Resend answered 422/);
  } finally {
    await s.close();
  }
});

Deno.test('SendGrid: 202 with X-Message-Id and personalizations', async () => {
  const s = await standIn(() => new Response(null, { status: 202, headers: { 'X-Message-Id': 'sg-1' } }));
  try {
    const result = await sendgridSender('sg_key', s.url)(email);
    assertEquals(result, { provider: 'sendgrid', providerId: 'sg-1' });
    assertEquals(s.seen[0]!.path, '/v3/mail/send');
    assertEquals(s.seen[0]!.body.personalizations, [{ to: [{ email: 'ana@example.com' }] }]);
  } finally {
    await s.close();
  }
});

Deno.test('Local mode delivers into the stack mailbox with the service key', async () => {
  const s = await standIn(() => Response.json({ id: 'm1' }, { status: 201 }));
  try {
    const result = await mailboxSender(s.url, 'service-key')(email);
    assertEquals(result, { provider: 'mailbox', providerId: 'm1' });
    assertEquals(s.seen[0]!.path, '/mailbox/api/messages');
    assertEquals(s.seen[0]!.auth, 'Bearer service-key');
  } finally {
    await s.close();
  }
});

Deno.test('the provider follows the keys that are set', async () => {
  const s = await standIn(() => Response.json({ id: 're_9' }));
  try {
    const env: Record<string, string> = { RESEND_API_KEY: 'k', RESEND_API_URL: s.url, SENDGRID_API_KEY: 'ignored' };
    assertEquals((await senderFromEnv((n) => env[n])(email)).provider, 'resend');
  } finally {
    await s.close();
  }
});

Deno.test('invitation emails carry the link and escape what people typed', () => {
  const out = render(
    { id: '1', to_email: 'x@y.test', subject: 'Join', template: 'invitation', payload: { path: '/invite/abc', organization_name: '<b>Evil</b> Co', role: 'member', invited_by: 'Olga' } },
    'https://app.example/',
    'from@example',
  );
  assertEquals(out.text.includes('https://app.example/invite/abc'), true);
  assertEquals(out.html.includes('&lt;b&gt;Evil&lt;/b&gt;'), true);
  assertEquals(out.html.includes('<b>Evil</b>'), false);
});
