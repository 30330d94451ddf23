// The notification digest (template `notification_digest`, queued by private.queue_notification_digests):
// the notifications a person left unread, newest first, each linking into the app.
import type { OutgoingEmail } from './providers.ts';

export interface DigestItem {
  title?: unknown;
  body?: unknown;
  link?: unknown;
  created_at?: unknown;
  organization_name?: unknown;
}

interface DigestParts {
  to: string;
  subject: string;
  payload: Record<string, unknown>;
  siteUrl: string;
  from: string;
  escapeHtml: (value: unknown) => string;
  layout: (title: string, body: string) => string;
  button: (href: string, label: string) => string;
}

/** An app path (`/...`) as an absolute link on the site; anything else falls back to the site itself. */
function siteLink(siteUrl: string, path: unknown): string {
  const base = siteUrl.replace(/\/$/, '');
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') ? `${base}${path}` : `${base}/`;
}

function when(value: unknown): string {
  const date = new Date(String(value ?? ''));
  return Number.isNaN(date.getTime()) ? '' : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function renderDigest({ to, subject, payload, siteUrl, from, escapeHtml, layout, button }: DigestParts): OutgoingEmail {
  const items = (Array.isArray(payload.items) ? payload.items : []) as DigestItem[];
  const total = typeof payload.total === 'number' ? payload.total : items.length;
  const more = Math.max(total - items.length, 0);
  const greeting = typeof payload.display_name === 'string' && payload.display_name ? `Hi ${payload.display_name},` : 'Hi,';
  const all = siteLink(siteUrl, payload.path ?? '/notifications');
  const intro = `${total === 1 ? 'This notification is' : `These ${total} notifications are`} still unread on Atrium:`;

  const textLines = items.map((item) => {
    const parts = [`- ${String(item.title ?? '')}`];
    if (item.organization_name) parts.push(`  (${String(item.organization_name)}, ${when(item.created_at)})`);
    if (item.body) parts.push(`  ${String(item.body)}`);
    parts.push(`  ${siteLink(siteUrl, item.link)}`);
    return parts.join('\n');
  });
  const text = [greeting, '', intro, '', ...textLines, ...(more ? [`…and ${more} more.`] : []), '', `See them all: ${all}`].join('\n');

  const rows = items
    .map((item) => {
      const meta = [item.organization_name ? String(item.organization_name) : '', when(item.created_at)].filter(Boolean).join(' · ');
      return `<li style="margin:0 0 12px"><a href="${escapeHtml(siteLink(siteUrl, item.link))}" style="color:#4338ca;font-weight:600;text-decoration:none">${escapeHtml(item.title)}</a>${
        item.body ? `<div style="color:#334155;font-size:14px">${escapeHtml(item.body)}</div>` : ''
      }${meta ? `<div style="color:#64748b;font-size:12px">${escapeHtml(meta)}</div>` : ''}</li>`;
    })
    .join('');
  const html = layout(
    subject,
    `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(intro)}</p><ul style="padding-left:18px">${rows}</ul>${
      more ? `<p style="color:#475569">…and ${more} more.</p>` : ''
    }${button(all, 'Open notifications')}`,
  );
  return { to, from, subject, text, html };
}
