import { describe, expect, it } from 'vitest';
import {
  billingColumn,
  billingSchema,
  clientColumns,
  clientSchema,
  contactSchema,
  contactsColumn,
  customFieldsColumn,
  customFieldsSchema,
  intakeSettingsSchema,
  intakeSubmissionSchema,
  parseBilling,
  parseContacts,
  parseCustomFields,
  staleLeadsSchema,
} from './schemas';

const messages = (result: { success: boolean; error?: { issues: Array<{ message: string; path: PropertyKey[] }> } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('clientSchema', () => {
  const base = { name: 'Acme Outdoor', status: 'lead', email: '', phone: '', website: '', owner_id: '' } as const;

  it('trims and accepts a client with only a name', () => {
    const parsed = clientSchema.parse({ ...base, name: '  Acme  ' });
    expect(clientColumns(parsed)).toEqual({ name: 'Acme', status: 'lead', email: null, phone: null, website: null, owner_id: null });
  });

  it('refuses what the table refuses: no name, a long name, a malformed email, an unknown status', () => {
    expect(messages(clientSchema.safeParse({ ...base, name: '   ' }))).toEqual(['name: Name is required']);
    expect(messages(clientSchema.safeParse({ ...base, name: 'x'.repeat(121) }))).toEqual(['name: Name can be at most 120 characters']);
    expect(messages(clientSchema.safeParse({ ...base, email: 'not-an-email' }))).toEqual(['email: Enter a valid email address']);
    expect(clientSchema.safeParse({ ...base, status: 'prospect' }).success).toBe(false);
    expect(messages(clientSchema.safeParse({ ...base, phone: '1'.repeat(41) }))).toEqual(['phone: Phone can be at most 40 characters']);
  });

  it('keeps an email, trimmed', () => {
    expect(clientSchema.parse({ ...base, email: ' hi@acme.test ' }).email).toBe('hi@acme.test');
  });
});

describe('contacts', () => {
  it('needs a name, and a valid email when one is given', () => {
    expect(contactSchema.safeParse({ name: 'Jane', email: '', phone: '', role: '' }).success).toBe(true);
    expect(messages(contactSchema.safeParse({ name: '', email: '', phone: '', role: '' }))).toEqual(['name: Name is required']);
    expect(messages(contactSchema.safeParse({ name: 'Jane', email: 'jane@', phone: '', role: '' }))).toEqual(['email: Enter a valid email address']);
    expect(messages(contactSchema.safeParse({ name: 'Jane', email: '', phone: '', role: 'r'.repeat(81) }))).toEqual(['role: Role can be at most 80 characters']);
  });

  it('stores contacts without empty fields and reads back whatever is stored', () => {
    const stored = contactsColumn([{ name: 'Jane Park', email: 'jane@acme.test', phone: '', role: 'Marketing lead' }]);
    expect(stored).toEqual([{ name: 'Jane Park', email: 'jane@acme.test', role: 'Marketing lead' }]);
    expect(parseContacts(stored)).toEqual([{ name: 'Jane Park', email: 'jane@acme.test', phone: '', role: 'Marketing lead' }]);
    expect(parseContacts(null)).toEqual([]);
    expect(parseContacts({ name: 'not an array' })).toEqual([]);
    expect(parseContacts([{ email: 'nameless@acme.test' }, 'junk', { name: 'Kept', phone: 5 }])).toEqual([{ name: 'Kept', email: '', phone: '', role: '' }]);
  });
});

describe('billing details', () => {
  const empty = { legal_name: '', tax_id: '', address: '', payment_terms_days: '', billing_email: '' };

  it('accepts payment terms of 0 to 365 whole days', () => {
    expect(billingSchema.safeParse({ ...empty, payment_terms_days: '30' }).success).toBe(true);
    expect(billingSchema.safeParse({ ...empty, payment_terms_days: '0' }).success).toBe(true);
    for (const bad of ['366', '-1', '2.5', 'thirty']) {
      expect(messages(billingSchema.safeParse({ ...empty, payment_terms_days: bad }))).toEqual(['payment_terms_days: Use a whole number of days from 0 to 365']);
    }
  });

  it('stores only what is filled in, with payment terms as a number, and reads numbers back', () => {
    const stored = billingColumn(billingSchema.parse({ ...empty, legal_name: ' Acme Inc. ', payment_terms_days: '30' }));
    expect(stored).toEqual({ legal_name: 'Acme Inc.', payment_terms_days: 30 });
    expect(parseBilling(stored)).toEqual({ ...empty, legal_name: 'Acme Inc.', payment_terms_days: '30' });
    expect(parseBilling([])).toEqual(empty);
  });
});

describe('custom fields', () => {
  it('turns rows into an object and back', () => {
    const fields = [
      { key: 'Industry', value: 'Outdoor retail' },
      { key: 'Account no.', value: 'A-1042' },
    ];
    expect(customFieldsColumn(fields)).toEqual({ Industry: 'Outdoor retail', 'Account no.': 'A-1042' });
    expect(parseCustomFields({ Industry: 'Outdoor retail', seats: 12, flag: null })).toEqual([
      { key: 'Industry', value: 'Outdoor retail' },
      { key: 'seats', value: '12' },
      { key: 'flag', value: '' },
    ]);
  });

  it('refuses duplicate or empty names, and too much text in total', () => {
    const dup = customFieldsSchema.safeParse({ fields: [{ key: 'Industry', value: 'a' }, { key: 'industry', value: 'b' }] });
    expect(messages(dup)).toEqual(['fields.1.key: Each field name can be used once']);
    expect(messages(customFieldsSchema.safeParse({ fields: [{ key: ' ', value: 'a' }] }))).toEqual(['fields.0.key: Field name is required']);
    const long = customFieldsSchema.safeParse({ fields: Array.from({ length: 30 }, (_, i) => ({ key: `field ${i}`, value: 'x'.repeat(500) })) });
    expect(messages(long)).toEqual(['fields: These fields are too long in total; shorten some values']);
  });
});

describe('intake', () => {
  const valid = { name: 'Ada', email: 'ada@example.test', company: '', phone: '', budget: '', message: 'We need a new website.', website: '' };

  it('mirrors submit_intake: a name, a valid email and 10 to 5000 characters of message', () => {
    expect(intakeSubmissionSchema.safeParse(valid).success).toBe(true);
    expect(messages(intakeSubmissionSchema.safeParse({ ...valid, name: ' ' }))).toEqual(['name: Your name is required']);
    expect(messages(intakeSubmissionSchema.safeParse({ ...valid, email: '' }))).toEqual(['email: Your email is required']);
    expect(messages(intakeSubmissionSchema.safeParse({ ...valid, email: 'ada@' }))).toEqual(['email: Enter a valid email address']);
    expect(messages(intakeSubmissionSchema.safeParse({ ...valid, message: '  too short ' }))).toEqual(['message: Tell us a little more: at least 10 characters']);
    expect(messages(intakeSubmissionSchema.safeParse({ ...valid, message: 'x'.repeat(5001) }))).toEqual(['message: Keep it under 5000 characters']);
    expect(messages(intakeSubmissionSchema.safeParse({ ...valid, company: 'c'.repeat(121) }))).toEqual(['company: Company can be at most 120 characters']);
  });

  it('passes the honeypot through untouched (the server decides what to do with it)', () => {
    expect(intakeSubmissionSchema.parse({ ...valid, website: 'http://spam.test' }).website).toBe('http://spam.test');
  });

  it('checks the settings form and the stale lead days', () => {
    expect(intakeSettingsSchema.safeParse({ enabled: true, title: 'Work with us', intro: '', thank_you: '', ask_budget: false }).success).toBe(true);
    expect(messages(intakeSettingsSchema.safeParse({ enabled: true, title: '', intro: '', thank_you: '', ask_budget: false }))).toEqual(['title: Title is required']);
    expect(staleLeadsSchema.safeParse({ stale_lead_days: '14' }).success).toBe(true);
    for (const bad of ['0', '366', '', '7.5']) expect(staleLeadsSchema.safeParse({ stale_lead_days: bad }).success).toBe(false);
  });
});
