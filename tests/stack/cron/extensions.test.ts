import { describe, expect, it } from 'vitest';
import { sql } from './helpers.ts';

describe('cron: extensions', () => {
  it('lists pg_cron, pg_net and supabase_vault as available, with vault pre-installed as on hosted', async () => {
    const available = await sql(`select name from pg_available_extensions where name in ('pg_cron', 'pg_net', 'supabase_vault') order by name`);
    expect(available.map((r) => r.name)).toEqual(['pg_cron', 'pg_net', 'supabase_vault']);
    const installed = await sql(`select extname from pg_extension where extname = 'supabase_vault'`);
    expect(installed).toHaveLength(1);
  });

  it('runs the hosted-style enabling statements unchanged, and drop/create again', async () => {
    await sql('create extension if not exists pg_cron with schema pg_catalog');
    await sql('grant usage on schema cron to postgres');
    await sql('grant all privileges on all tables in schema cron to postgres');
    await sql('create extension if not exists pg_net with schema extensions');
    await sql('create extension if not exists supabase_vault with schema vault');
    await sql('drop extension pg_net');
    expect(await sql(`select 1 from pg_namespace where nspname = 'net'`)).toHaveLength(0);
    await sql('create extension pg_net with schema extensions');
    const objects = await sql(`select to_regclass('net.http_request_queue') is not null as queue, to_regclass('net._http_response') is not null as responses,
                                      to_regclass('cron.job') is not null as job, to_regclass('cron.job_run_details') is not null as runs,
                                      to_regclass('vault.decrypted_secrets') is not null as secrets`);
    expect(objects[0]).toEqual({ queue: true, responses: true, job: true, runs: true, secrets: true });
  });

  it('refuses pg_cron in another schema, as the real control file does', async () => {
    await expect(sql('drop extension pg_cron; create extension pg_cron with schema extensions')).rejects.toThrow(/must be installed in schema "pg_catalog"/);
    await sql('create extension if not exists pg_cron with schema pg_catalog');
  });

  it('exposes the real signatures', async () => {
    const fns = await sql(`select p.oid::regprocedure::text as sig from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                           where n.nspname in ('cron', 'net', 'vault') and p.proname not like '\\_%' order by 1`);
    expect(fns.map((f) => f.sig)).toEqual(expect.arrayContaining([
      'cron.alter_job(bigint,text,text,text,text,boolean)',
      'cron.schedule(text,text)',
      'cron.schedule(text,text,text)',
      'cron.schedule_in_database(text,text,text,text,text,boolean)',
      'cron.unschedule(bigint)',
      'cron.unschedule(text)',
      'net.http_delete(text,jsonb,jsonb,integer,jsonb)',
      'net.http_get(text,jsonb,jsonb,integer)',
      'net.http_post(text,jsonb,jsonb,jsonb,integer)',
      'vault.create_secret(text,text,text,uuid)',
      'vault.update_secret(uuid,text,text,text,uuid)',
    ]));
    const cols = await sql(`select table_schema || '.' || table_name as t, string_agg(column_name, ',' order by ordinal_position) as cols
                            from information_schema.columns where table_schema in ('cron', 'net', 'vault') group by 1 order by 1`);
    expect(Object.fromEntries(cols.map((c) => [c.t, c.cols]))).toMatchObject({
      'cron.job': 'jobid,schedule,command,nodename,nodeport,database,username,active,jobname',
      'cron.job_run_details': 'jobid,runid,job_pid,database,username,command,status,return_message,start_time,end_time',
      'net._http_response': 'id,status_code,content_type,headers,content,timed_out,error_msg,created',
      'net.http_request_queue': 'id,method,url,headers,body,timeout_milliseconds',
      'vault.decrypted_secrets': 'id,name,description,secret,decrypted_secret,key_id,nonce,created_at,updated_at',
      'vault.secrets': 'id,name,description,secret,key_id,nonce,created_at,updated_at',
    });
  });
});
