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


/** Minor units to "$1,234.56" in the currency's own digits. */
export function formatMoney(minor: unknown, currency: unknown): string {
  const code = typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : 'USD';
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: code });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(Number(minor ?? 0) / 10 ** digits);
}

function formatDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return '';
  return new Date(`${value.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

interface Line {
  label: string;
  value: string;
  strong?: boolean;
}

/** A two-column summary, in HTML and as text lines. */
function summary(lines: Line[]): { html: string; text: string } {
  const rows = lines
    .map((l) => `<tr><td style="padding:4px 0;color:#475569">${escapeHtml(l.label)}</td><td style="padding:4px 0;text-align:right${l.strong ? ';font-weight:600' : ''}">${escapeHtml(l.value)}</td></tr>`)
    .join('');
  return {
    html: `<table role="presentation" style="width:100%;border-collapse:collapse;font-size:14px;margin:12px 0">${rows}</table>`,
    text: lines.map((l) => `${l.label}: ${l.value}`).join('\n'),
  };
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p style="white-space:pre-wrap">${escapeHtml(p)}</p>`)
    .join('');
}

/** One money e-mail: intro paragraph, summary table, call to action; HTML and text from the same parts. */
function moneyEmail(row: OutboxRow, from: string, parts: { intro: string; lines: Line[]; link: string; action: string; outro?: string }): OutgoingEmail {
  const table = summary(parts.lines);
  const text = [parts.intro, table.text, `${parts.action}: ${parts.link}`, parts.outro].filter(Boolean).join('\n\n');
  const html = layout(row.subject, `${paragraphs(parts.intro)}${table.html}${button(parts.link, parts.action)}${parts.outro ? paragraphs(parts.outro) : ''}`);
  return { to: row.to_email, from, subject: row.subject, text, html };
}

function invoiceLines(p: Record<string, unknown>): Line[] {
  const lines: Line[] = [{ label: 'Invoice', value: String(p.number ?? '') }];
  if (p.issue_on) lines.push({ label: 'Issued', value: formatDate(p.issue_on) });
  lines.push({ label: 'Total', value: formatMoney(p.total_amount, p.currency) });
  if (Number(p.amount_paid ?? 0) > 0) lines.push({ label: 'Paid so far', value: formatMoney(p.amount_paid, p.currency) });
  if (p.deposit_amount && p.deposit_due_on) lines.push({ label: `Deposit due ${formatDate(p.deposit_due_on)}`, value: formatMoney(p.deposit_amount, p.currency) });
  lines.push({ label: `Amount due${p.due_on ? ` by ${formatDate(p.due_on)}` : ''}`, value: formatMoney(p.amount_due, p.currency), strong: true });
  return lines;
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
    case 'invoice_sent': {
      const link = `${siteUrl.replace(/\/$/, '')}${String(p.path ?? '')}`;
      return moneyEmail(row, from, {
        intro: `${p.organization_name} sent you invoice ${p.number}${p.client_name ? ` for ${p.client_name}` : ''}.`,
        lines: invoiceLines(p),
        link,
        action: 'View and pay the invoice',
      });
    }
    case 'invoice_reminder': {
      const link = `${siteUrl.replace(/\/$/, '')}${String(p.path ?? '')}`;
      const fee = Number(p.late_fee ?? 0) > 0 ? `A late fee of ${formatMoney(p.late_fee, p.currency)} was added.` : '';
      return moneyEmail(row, from, {
        intro: `This is a reminder that invoice ${p.number} from ${p.organization_name} is overdue.${fee ? ` ${fee}` : ''}`,
        lines: invoiceLines(p),
        link,
        action: 'Pay the invoice',
        outro: 'If you have already paid, thank you, and please ignore this reminder.',
      });
    }
    case 'payment_receipt': {
      const link = `${siteUrl.replace(/\/$/, '')}${String(p.path ?? '')}`;
      const lines: Line[] = [
        { label: 'Payment', value: formatMoney(p.payment_amount, p.currency), strong: true },
        { label: 'Method', value: String(p.payment_method ?? '').replace('_', ' ') },
      ];
      if (p.payment_reference) lines.push({ label: 'Reference', value: String(p.payment_reference) });
      lines.push(...invoiceLines(p));
      return moneyEmail(row, from, {
        intro: `Thank you: ${p.organization_name} received your payment for invoice ${p.number}.`,
        lines,
        link,
        action: 'View the invoice',
        outro: Number(p.amount_due ?? 0) > 0 ? undefined : 'The invoice is paid in full.',
      });
    }
    case 'estimate_answered': {
      const link = `${siteUrl.replace(/\/$/, '')}${String(p.path ?? '')}`;
      const items = Array.isArray(p.line_items) ? (p.line_items as Array<Record<string, unknown>>) : [];
      const lines: Line[] = items.map((i) => ({
        label: `${i.description} × ${i.quantity}`,
        value: formatMoney(Math.round(Number(i.quantity) * Number(i.unit_amount)), p.currency),
      }));
      lines.push({ label: 'Price (incl. tax)', value: formatMoney(p.price_amount, p.currency), strong: true });
      if (p.starts_on || p.delivers_on) lines.push({ label: 'Timeline', value: [formatDate(p.starts_on), formatDate(p.delivers_on)].filter(Boolean).join(' – ') });
      if (p.valid_until) lines.push({ label: 'Valid until', value: formatDate(p.valid_until) });
      return moneyEmail(row, from, {
        intro: `${p.organization_name} answered your estimate request (${p.service_type}).${p.scope ? `\n\n${p.scope}` : ''}${p.timeline ? `\n\n${p.timeline}` : ''}`,
        lines,
        link,
        action: 'Review and approve',
      });
    }
    case 'estimate_requested': {
      const link = `${siteUrl.replace(/\/$/, '')}${String(p.path ?? '')}`;
      const lines: Line[] = [{ label: 'Service', value: String(p.service_type ?? '') }];
      if (p.budget_min != null || p.budget_max != null) {
        lines.push({ label: 'Budget', value: [p.budget_min, p.budget_max].filter((v) => v != null).map((v) => formatMoney(v, p.currency)).join(' – ') });
      }
      if (p.wished_deadline) lines.push({ label: 'Wished deadline', value: formatDate(p.wished_deadline) });
      return moneyEmail(row, from, {
        intro: `${p.client_name} asks ${p.organization_name} for an estimate.\n\n${p.description ?? ''}`,
        lines,
        link,
        action: 'Answer the request',
      });
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
