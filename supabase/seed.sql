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

-- Clients, projects, tasks, updates, time and capacity for both demo organizations. The client demo
-- account of each organization stands for its first client, so the portal has something to show.
do $$
declare
  orgs jsonb := '[
    {"index": 1, "id": "a0000000-0000-4000-8000-000000000001",
     "clients": ["Acme Outdoor", "Globex Foods", "Initech", "Umbrella Health", "Soylent Labs"],
     "leads": ["Hooli", "Vandelay Industries", "Stark Design", "Wayne Logistics", "Tyrell Labs", "Cyberdyne Media",
               "Gringotts Finance", "Oceanic Air", "Monarch Studios", "Dunder Paper", "Pied Piper", "Massive Dynamic",
               "Wonka Sweets", "Nakatomi Trading", "Blue Sun", "Sirius Cybernetics", "Aperture Science", "Black Mesa",
               "Virtucon", "Gekko & Co"]},
    {"index": 2, "id": "b0000000-0000-4000-8000-000000000002",
     "clients": ["Helios Energy", "Nordlicht Verlag", "Atelier Brun", "Kaffee Kontor", "Studio Vela"],
     "leads": ["Fabrica Roma", "Maison Claire", "Bergwerk GmbH", "Luz Arquitectura", "Polar Outfitters", "Marea Foods"]}
  ]';
  org jsonb;
  org_id uuid;
  idx int;
  owner_id uuid; manager_id uuid; member_id uuid; client_user uuid;
  client_ids uuid[];
  main_project uuid;
  second_project uuid;
  i int;
  week date := date_trunc('week', now())::date;
