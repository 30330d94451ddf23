// Builds an invoice PDF (A4) with pdf-lib: the same content as the SPA's print page: from/to, dates,
// items, totals, deposit, notes and terms. Pure: data in, bytes out, so it is tested without a database.
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'npm:pdf-lib@1.17.1';

export interface InvoicePdfItem {
  description: string;
  quantity: number;
  unit_amount: number;
  tax_rate_bp: number;
  amount: number;
}

export interface InvoicePdfData {
  number: string;
  status: string;
  currency: string;
  issue_on: string;
  due_on: string;
  organization_name: string;
  organization_email: string | null;
  client_name: string | null;
  project_name: string | null;
  items: InvoicePdfItem[];
  subtotal_amount: number;
  discount_bp: number;
  discount_amount: number;
  tax_amount: number;
  total_amount: number;
  amount_paid: number;
  amount_due: number;
  deposit_amount: number | null;
  deposit_due_on: string | null;
  notes: string | null;
  terms: string | null;
}

/** Minor units with the currency's ISO digits, e.g. "€1,234.56". */
export function money(minor: number, currency: string): string {
  const digits = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(minor / 10 ** digits);
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const GREY = rgb(0.4, 0.45, 0.5);

/** Standard PDF fonts speak WinAnsi only: characters outside it print as "?" instead of failing. */
function safe(font: PDFFont, text: string): string {
  return [...text.replace(/[\u202f]/g, ' ')].map((ch) => {
    try {
      font.encodeText(ch);
      return ch;
    } catch {
      return '?';
    }
  }).join('');
}

/** Splits text into lines that fit `width`. */
function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = '';
    for (const word of para.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        out.push(line);
        line = word;
      } else line = next;
    }
    out.push(line);
  }
  return out;
}

export async function buildInvoicePdf(inv: InvoicePdfData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Invoice ${inv.number}`);
  doc.setAuthor(inv.organization_name);
  doc.setCreator('Atrium');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const c = inv.currency;

  const text = (s: string, x: number, size = 10, font = regular, color = rgb(0, 0, 0)) => page.drawText(safe(font, s), { x, y, size, font, color });
  const right = (s: string, xRight: number, size = 10, font = regular) => {
    const t = safe(font, s);
    page.drawText(t, { x: xRight - font.widthOfTextAtSize(t, size), y, size, font });
  };
  const down = (h: number) => {
    y -= h;
    if (y < MARGIN + 40) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
  };

  text(`Invoice ${inv.number}`, MARGIN, 20, bold);
  right(inv.status.replace('_', ' ').toUpperCase(), A4[0] - MARGIN, 10, bold);
  down(32);
  text('FROM', MARGIN, 8, bold, GREY);
  text('BILLED TO', 230, 8, bold, GREY);
  text('ISSUED', 410, 8, bold, GREY);
  right(inv.issue_on, A4[0] - MARGIN, 9);
  down(13);
  text(inv.organization_name, MARGIN, 11, bold);
  text(inv.client_name ?? '', 230, 11, bold);
  text('DUE', 410, 8, bold, GREY);
  right(inv.due_on, A4[0] - MARGIN, 9);
  down(13);
  if (inv.organization_email) text(inv.organization_email, MARGIN, 9, regular, GREY);
  if (inv.project_name) {
    text('PROJECT', 410, 8, bold, GREY);
    right(inv.project_name, A4[0] - MARGIN, 9);
  }
  down(32);

  const cols = { desc: MARGIN, qty: 330, unit: 420, tax: 470, amount: A4[0] - MARGIN };
  text('DESCRIPTION', cols.desc, 8, bold, GREY);
  right('QTY', cols.qty, 8, bold);
  right('UNIT PRICE', cols.unit, 8, bold);
  right('TAX', cols.tax, 8, bold);
  right('AMOUNT', cols.amount, 8, bold);
  down(6);
  page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.5, color: GREY });
  down(14);
  for (const item of inv.items) {
    const lines = wrap(regular, safe(regular, item.description), 10, cols.qty - cols.desc - 50);
    text(lines[0] ?? '', cols.desc);
    right(String(item.quantity), cols.qty);
    right(money(item.unit_amount, c), cols.unit);
    right(`${item.tax_rate_bp / 100}%`, cols.tax);
    right(money(item.amount, c), cols.amount);
    for (const more of lines.slice(1)) {
      down(13);
      text(more, cols.desc);
    }
    down(18);
  }
  down(6);
  const total = (label: string, amount: number, strong = false) => {
    text(label, 360, 10, strong ? bold : regular);
    right(money(amount, c), cols.amount, 10, strong ? bold : regular);
    down(15);
  };
  total('Subtotal', inv.subtotal_amount);
  if (inv.discount_amount > 0) total(`Discount (${inv.discount_bp / 100}%)`, -inv.discount_amount);
  total('Tax', inv.tax_amount);
  total('Total', inv.total_amount, true);
  if (inv.amount_paid > 0) total('Paid', -inv.amount_paid);
  total('Amount due', inv.amount_due, true);
  if (inv.deposit_amount && inv.deposit_due_on) {
    down(6);
    text(`Deposit of ${money(inv.deposit_amount, c)} due ${inv.deposit_due_on}.`, MARGIN);
    down(15);
  }
  for (const [label, body] of [['NOTES', inv.notes], ['TERMS', inv.terms]] as const) {
    if (!body) continue;
    down(10);
    text(label, MARGIN, 8, bold, GREY);
    down(13);
    for (const line of wrap(regular, safe(regular, body), 9, A4[0] - 2 * MARGIN)) {
      text(line, MARGIN, 9);
      down(12);
    }
  }
  return await doc.save();
}
