// Reads mail the stack captured (GET <api>/mailbox/api/messages?to=), waiting for it to arrive.
import { stackEnv } from './env.ts';

export interface MailMessage {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  created_at: string;
}

/** Every message to `address`, newest first. */
export async function mailFor(address: string): Promise<MailMessage[]> {
  const res = await fetch(`${stackEnv.apiUrl}/mailbox/api/messages?to=${encodeURIComponent(address)}`);
  if (!res.ok) throw new Error(`mailbox answered ${res.status}`);
  return (await res.json()) as MailMessage[];
}

export async function waitForMail(to: string, match: (m: MailMessage) => boolean = () => true, timeoutMs = 15_000): Promise<MailMessage> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await mailFor(to)).find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email to ${to} arrived within ${timeoutMs} ms`);
}

/** The first link in an email that points at the stack's verify endpoint (or any http link). */
export function firstLink(message: MailMessage): string {
  const links = [...`${message.html} ${message.text}`.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0].replace(/&amp;/g, '&'));
  const link = links.find((l) => l.includes('/auth/v1/verify')) ?? links[0];
  if (!link) throw new Error(`no link in email "${message.subject}"`);
  return link;
}
