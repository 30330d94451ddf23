-- supabase_vault 0.3's SQL surface (supabase/vault) on pgcrypto instead of libsodium: secrets are
-- stored AES-256 encrypted (base64 in `secret`, the IV in `nonce`) under the stack's key in
-- _atrium.vault_key (stack/db/base/40-cron-net-vault.sql); `decrypted_secrets` decrypts on read.
\echo Use "CREATE EXTENSION supabase_vault" to load this file. \quit

create function vault._encrypt(message text, nonce bytea) returns text
language sql volatile security definer set search_path = '' as $$
  select encode(extensions.encrypt_iv(convert_to(message, 'utf8'), k.key, nonce, 'aes-cbc/pad:pkcs'), 'base64')
  from _atrium.vault_key k
$$;

create function vault._decrypt(secret text, nonce bytea) returns text
language sql stable security definer set search_path = '' as $$
  select convert_from(extensions.decrypt_iv(decode(secret, 'base64'), k.key, nonce, 'aes-cbc/pad:pkcs'), 'utf8')
  from _atrium.vault_key k
$$;

create table vault.secrets (
  id uuid primary key default gen_random_uuid(),
  name text,
  description text not null default '',
  secret text not null,
  key_id uuid,
  nonce bytea default extensions.gen_random_bytes(16),
  created_at timestamptz not null default current_timestamp,
  updated_at timestamptz not null default current_timestamp
);
comment on table vault.secrets is 'Table with encrypted `secret` column for storing sensitive information on disk.';
create unique index on vault.secrets using btree (name) where name is not null;
select pg_catalog.pg_extension_config_dump('vault.secrets', '');

create view vault.decrypted_secrets as
select s.id, s.name, s.description, s.secret, vault._decrypt(s.secret, s.nonce) as decrypted_secret,
       s.key_id, s.nonce, s.created_at, s.updated_at
from vault.secrets s;

create function vault.create_secret(new_secret text, new_name text = null, new_description text = '', new_key_id uuid = null)
returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  iv bytea := extensions.gen_random_bytes(16);
  new_id uuid;
begin
  insert into vault.secrets (secret, name, description, key_id, nonce)
  values (vault._encrypt(new_secret, iv), new_name, coalesce(new_description, ''), new_key_id, iv)
  returning id into new_id;
  return new_id;
end
$$;

create function vault.update_secret(secret_id uuid, new_secret text = null, new_name text = null,
                                    new_description text = null, new_key_id uuid = null)
returns void
language plpgsql security definer set search_path = '' as $$
begin
  update vault.secrets s
     set secret = case when new_secret is null then s.secret else vault._encrypt(new_secret, s.nonce) end,
         name = coalesce(new_name, s.name),
         description = coalesce(new_description, s.description),
         key_id = coalesce(new_key_id, s.key_id),
         updated_at = now()
   where s.id = secret_id;
end
$$;

-- Only the project's privileged roles may touch secrets; anon and authenticated get 42501.
revoke all on vault.secrets, vault.decrypted_secrets from public;
revoke execute on function vault._encrypt(text, bytea), vault._decrypt(text, bytea),
  vault.create_secret(text, text, text, uuid), vault.update_secret(uuid, text, text, text, uuid) from public;
grant usage on schema vault to postgres, service_role;
grant select, insert, update, delete, truncate, references on vault.secrets to postgres, service_role;
grant select on vault.decrypted_secrets to postgres, service_role;
grant execute on function vault._decrypt(text, bytea), vault.create_secret(text, text, text, uuid),
  vault.update_secret(uuid, text, text, text, uuid) to postgres, service_role;
