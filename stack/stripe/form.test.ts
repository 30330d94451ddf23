import { describe, expect, it } from 'vitest';
import { FormError, parseForm } from './form.ts';

describe('parseForm', () => {
  it('reads bracketed keys into objects and indexed keys into arrays', () => {
    const body =
      'mode=payment&line_items[0][quantity]=1&line_items[0][price_data][currency]=eur&line_items[0][price_data][unit_amount]=1250' +
      '&line_items[0][price_data][product_data][name]=INV-0001%20%26%20co&metadata[invoice_id]=abc&payment_method_types[0]=card' +
      '&expand[]=payment_intent&expand[]=customer&description=';
    expect(parseForm(body)).toEqual({
      mode: 'payment',
      line_items: [{ quantity: '1', price_data: { currency: 'eur', unit_amount: '1250', product_data: { name: 'INV-0001 & co' } } }],
      metadata: { invoice_id: 'abc' },
      payment_method_types: ['card'],
      expand: ['payment_intent', 'customer'],
      description: '',
    });
  });

  it('keeps numeric metadata keys that are not a 0..n sequence as an object', () => {
    expect(parseForm('metadata[2]=x')).toEqual({ metadata: { 2: 'x' } });
  });

  it('refuses malformed keys', () => {
    expect(() => parseForm('a]b=1')).toThrow(FormError);
  });
});
