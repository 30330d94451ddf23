// The emulator's hosted pages, clearly marked TEST MODE: Checkout (pay, save a card, subscribe, or
// simulate a decline) and the customer portal (switch plan, cancel). Plain HTML forms: every control
// is a real button with a label, usable by keyboard, with a visible focus ring; light and dark.
import type { Obj } from './state.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Minor units in the currency's own exponent (JPY has none, EUR two), e.g. 123456 EUR → €1,234.56. */
export function formatAmount(minor: number, currency: string): string {
  const code = currency.toUpperCase();
  let digits: number;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return `${(minor / 100).toFixed(2)} ${code}`;
  }
  return new Intl.NumberFormat('en', { style: 'currency', currency: code }).format(minor / 10 ** digits);
}

const STYLE = `:root{color-scheme:light dark;--bg:#f6f8fa;--card:#fff;--text:#1f2328;--muted:#57606a;--border:#d0d7de;--primary:#0a4fc2;--danger:#a40e26}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--card:#161b22;--text:#e6edf3;--muted:#9ba5b0;--border:#30363d;--primary:#4c8dff;--danger:#ff8182}}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,sans-serif;background:var(--bg);color:var(--text)}
.banner{margin:0;padding:.6rem 1rem;text-align:center;font-weight:600;background:#ffe9a8;color:#4d3800;border-bottom:1px solid #e2c55a}
main{max-width:30rem;margin:2rem auto;padding:0 1rem}
.card{background:var(--card);border:1px solid var(--border);border-radius:12px;padding:1.5rem}
h1{font-size:1.25rem;margin:0 0 .25rem}.muted{color:var(--muted)}.amount{font-size:2rem;font-weight:700;margin:.5rem 0 1rem}
ul.lines{list-style:none;padding:0;margin:0 0 1rem;border-top:1px solid var(--border)}ul.lines li{display:flex;justify-content:space-between;gap:1rem;padding:.5rem 0;border-bottom:1px solid var(--border)}
.actions{display:grid;gap:.75rem;margin-top:1rem}
button{font:inherit;font-weight:600;padding:.7rem 1rem;border-radius:8px;border:1px solid var(--border);background:var(--card);color:var(--text);cursor:pointer;width:100%}
button.primary{background:var(--primary);border-color:var(--primary);color:#fff}
@media (prefers-color-scheme:dark){button.primary{color:#0d1117}}
button.danger{color:var(--danger);border-color:var(--danger)}
button:focus-visible,a:focus-visible{outline:3px solid var(--primary);outline-offset:2px}
a{color:var(--primary)}.alert{border:1px solid var(--danger);color:var(--danger);border-radius:8px;padding:.6rem .8rem;margin-bottom:1rem}
.ok{border:1px solid var(--border);border-radius:8px;padding:.6rem .8rem;margin-bottom:1rem}
.card-field{border:1px dashed var(--border);border-radius:8px;padding:.6rem .8rem;margin:0 0 1rem;font-family:ui-monospace,monospace}
section+section{margin-top:1.5rem}h2{font-size:1.05rem;margin:0 0 .5rem}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Stripe test mode</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><header><p class="banner">Test mode — no real money moves</p></header><main>${body}</main></body></html>`;
}

export function messagePage(title: string, text: string, link?: string): string {
  return layout(title, `<div class="card"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${link ? `<p><a href="${escapeHtml(link)}">Continue</a></p>` : ''}</div>`);
}