begin
  for org in select * from jsonb_array_elements(orgs) loop
    idx := (org ->> 'index')::int;
    org_id := (org ->> 'id')::uuid;
    if exists (select 1 from public.clients where organization_id = org_id) then
      continue;
    end if;
    owner_id := format('%s0000000-0000-4000-9000-000000000001', idx)::uuid;
    manager_id := format('%s0000000-0000-4000-9000-000000000003', idx)::uuid;
    member_id := format('%s0000000-0000-4000-9000-000000000004', idx)::uuid;
    client_user := format('%s0000000-0000-4000-9000-000000000005', idx)::uuid;
    client_ids := '{}';

    for i in 0 .. jsonb_array_length(org -> 'clients') - 1 loop
      client_ids := client_ids || format('%s1000000-0000-4000-a000-00000000000%s', idx, i + 1)::uuid;
      insert into public.clients (id, organization_id, name, status, email, phone, website, contacts, billing_details, custom_fields, owner_id, last_activity_at, created_by)
      values (client_ids[i + 1], org_id, org -> 'clients' ->> i,
        (array['active', 'active', 'lead', 'inactive', 'lead'])[i + 1]::public.client_status,
        lower(replace(org -> 'clients' ->> i, ' ', '')) || '@example.com', '+1 555 010' || i,
        'https://' || lower(replace(org -> 'clients' ->> i, ' ', '')) || '.example.com',
        jsonb_build_array(jsonb_build_object('name', (array['Jane Park', 'Luis Ortega', 'Amara Diallo', 'Kenji Sato', 'Ruth Meyer'])[i + 1],
          'email', 'contact' || i || '@' || lower(replace(org -> 'clients' ->> i, ' ', '')) || '.example.com', 'role', 'Marketing lead')),
        jsonb_build_object('legal_name', (org -> 'clients' ->> i) || ' Inc.', 'tax_id', 'TAX-' || (1000 + i), 'payment_terms_days', 30),
        jsonb_build_object('industry', (array['Outdoor retail', 'Food', 'Software', 'Health', 'Biotech'])[i + 1]),
        case when i % 2 = 0 then manager_id else owner_id end,
        now() - make_interval(days => (array[1, 3, 6, 40, 25])[i + 1]), owner_id);
    end loop;
    for i in 0 .. jsonb_array_length(org -> 'leads') - 1 loop
      insert into public.clients (organization_id, name, status, email, source, owner_id, last_activity_at, created_by)
      values (org_id, org -> 'leads' ->> i, (array['lead', 'lead', 'active', 'inactive', 'archived'])[i % 5 + 1]::public.client_status,
        'hello@' || lower(regexp_replace(org -> 'leads' ->> i, '[^A-Za-z]', '', 'g')) || '.example.com',
        case when i % 3 = 0 then 'intake' else 'manual' end, case when i % 2 = 0 then member_id end,
        now() - make_interval(days => i * 2), owner_id);
    end loop;

    update public.organization_members set client_id = client_ids[1] where organization_id = org_id and user_id = client_user;

    main_project := format('%s2000000-0000-4000-a000-000000000001', idx)::uuid;
    second_project := format('%s2000000-0000-4000-a000-000000000002', idx)::uuid;
    insert into public.projects (id, organization_id, client_id, name, description, status, budget, budget_hours, hourly_rate,
      start_on, end_on, milestones, checkpoint_every_days, next_checkpoint_on, created_by)
    values
      (main_project, org_id, client_ids[1], 'Website redesign', 'A new marketing site: discovery, design system, build and launch.',
       'active', 24000, 200, 120, current_date - 30, current_date + 60,
       jsonb_build_array(
         jsonb_build_object('key', 'discovery', 'title', 'Discovery workshop', 'due_on', current_date - 20, 'done', true),
         jsonb_build_object('key', 'design', 'title', 'Design system approved', 'due_on', current_date + 5, 'done', false),
         jsonb_build_object('key', 'build', 'title', 'Site built', 'due_on', current_date + 40, 'done', false),
         jsonb_build_object('key', 'launch', 'title', 'Launch', 'due_on', current_date + 60, 'done', false)),
       14, current_date + 3, owner_id),
      (second_project, org_id, client_ids[1], 'Brand refresh', 'Logo, palette and type for the new season.',
       'planning', 8000, 60, 110, current_date + 10, current_date + 70,
       jsonb_build_array(jsonb_build_object('key', 'moodboard', 'title', 'Moodboard', 'due_on', current_date + 20)), null, null, owner_id),
      (format('%s2000000-0000-4000-a000-000000000003', idx)::uuid, org_id, client_ids[2], 'Mobile ordering app',
       'iOS and Android ordering for 40 stores.', 'on_hold', 60000, 480, 130, current_date - 90, current_date + 120, '[]', null, null, owner_id),
      (format('%s2000000-0000-4000-a000-000000000004', idx)::uuid, org_id, client_ids[2], 'Packaging series',
       'Seasonal packaging for the frozen range.', 'completed', 12000, 90, 100, current_date - 150, current_date - 40, '[]', null, null, owner_id);

    insert into public.tasks (organization_id, project_id, title, description, status, position, assignee_id, due_on, milestone_key, client_visible, created_by)
    values
      (org_id, main_project, 'Stakeholder interviews', 'Six interviews with the marketing team.', 'done', 1, manager_id, current_date - 22, 'discovery', true, owner_id),
      (org_id, main_project, 'Sitemap and content audit', null, 'done', 2, member_id, current_date - 15, 'discovery', true, owner_id),
      (org_id, main_project, 'Typography and colour tokens', null, 'in_progress', 1, member_id, current_date + 2, 'design', true, owner_id),
      (org_id, main_project, 'Component library in Figma', null, 'in_progress', 2, manager_id, current_date + 4, 'design', false, owner_id),
      (org_id, main_project, 'Homepage design review', 'Walk the client through the homepage.', 'review', 1, manager_id, current_date + 5, 'design', true, owner_id),
      (org_id, main_project, 'Set up CMS', null, 'todo', 1, member_id, current_date + 12, 'build', false, owner_id),
      (org_id, main_project, 'Product page templates', null, 'todo', 2, null, current_date + 20, 'build', true, owner_id),
      (org_id, main_project, 'Performance budget', 'Lighthouse 90+ on mobile.', 'todo', 3, null, null, 'build', false, owner_id),
      (org_id, second_project, 'Collect brand references', null, 'todo', 1, member_id, current_date + 14, 'moodboard', true, owner_id);
    insert into public.tasks (organization_id, project_id, title, description, client_visible, requested_by, request_status, created_by)
    values (org_id, main_project, 'Add a store locator page', 'Customers keep asking where to buy; could the new site have a store finder?',
            true, client_user, 'pending', client_user);

    insert into public.project_updates (organization_id, project_id, visibility, body, author_id, created_at)
    values
      (org_id, main_project, 'internal', 'Client budget is tight for the build phase; keep the CMS choice simple and flag any scope creep early.', manager_id, now() - interval '6 days'),
      (org_id, main_project, 'client', 'Discovery is complete. We have the sitemap and content audit ready and start on the design system this week.', manager_id, now() - interval '5 days'),
      (org_id, main_project, 'client', 'Typography and colours are nearly there; expect a homepage review on Friday.', member_id, now() - interval '1 day');
    insert into public.project_updates (organization_id, project_id, visibility, body, author_id, parent_id, created_at)
    select org_id, main_project, 'client', 'Great progress, thank you! Friday works for us.', client_user, u.id, now() - interval '20 hours'
    from public.project_updates u where u.project_id = main_project and u.visibility = 'client' order by u.created_at desc limit 1;

    -- Three weeks of tracked time for the manager and member, and a plan for the next four weeks.
    insert into public.time_entries (organization_id, project_id, user_id, started_at, ended_at, billable, hourly_rate, note)
    select org_id, case when d % 3 = 0 then second_project else main_project end, u,
           (current_date - d)::timestamp + interval '9 hours', (current_date - d)::timestamp + interval '9 hours' + make_interval(mins => 120 + (d * 37) % 240),
           d % 4 <> 0, case when d % 3 = 0 then 110 else 120 end, 'Design and build work'
    from generate_series(1, 21) d, unnest(array[manager_id, member_id]) u
    where extract(isodow from current_date - d) < 6;
    insert into public.capacity_entries (organization_id, user_id, project_id, week_start, planned_hours)
    select org_id, u, p, week + 7 * w, case when u = member_id then (array[30, 24, 12])[(w + 3) % 3 + 1] else (array[16, 20, 8])[(w + 3) % 3 + 1] end
    from generate_series(-2, 5) w, unnest(array[manager_id, member_id]) u, unnest(array[main_project, second_project]) p
    where p = main_project or w >= 1;

    insert into public.intake_forms (organization_id, title, intro, thank_you)
    values (org_id, 'Start a project with us', 'Tell us about your project and we will get back to you within two working days.',
            'Thanks! We read every request and will reply within two working days.');
  end loop;
end $$;
