// The mailbox's HTML pages: a plain list (newest first, filterable by address) and one message.
import type { StoredMessage } from './store.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2328}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd}
a{color:#0b57d0}form{margin:1rem 0}input{padding:.3rem;width:20rem}pre{white-space:pre-wrap;background:#f6f8fa;padding:1rem}
iframe{width:100%;height:28rem;border:1px solid #ddd}.muted{color:#666}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export function listPage(messages: StoredMessage[], to: string | null, base: string): string {
  const rows = messages
    .map(
      (m) => `<tr><td class="muted">${escapeHtml(m.created_at)}</td><td>${escapeHtml(m.to)}</td>
<td><a href="${base}/messages/${m.id}">${escapeHtml(m.subject)}</a></td></tr>`,
    )
    .join('\n');
  const filter = `<form method="get" action="${base}"><label>Address <input name="to" type="email" value="${escapeHtml(to ?? '')}"></label>
<button>Filter</button> ${to ? `<a href="${base}">show all</a>` : ''}</form>`;
  const table = messages.length
    ? `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p class="muted">No messages.</p>';
  return layout('Mailbox', `<h1>Mailbox</h1><p class="muted">Every email the local stack sends, newest first.</p>${filter}${table}`);
}

export function messagePage(message: StoredMessage, base: string): string {
  const html = message.html
    ? `<h2>HTML</h2><iframe title="message body" sandbox="allow-popups allow-top-navigation-by-user-activation" srcdoc="${escapeHtml(message.html)}"></iframe>`
    : '';
  return layout(
    message.subject,
    `<p><a href="${base}?to=${encodeURIComponent(message.to)}">&larr; ${escapeHtml(message.to)}</a></p>
<h1>${escapeHtml(message.subject)}</h1>
<p><b>From:</b> ${escapeHtml(message.from)}<br><b>To:</b> ${escapeHtml(message.to)}<br><b>Received:</b> ${escapeHtml(message.created_at)}</p>
${html}<h2>Text</h2><pre>${escapeHtml(message.text)}</pre>`,
  );
}

export function notFoundPage(base: string): string {
  return layout('Not found', `<h1>Message not found</h1><p><a href="${base}">Back to the mailbox</a></p>`);
}
