// The money e-mails: each renders HTML and text from the same parts, formats minor units in the
// currency's own digits, and escapes everything that came from a user.
import { deepStrictEqual as assertEquals, ok as assert } from 'node:assert';
import { formatMoney, render } from './templates.ts';

const site = 'https://app.example';
const from = 'Atrium <no-reply@atrium.local>';
const invoice = {
  invoice_id: 'i1', number: 'INV-0007', organization_name: 'Northwind <Studio>', client_name: 'Acme & Co', currency: 'USD',
  total_amount: 123456, amount_paid: 0, amount_due: 123456, issue_on: '2026-11-01', due_on: '2026-11-15', path: '/invoices/i1',
};
const row = (template: string, payload: Record<string, unknown>, subject = 'Subject') => ({ id: 'r1', to_email: 'ana@example.com', subject, template, payload });

Deno.test('formatMoney: minor units in the currency\'s digits', () => {
  assertEquals(formatMoney(123456, 'USD'), '$1,234.56');
  assertEquals(formatMoney(1234, 'JPY'), '¥1,234');
  assertEquals(formatMoney(1234, 'KWD').replace(/\s/g, ' '), 'KWD 1.234');
});

Deno.test('invoice_sent: link, amounts, escaped names in HTML, plain in text', () => {
  const mail = render(row('invoice_sent', invoice), site, from);
  assert(mail.text.includes('Northwind <Studio> sent you invoice INV-0007 for Acme & Co.'));
  assert(mail.text.includes('Amount due by Nov 15, 2026: $1,234.56'));
  assert(mail.text.includes('https://app.example/invoices/i1'));
  assert(mail.html.includes('Northwind &lt;Studio&gt;'));
  assert(mail.html.includes('Acme &amp; Co'));
  assert(!mail.html.includes('<Studio>'));
  assert(mail.html.includes('href="https://app.example/invoices/i1"'));
});

Deno.test('invoice_reminder: mentions the late fee', () => {
  const mail = render(row('invoice_reminder', { ...invoice, late_fee: 2500, reminder_count: 1 }), site, from);
  assert(mail.text.includes('A late fee of $25.00 was added.'));
  assert(mail.html.includes('Pay the invoice'));
});

Deno.test('payment_receipt: the payment and what is left', () => {
  const mail = render(row('payment_receipt', { ...invoice, amount_paid: 123456, amount_due: 0, payment_amount: 123456, payment_method: 'bank_transfer', payment_reference: '<ref>' }), site, from);
  assert(mail.text.includes('Payment: $1,234.56'));
  assert(mail.text.includes('Method: bank transfer'));
  assert(mail.text.includes('The invoice is paid in full.'));
  assert(mail.html.includes('&lt;ref&gt;'));
});

Deno.test('estimate_answered and estimate_requested render their summaries', () => {
  const answered = render(row('estimate_answered', {
    organization_name: 'Northwind', service_type: 'Logo', scope: 'Three <b>concepts</b>', currency: 'EUR', price_amount: 120000,
    line_items: [{ description: 'Design', quantity: 2, unit_amount: 50000, tax_rate_bp: 2000 }], valid_until: '2026-12-01', path: '/estimates/e1',
  }), site, from);
  assert(answered.text.includes('Price (incl. tax): €1,200.00'));
  assert(answered.text.includes('Design × 2: €1,000.00'));
  assert(answered.html.includes('Three &lt;b&gt;concepts&lt;/b&gt;'));
  const requested = render(row('estimate_requested', {
    organization_name: 'Northwind', client_name: 'Acme', service_type: 'Logo', description: 'We need a logo', currency: 'USD',
    budget_min: 100000, budget_max: 200000, path: '/estimates/e1',
  }), site, from);
  assert(requested.text.includes('Budget: $1,000.00 – $2,000.00'));
  assert(requested.text.includes('https://app.example/estimates/e1'));
});
