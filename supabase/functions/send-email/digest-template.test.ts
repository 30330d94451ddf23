// The notification digest e-mail: every unread item with its link, escaped, in HTML and text.
import { deepStrictEqual as assertEquals, ok } from 'node:assert';
import { render } from './templates.ts';

const row = (payload: Record<string, unknown>) => ({
  id: 'e1',
  to_email: 'ana@example.com',
  subject: 'You have 2 unread notifications on Atrium',
  template: 'notification_digest',
  payload,
});

Deno.test('digest: lists each notification with an absolute link, newest first as queued', () => {
  const email = render(
    row({
      display_name: 'Ana',
      total: 2,
      path: '/notifications',
      items: [
        { title: 'Milo mentioned you in Website redesign', body: 'Can you check the copy?', link: '/messages/c1?message=m1', created_at: '2026-11-23T10:00:00Z', organization_name: 'Northwind' },
        { title: 'New update on Brand refresh', body: null, link: '/projects/p1', created_at: '2026-11-23T09:00:00Z', organization_name: 'Northwind' },
      ],
    }),
    'https://app.example.com/',
    'Atrium <no-reply@atrium.local>',
  );
  assertEquals(email.to, 'ana@example.com');
  ok(email.text.includes('Hi Ana,'));
  ok(email.text.includes('https://app.example.com/messages/c1?message=m1'));
  ok(email.text.includes('https://app.example.com/projects/p1'));
  ok(email.text.indexOf('Milo mentioned') < email.text.indexOf('New update'));
  ok(email.html.includes('href="https://app.example.com/messages/c1?message=m1"'));
  ok(email.html.includes('href="https://app.example.com/notifications"'));
});

Deno.test('digest: titles and bodies are escaped, and foreign links never leave the site', () => {
  const email = render(
    row({
      total: 3,
      items: [{ title: '<script>alert(1)</script>', body: '<img src=x onerror=alert(1)>', link: '//evil.example/x', created_at: 'not a date' }],
    }),
    'https://app.example.com',
    'Atrium <no-reply@atrium.local>',
  );
  ok(!email.html.includes('<script>'));
  ok(!email.html.includes('<img'));
  ok(email.html.includes('&lt;script&gt;'));
  ok(!email.html.includes('evil.example'));
  ok(email.text.includes('https://app.example.com/\n') || email.text.includes('https://app.example.com/'));
  ok(email.text.includes('and 2 more'));
});
