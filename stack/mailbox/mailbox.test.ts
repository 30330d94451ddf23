import { describe, expect, it } from 'vitest';
import { parseMessage } from './index.ts';
import { escapeHtml, listPage } from './page.ts';

describe('parseMessage', () => {
  it('accepts {to, subject, text|html, from?}', () => {
    expect(parseMessage({ to: 'a@b.c', subject: 's', text: 't' })).toEqual({ to: 'a@b.c', subject: 's', text: 't', html: '', from: undefined });
  });
  it('rejects missing or mistyped fields', () => {
    expect(() => parseMessage([])).toThrow(/JSON object/);
    expect(() => parseMessage({ subject: 's', text: 't' })).toThrow(/"to" is required/);
    expect(() => parseMessage({ to: 'x', subject: 's', text: 't' })).toThrow(/email address/);
    expect(() => parseMessage({ to: 'a@b.c', subject: 1, text: 't' })).toThrow(/must be a string/);
    expect(() => parseMessage({ to: 'a@b.c', subject: 's' })).toThrow(/text/);
  });
});

describe('pages', () => {
  it('escapes what users control', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const html = listPage([{ id: 'i', to: '<x>@y.z', from: 'f', subject: '<script>', text: '', html: '', created_at: 't' }], null, '/mailbox');
    expect(html).not.toContain('<script>');
    expect(html).toContain('/mailbox/messages/i');
  });
});