export function checkoutPage(input: { session: Obj; accountName: string; declined: boolean; action: string }): string {
  const { session, accountName, declined, action } = input;
  const lines = (session._line_items as Obj[])
    .map((l) => `<li><span>${escapeHtml(l.description)}${l.quantity > 1 ? ` × ${l.quantity}` : ''}</span><span>${escapeHtml(formatAmount(l.amount_total, l.currency))}</span></li>`)
    .join('');
  const total = session.amount_total !== null && session.currency ? formatAmount(session.amount_total, session.currency) : '';
  const price = session.mode === 'subscription' ? (session._line_items as Obj[])[0]?.price : null;
  const heading =
    session.mode === 'setup' ? 'Save a card for later payments' : session.mode === 'subscription' ? `Subscribe to ${escapeHtml(price?.nickname ?? 'a plan')}` : 'Pay';
  const primary =
    session.mode === 'setup' ? 'Save card' : session.mode === 'subscription' ? `Subscribe — ${escapeHtml(total)} per ${escapeHtml(price?.recurring?.interval ?? 'month')}` : `Pay ${escapeHtml(total)}`;
  const declineLabel = session.mode === 'setup' ? 'Save a card that will be declined' : 'Simulate a declined card';
  const email = session.customer_email ? `<p class="muted">Receipt to ${escapeHtml(session.customer_email)}</p>` : '';
  const alert = declined ? '<div class="alert" role="alert">Your card was declined. Try another card.</div>' : '';
  return layout(
    `${heading} — ${accountName}`,
    `<div class="card">
<p class="muted">${escapeHtml(accountName)}</p>
<h1>${heading}</h1>
${total ? `<p class="amount">${escapeHtml(total)}</p>` : ''}
${lines ? `<ul class="lines" aria-label="What you are paying for">${lines}</ul>` : ''}
${email}
${alert}
<p class="card-field">Test card ${session.mode === 'setup' ? '4242 4242 4242 4242' : '4242 4242 4242 4242 · 12/34 · 123'}</p>
<form method="post" action="${escapeHtml(action)}" class="actions">
<button type="submit" name="action" value="pay" class="primary" autofocus>${primary}</button>
<button type="submit" name="action" value="decline" class="danger">${declineLabel}</button>
<button type="submit" name="action" value="cancel">Cancel and go back</button>
</form>
</div>`,
  );
}

export function portalPage(input: { portal: Obj; customer: Obj; subscriptions: Obj[]; prices: Obj[]; accountName: string; updated: boolean; action: string }): string {
  const { portal, customer, subscriptions, prices, accountName, updated, action } = input;
  const subs = subscriptions
    .map((sub) => {
      const price = sub.items.data[0].price as Obj;
      const renews = new Date(sub.current_period_end * 1000).toISOString().slice(0, 10);
      const switches = prices
        .filter((p) => p.id !== price.id)
        .map(
          (p) => `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="subscription" value="${escapeHtml(sub.id)}">
<input type="hidden" name="price" value="${escapeHtml(p.id)}"><button type="submit" name="action" value="switch">Switch to ${escapeHtml(p.nickname ?? p.id)} — ${escapeHtml(formatAmount(p.unit_amount, p.currency))} per ${escapeHtml(p.recurring.interval)}</button></form>`,
        )
        .join('');
      return `<section aria-labelledby="h-${escapeHtml(sub.id)}"><h2 id="h-${escapeHtml(sub.id)}">${escapeHtml(price.nickname ?? price.id)} plan</h2>
<p>${escapeHtml(formatAmount(price.unit_amount, price.currency))} per ${escapeHtml(price.recurring.interval)} · status ${escapeHtml(sub.status)} · renews on ${renews}</p>
<div class="actions">${switches}
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="subscription" value="${escapeHtml(sub.id)}"><button type="submit" name="action" value="cancel" class="danger">Cancel plan</button></form></div></section>`;
    })
    .join('');
  return layout(
    `Billing — ${accountName}`,
    `<div class="card"><p class="muted">${escapeHtml(accountName)}</p><h1>Manage billing</h1>
<p class="muted">${escapeHtml(customer.email ?? customer.name ?? customer.id)}</p>
${updated ? '<div class="ok" role="status">Your plan was updated.</div>' : ''}
${subs || '<p>No active subscription.</p>'}
${portal.return_url ? `<p><a href="${escapeHtml(portal.return_url)}">Return to ${escapeHtml(accountName)}</a></p>` : ''}</div>`,
  );
}
