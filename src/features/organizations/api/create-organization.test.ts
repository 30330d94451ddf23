import { describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/supabase', () => ({ supabase: {} }));
const { createOrganizationSchema, slugify } = await import('./create-organization');
const { invitableRoles, inviteSchema } = await import('./invitations');

describe('slugify', () => {
  it('suggests an address from a name', () => {
    expect(slugify('Northwind Studio')).toBe('northwind-studio');
    expect(slugify('  Café Ü & Co.  ')).toBe('cafe-u-co');
    expect(slugify('x'.repeat(60))).toHaveLength(48);
  });

  it('produces addresses the schema (and the database check) accept', () => {
    for (const name of ['Northwind Studio', 'Lumen — Collective', 'A1 Design']) {
      expect(createOrganizationSchema.safeParse({ name, slug: slugify(name) }).success).toBe(true);
    }
    expect(createOrganizationSchema.safeParse({ name: 'Ok', slug: '-bad-' }).success).toBe(false);
  });
});

describe('invitableRoles', () => {
  it('lets managers invite members and clients only', () => {
    expect(invitableRoles('manager').map((r) => r.value)).toEqual(['member', 'client']);
    expect(invitableRoles('admin').map((r) => r.value)).toEqual(['member', 'client', 'manager', 'admin']);
  });
});

describe('inviteSchema', () => {
  it('asks which client a client member stands for, and nothing of staff', () => {
    const client = inviteSchema.safeParse({ email: 'c@acme.test', role: 'client', client_id: '' });
    expect(client.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['client_id', 'Choose the client they stand for']]);
    expect(inviteSchema.safeParse({ email: 'c@acme.test', role: 'client', client_id: '11000000-0000-4000-a000-000000000001' }).success).toBe(true);
    expect(inviteSchema.safeParse({ email: 'm@acme.test', role: 'member', client_id: '' }).success).toBe(true);
  });
});
