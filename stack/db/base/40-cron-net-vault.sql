-- What the pg_cron, pg_net and supabase_vault stand-ins (stack/cron/extensions) need before any
-- migration runs. The extensions themselves are installed by stack/cron's beforeMigrations hook,
-- which also creates supabase_vault (pre-installed on hosted Supabase). Idempotent.

-- The vault's encryption key: generated once per database, readable only by the superuser, used
-- only by the vault's security-definer functions. Ciphertext in vault.secrets is useless without it.
create table if not exists _atrium.vault_key (
  id boolean primary key default true check (id),
  key bytea not null
);
insert into _atrium.vault_key (key) values (extensions.gen_random_bytes(32)) on conflict (id) do nothing;
revoke all on _atrium.vault_key from public;
comment on table _atrium.vault_key is 'AES-256 key of the local vault stand-in (supabase_vault).';
