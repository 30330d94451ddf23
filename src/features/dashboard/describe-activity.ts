type Row = { action: string; table_name: string; after: unknown; before: unknown };

/** One readable line per audit row. */
export function describeActivity(row: Row): string {
  const data = (row.after ?? row.before ?? {}) as Record<string, unknown>;
  const a = (word: unknown) => `${/^[aeiou]/i.test(String(word)) ? 'An' : 'A'} ${word}`;
  switch (row.table_name) {
    case 'organization_members':
      if (row.action === 'insert') return `${a(data.role)} joined`;
      if (row.action === 'delete') return `${a(data.role)} left or was removed`;
      return `A member became ${data.role}`;
    case 'invitations':
      if (row.action === 'insert') return `${data.email} was invited as ${data.role}`;
      if (data.accepted_at) return `${data.email} accepted the invitation`;
      if (data.revoked_at) return `The invitation to ${data.email} was revoked`;
      return `The invitation to ${data.email} changed`;
    case 'organizations':
      return row.action === 'insert' ? 'The organization was created' : 'Organization settings changed';
    default:
      return `${row.table_name}: ${row.action}`;
  }
}
