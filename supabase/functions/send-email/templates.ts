// The app's emails, rendered from the outbox row's template name and payload.
import type { OutgoingEmail } from './providers.ts';
import { renderDigest } from './digest-template.ts';

export interface OutboxRow {
  id: string;
  to_email: string;
  subject: string;
  template: string;
  payload: Record<string, unknown>;
}

function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function layout(title: string, body: string): string {
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;background:#f8fafc;padding:24px">
<div style="max-width:520px;margin:auto;background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:24px">
<h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(title)}</h1>${body}
<p style="color:#64748b;font-size:12px;margin-top:24px">Sent by Atrium.</p></div></body></html>`;
}

function button(href: string, label: string): string {
  return `<p><a href="${escapeHtml(href)}" style="display:inline-block;background:#4f46e5;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(label)}</a></p>`;
}

export function render(row: OutboxRow, siteUrl: string, from: string): OutgoingEmail {
  const p = row.payload;
  switch (row.template) {
    case 'invitation': {
      const link = `${siteUrl.replace(/\/$/, '')}${String(p.path ?? '')}`;
      const who = p.invited_by ? `${p.invited_by} invited you` : 'You are invited';
      const role = String(p.role ?? 'member');
      const text = `${who} to join ${p.organization_name} on Atrium as ${role === 'admin' ? 'an' : 'a'} ${role}.\n\nAccept the invitation: ${link}\n\nThe link works for 7 days.`;
      const html = layout(row.subject, `<p>${escapeHtml(who)} to join <strong>${escapeHtml(p.organization_name)}</strong> as ${escapeHtml(role)}.</p>${button(link, 'Accept the invitation')}<p style="font-size:13px;color:#475569">Or open ${escapeHtml(link)}. The link works for 7 days.</p>`);
      return { to: row.to_email, from, subject: row.subject, text, html };
    }
    case 'notification_digest':
      return renderDigest({ to: row.to_email, subject: row.subject, payload: p, siteUrl, from, escapeHtml, layout, button });
    default: {
      // A template this version does not know still reaches the person, as plain text.
      const text = typeof p.text === 'string' ? p.text : JSON.stringify(p, null, 2);
      return { to: row.to_email, from, subject: row.subject, text, html: layout(row.subject, `<pre>${escapeHtml(text)}</pre>`) };
    }
  }
}
