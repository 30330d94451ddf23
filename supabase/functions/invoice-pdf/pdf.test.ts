import { deepStrictEqual as assertEquals, ok } from 'node:assert/strict';
import { PDFDocument } from 'npm:pdf-lib@1.17.1';
import { buildInvoicePdf, money, type InvoicePdfData } from './pdf.ts';

const invoice: InvoicePdfData = {
  number: 'INV-0042',
  status: 'partially_paid',
  currency: 'EUR',
  issue_on: '2026-11-01',
  due_on: '2026-11-15',
  organization_name: 'Northwind Studio',
  organization_email: 'billing@northwind.test',
  client_name: 'Acme Outdoor — Zürich',
  project_name: 'Website redesign',
  items: [
    { description: 'Design and build of the new shop, with product pages, a blog and a long description that must wrap onto a second line', quantity: 1, unit_amount: 400000, tax_rate_bp: 2000, amount: 400000 },
    { description: 'Content migration ✓ 漢字', quantity: 12.5, unit_amount: 8000, tax_rate_bp: 0, amount: 100000 },
  ],
  subtotal_amount: 500000,
  discount_bp: 1000,
  discount_amount: 50000,
  tax_amount: 72000,
  total_amount: 522000,
  amount_paid: 100000,
  amount_due: 422000,
  deposit_amount: 100000,
  deposit_due_on: '2026-11-05',
  notes: 'Thank you!\nBank: IBAN DE00 0000',
  terms: 'Payable within 14 days.',
};

Deno.test('money formats minor units with the currency digits', () => {
  assertEquals(money(123456, 'EUR'), '€1,234.56');
  assertEquals(money(1235, 'JPY'), '¥1,235');
  assertEquals(money(-5000, 'USD'), '-$50.00');
});

Deno.test('buildInvoicePdf renders a real, parseable A4 PDF titled with the number', async () => {
  const bytes = await buildInvoicePdf(invoice);
  assertEquals(new TextDecoder().decode(bytes.slice(0, 5)), '%PDF-');
  const doc = await PDFDocument.load(bytes);
  assertEquals(doc.getTitle(), 'Invoice INV-0042');
  assertEquals(doc.getPageCount(), 1);
  const [w, h] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
  ok(Math.abs(w - 595.28) < 0.01 && Math.abs(h - 841.89) < 0.01);
});

Deno.test('many items flow onto more pages', async () => {
  const items = Array.from({ length: 60 }, (_, i) => ({ description: `Line ${i + 1}`, quantity: 1, unit_amount: 100, tax_rate_bp: 0, amount: 100 }));
  const doc = await PDFDocument.load(await buildInvoicePdf({ ...invoice, items }));
  ok(doc.getPageCount() >= 2);
});
