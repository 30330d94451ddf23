-- Demo data for local development: two organizations, each with an owner, admin, manager, member and
-- a client member. Every demo account's password is `atrium-demo` (listed in the README).
do $$
declare
  orgs jsonb := '[
    {"id": "a0000000-0000-4000-8000-000000000001", "name": "Northwind Studio", "slug": "northwind", "domain": "northwind.test"},
    {"id": "b0000000-0000-4000-8000-000000000002", "name": "Lumen Collective", "slug": "lumen", "domain": "lumen.test"}
  ]';
  people jsonb := '[
    {"role": "owner", "local": "owner", "name": "Olivia Owner"},
    {"role": "admin", "local": "admin", "name": "Adam Admin"},
    {"role": "manager", "local": "manager", "name": "Maya Manager"},
    {"role": "member", "local": "member", "name": "Milo Member"},
    {"role": "client", "local": "client", "name": "Clara Client"}
  ]';
  org jsonb;
  person jsonb;
  org_index int := 0;
  person_index int;
  uid uuid;
  email text;
begin
  for org in select * from jsonb_array_elements(orgs) loop
    org_index := org_index + 1;
    insert into public.organizations (id, name, slug, currency)
    values ((org ->> 'id')::uuid, org ->> 'name', org ->> 'slug', case org_index when 1 then 'USD' else 'EUR' end)
    on conflict (id) do nothing;
    person_index := 0;
    for person in select * from jsonb_array_elements(people) loop
      person_index := person_index + 1;
      uid := format('%s0000000-0000-4000-9000-00000000000%s', org_index, person_index)::uuid;
      email := format('%s@%s', person ->> 'local', org ->> 'domain');
      insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
        raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token,
        email_change_token_new, email_change, email_change_token_current, phone_change, phone_change_token, reauthentication_token)
      values ('00000000-0000-0000-0000-000000000000', uid, 'authenticated', 'authenticated', email,
        extensions.crypt('atrium-demo', extensions.gen_salt('bf', 10)), now(),
        '{"provider": "email", "providers": ["email"]}', jsonb_build_object('display_name', person ->> 'name'),
        now(), now(), '', '', '', '', '', '', '', '')
      on conflict (id) do nothing;
      insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
      values (uid::text, uid, jsonb_build_object('sub', uid::text, 'email', email, 'email_verified', true), 'email', now(), now(), now())
      on conflict (provider_id, provider) do nothing;
      insert into public.organization_members (organization_id, user_id, role)
      values ((org ->> 'id')::uuid, uid, (person ->> 'role')::public.org_role)
      on conflict (organization_id, user_id) do nothing;
    end loop;
  end loop;
end $$;
