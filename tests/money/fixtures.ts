// A shop for the money tests: a fresh organization where each matrix actor holds its role, client A
// (the matrix's client member stands for it) with a project, and client B with its own signed-in
// client member, so every suite can check that one client never sees the other's money.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient, serviceClient } from '../helpers/env.ts';
import type { Matrix } from '../rls/harness.ts';

export interface Shop {
  org: string;
  clientId: string;
  projectId: string;
  otherClientId: string;
  /** The client member of client B, signed in. */
  clientB: SupabaseClient;
  clientBUser: string;
  clientBEmail: string;
}

export interface Item {
  description: string;
  quantity: number | string;
  unit_amount: number;
  tax_rate_bp?: number;
}

export async function signedInUser(label: string): Promise<{ client: SupabaseClient; userId: string; email: string }> {
  const email = `money-${label}-${randomUUID().slice(0, 8)}@money.test`;
  const password = `pw-${randomUUID()}`;
  const { data, error } = await serviceClient().auth.admin.createUser({ email, password, email_confirm: true, user_metadata: { display_name: `Money ${label}` } });
  if (error) throw error;
  const client = anonClient();
  const signIn = await client.auth.signInWithPassword({ email, password });
  if (signIn.error) throw signIn.error;
  return { client, userId: data.user.id, email };
}

export async function newShop(matrix: Matrix, settings: Record<string, unknown> = {}): Promise<Shop> {
  const { db } = matrix.ctx;
  const org = await matrix.ctx.newOrg();
  const keys = Object.keys(settings);
  if (keys.length) {
    await db.query(`update public.organizations set ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')} where id = $1`, [org, ...Object.values(settings)]);
  }
  const client = async (name: string, email: string | null = null) =>
    (await db.query(`insert into public.clients (organization_id, name, status, email) values ($1, $2, 'active', $3) returning id`, [org, name, email])).rows[0].id as string;
  const clientId = await client('Acme Money');
  const otherClientId = await client('Borealis Money', 'billing@borealis.test');
  const projectId = (
    await db.query(`insert into public.projects (organization_id, client_id, name, status, hourly_rate) values ($1, $2, 'Money project', 'active', 90) returning id`, [org, clientId])
  ).rows[0].id as string;
  await db.query('update public.organization_members set client_id = $1 where organization_id = $2 and user_id = $3', [clientId, org, matrix.ctx.users.client]);
  const b = await signedInUser('client-b');
  await db.query(`insert into public.organization_members (organization_id, user_id, role, client_id) values ($1, $2, 'client', $3)`, [org, b.userId, otherClientId]);
  return { org, clientId, projectId, otherClientId, clientB: b.client, clientBUser: b.userId, clientBEmail: b.email };
}

/** A draft invoice made through REST by `staff`, with its items. */
export async function draftInvoice(
  staff: SupabaseClient,
  org: string,
  clientId: string,
  items: Item[],
  values: Record<string, unknown> = {},
): Promise<string> {
  const { data } = await staff.from('invoices').insert({ organization_id: org, client_id: clientId, ...values }).select('id').single().throwOnError();
  const id = (data as { id: string }).id;
  if (items.length) {
    await staff
      .from('invoice_items')
      .insert(items.map((item, position) => ({ organization_id: org, invoice_id: id, position, ...item })))
      .throwOnError();
  }
  return id;
}

export async function sentInvoice(staff: SupabaseClient, org: string, clientId: string, items: Item[], values: Record<string, unknown> = {}): Promise<string> {
  const id = await draftInvoice(staff, org, clientId, items, values);
  await staff.rpc('send_invoice', { invoice_id: id }).throwOnError();
  return id;
}

export async function invoiceRow(matrix: Matrix, id: string): Promise<Record<string, any>> {
  const { rows } = await matrix.ctx.db.query('select * from public.invoices where id = $1', [id]);
  return rows[0];
}

export async function outbox(matrix: Matrix, template: string, key: string, value: string): Promise<Array<{ to_email: string; subject: string; payload: any }>> {
  const { rows } = await matrix.ctx.db.query(
    `select to_email, subject, payload from public.email_outbox where template = $1 and payload ->> $2 = $3 order by created_at, to_email`,
    [template, key, value],
  );
  return rows;
}

export async function notifications(matrix: Matrix, kind: string, key: string, value: string): Promise<Array<{ user_id: string; title: string; link: string }>> {
  const { rows } = await matrix.ctx.db.query(
    `select user_id, title, link from public.notifications where kind = $1 and data ->> $2 = $3 order by created_at, user_id`,
    [kind, key, value],
  );
  return rows;
}
