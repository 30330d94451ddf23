// A studio for the tasks and time tests: a fresh organization where each matrix actor holds its role,
// two clients with a project each, and the matrix's client member standing for the first client.
import type { Matrix } from '../rls/harness.ts';

export interface Studio {
  org: string;
  clientId: string;
  /** A project of the client the client member stands for. */
  projectId: string;
  /** A project of another client of the same organization. */
  otherProjectId: string;
}

export async function newStudio(matrix: Matrix, options: { hourlyRate?: number | null; timezone?: string } = {}): Promise<Studio> {
  const { db } = matrix.ctx;
  const org = await matrix.ctx.newOrg();
  if (options.timezone) await db.query('update public.organizations set timezone = $1 where id = $2', [options.timezone, org]);
  const client = async (name: string) =>
    (await db.query(`insert into public.clients (organization_id, name, status) values ($1, $2, 'active') returning id`, [org, name])).rows[0].id as string;
  const project = async (clientId: string, name: string) =>
    (
      await db.query(`insert into public.projects (organization_id, client_id, name, status, hourly_rate) values ($1, $2, $3, 'active', $4) returning id`, [
        org,
        clientId,
        name,
        options.hourlyRate === undefined ? 100 : options.hourlyRate,
      ])
    ).rows[0].id as string;
  const clientId = await client('Acme Test');
  const otherClient = await client('Other Test');
  const projectId = await project(clientId, 'Client project');
  const otherProjectId = await project(otherClient, 'Other project');
  await db.query('update public.organization_members set client_id = $1 where organization_id = $2 and user_id = $3', [clientId, org, matrix.ctx.users.client]);
  return { org, clientId, projectId, otherProjectId };
}

export async function taskRow(matrix: Matrix, id: string) {
  const { rows } = await matrix.ctx.db.query('select * from public.tasks where id = $1', [id]);
  return rows[0];
}
