import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDb } from '../../helpers/env.ts';
import { ensureExtensions, sql } from './helpers.ts';

async function asRole<T>(role: string, text: string): Promise<T[]> {
  return withDb(async (db) => {
    await db.query('begin');
    try {
      await db.query(`set local role ${role}`);
      return (await db.query(text)).rows as T[];
    } finally {
      await db.query('rollback');
    }
  });
}

describe('cron: vault', () => {
  beforeAll(ensureExtensions);
  afterAll(() => sql(`delete from vault.secrets where name like 'vault-test-%'`));

  it('round-trips a secret, encrypted at rest', async () => {
    const [created] = await sql(`select vault.create_secret('s3cr3t-value', 'vault-test-a', 'a description') as id`);
    expect(created!.id).toMatch(/^[0-9a-f-]{36}$/);
    const [stored] = await sql(`select secret, nonce from vault.secrets where id = $1`, [created!.id]);
    expect(stored!.secret).not.toContain('s3cr3t');
    expect(Buffer.from(stored!.secret, 'base64').length).toBeGreaterThanOrEqual(16);
    const [plain] = await sql(`select name, description, decrypted_secret from vault.decrypted_secrets where id = $1`, [created!.id]);
    expect(plain).toEqual({ name: 'vault-test-a', description: 'a description', decrypted_secret: 's3cr3t-value' });
  });

  it('updates a secret and keeps what is passed as null', async () => {
    const [created] = await sql(`select vault.create_secret('first', 'vault-test-b') as id`);
    await sql(`select vault.update_secret($1, 'second')`, [created!.id]);
    await sql(`select vault.update_secret($1, new_description := 'now described')`, [created!.id]);
    const [row] = await sql(`select name, description, decrypted_secret from vault.decrypted_secrets where id = $1`, [created!.id]);
    expect(row).toEqual({ name: 'vault-test-b', description: 'now described', decrypted_secret: 'second' });
  });

  it('rejects a duplicate name with 23505', async () => {
    await sql(`select vault.create_secret('x', 'vault-test-dup')`);
    await expect(sql(`select vault.create_secret('y', 'vault-test-dup')`)).rejects.toMatchObject({ code: '23505' });
  });

  it('lets service_role read secrets and refuses anon and authenticated with 42501', async () => {
    await sql(`select vault.create_secret('for-service', 'vault-test-service')`);
    const rows = await asRole<{ decrypted_secret: string }>('service_role', `select decrypted_secret from vault.decrypted_secrets where name = 'vault-test-service'`);
    expect(rows).toEqual([{ decrypted_secret: 'for-service' }]);
    for (const role of ['anon', 'authenticated']) {
      await expect(asRole(role, `select decrypted_secret from vault.decrypted_secrets`)).rejects.toMatchObject({ code: '42501' });
      await expect(asRole(role, `select vault.create_secret('nope')`)).rejects.toMatchObject({ code: '42501' });
      await expect(asRole(role, `select * from _atrium.vault_key`)).rejects.toMatchObject({ code: '42501' });
    }
  });
});
