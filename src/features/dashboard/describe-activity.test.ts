import { describe, expect, it } from 'vitest';
import { describeActivity } from './describe-activity';

describe('describeActivity', () => {
  it('reads audit rows as sentences', () => {
    expect(describeActivity({ action: 'insert', table_name: 'invitations', after: { email: 'a@b.test', role: 'member' }, before: null })).toBe('a@b.test was invited as member');
    expect(describeActivity({ action: 'update', table_name: 'invitations', after: { email: 'a@b.test', accepted_at: '2026-01-01' }, before: {} })).toBe('a@b.test accepted the invitation');
    expect(describeActivity({ action: 'insert', table_name: 'organization_members', after: { role: 'owner' }, before: null })).toBe('An owner joined');
    expect(describeActivity({ action: 'delete', table_name: 'organization_members', after: null, before: { role: 'client' } })).toBe('A client left or was removed');
  });
});
