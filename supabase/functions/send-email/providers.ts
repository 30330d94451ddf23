// Where an email goes: Resend or SendGrid when their key is set, else the local stack's mailbox.
// Each speaks its provider's HTTP API; base URLs can be pointed at a stand-in server for tests.

export interface OutgoingEmail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Sent as the provider's Idempotency-Key where it has one (Resend): the same key never delivers twice. */
  idempotencyKey?: string;
}

export interface Delivery {
  provider: 'resend' | 'sendgrid' | 'mailbox';
  providerId: string | null;
}

export type Sender = (email: OutgoingEmail) => Promise<Delivery>;

async function failure(provider: string, res: Response): Promise<Error> {
  const body = (await res.text()).slice(0, 300);
  return new Error(`${provider} answered ${res.status}: ${body}`);
}

export function resendSender(apiKey: string, baseUrl = 'https://api.resend.com'): Sender {
  return async (email) => {
    const res = await fetch(`${baseUrl}/emails`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${apiKey}`,
        'Content-Type': 'application/json',
        ...(email.idempotencyKey ? { 'Idempotency-Key': email.idempotencyKey } : {}),
      },
      body: JSON.stringify({ from: email.from, to: [email.to], subject: email.subject, html: email.html, text: email.text }),
    });
    if (!res.ok) throw await failure('Resend', res);
    const body = (await res.json()) as { id?: string };
    return { provider: 'resend', providerId: body.id ?? null };
  };
}

export function sendgridSender(apiKey: string, baseUrl = 'https://api.sendgrid.com'): Sender {
  return async (email) => {
    const res = await fetch(`${baseUrl}/v3/mail/send`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        personalizations: [{ to: [{ email: email.to }] }],
        from: { email: email.from },
        subject: email.subject,
        content: [
          { type: 'text/plain', value: email.text },
          { type: 'text/html', value: email.html },
        ],
      }),
    });
    if (res.status !== 202 && !res.ok) throw await failure('SendGrid', res);
    await res.body?.cancel();
    return { provider: 'sendgrid', providerId: res.headers.get('X-Message-Id') };
  };
}

export function mailboxSender(supabaseUrl: string, serviceRoleKey: string): Sender {
  return async (email) => {
    const res = await fetch(`${supabaseUrl}/mailbox/api/messages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${serviceRoleKey}`, apikey: serviceRoleKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ to: email.to, from: email.from, subject: email.subject, text: email.text, html: email.html }),
    });
    if (!res.ok) throw await failure('Mailbox', res);
    const body = (await res.json()) as { id?: string };
    return { provider: 'mailbox', providerId: body.id ?? null };
  };
}

/** The sender the environment asks for. */
export function senderFromEnv(env: (name: string) => string | undefined): Sender {
  const resend = env('RESEND_API_KEY');
  if (resend) return resendSender(resend, env('RESEND_API_URL'));
  const sendgrid = env('SENDGRID_API_KEY');
  if (sendgrid) return sendgridSender(sendgrid, env('SENDGRID_API_URL'));
  return mailboxSender(env('SUPABASE_URL') ?? '', env('SUPABASE_SERVICE_ROLE_KEY') ?? '');
}
