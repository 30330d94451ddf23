import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { stackEnv, withDb } from '../../helpers/env.ts';
import { ensureExtensions, sql, stackCli, waitFor } from './helpers.ts';

// A small upstream the requests go to: echoes method, URL, headers and body; `/slow` answers late.
let server: http.Server;
let base = '';

function response(id: string) {
  return waitFor(async () => (await sql(`select * from net._http_response where id = $1`, [id]))[0]);
}

describe('cron: pg_net', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    await ensureExtensions();
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const reply = () => {
          res.writeHead(201, { 'Content-Type': 'application/json', 'X-Upstream': 'yes' });
          res.end(JSON.stringify({ method: req.method, url: req.url, contentType: req.headers['content-type'], auth: req.headers.authorization ?? null, body }));
        };
        if (req.url?.startsWith('/slow')) setTimeout(reply, 1500);
        else reply();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await sql(`select cron.unschedule(jobid) from cron.job where jobname like 'net-%'`);
    await sql(`delete from vault.secrets where name in ('net_test_project_url', 'net_test_service_key')`);
  });

  it('sends a committed http_post and stores the response under the same id', async () => {
    const [row] = await sql(`select net.http_post($1, '{"hello": "world"}'::jsonb, '{"a b": "c&d"}'::jsonb) as id`, [`${base}/hook`]);
    const res = await response(row!.id);
    expect(res).toMatchObject({ status_code: 201, content_type: 'application/json', timed_out: false, error_msg: null });
    expect(res.headers['x-upstream']).toBe('yes');
    expect(JSON.parse(res.content)).toEqual({ method: 'POST', url: '/hook?a%20b=c%26d', contentType: 'application/json', auth: null, body: '{"hello": "world"}' });
    expect(await sql(`select 1 from net.http_request_queue where id = $1`, [row!.id])).toHaveLength(0);
  });

  it('sends http_get and http_delete with their headers', async () => {
    const [get] = await sql(`select net.http_get($1, headers := '{"Authorization": "Bearer abc"}'::jsonb) as id`, [`${base}/thing?x=1`]);
    expect(JSON.parse((await response(get!.id)).content)).toMatchObject({ method: 'GET', url: '/thing?x=1', auth: 'Bearer abc' });
    const [del] = await sql(`select net.http_delete($1) as id`, [`${base}/thing/2`]);
    expect(JSON.parse((await response(del!.id)).content)).toMatchObject({ method: 'DELETE', url: '/thing/2' });
  });

  it('reaches the gateway as localhost, as hosted-style URLs in migrations do', async () => {
    const port = new URL(stackEnv.apiUrl).port;
    const [row] = await sql(`select net.http_get($1) as id`, [`http://localhost:${port}/functions/v1/_internal/health`]);
    expect(await response(row!.id)).toMatchObject({ status_code: 200, content: '{"message":"ok"}' });
  });

  it('refuses a non-JSON content type as pg_net does', async () => {
    await expect(sql(`select net.http_post($1, '{}'::jsonb, headers := '{"Content-Type": "text/plain"}'::jsonb)`, [base])).rejects.toThrow('Content-Type header must be "application/json"');
  });

  it('sends nothing for a rolled-back transaction', async () => {
    const id = await withDb(async (db) => {
      await db.query('begin');
      const { rows } = await db.query(`select net.http_post($1, '{}'::jsonb) as id`, [`${base}/never`]);
      await db.query('rollback');
      return rows[0].id as string;
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await sql(`select 1 from net._http_response where id = $1`, [id])).toHaveLength(0);
  });

  it('marks a request that exceeds its timeout', async () => {
    const [row] = await sql(`select net.http_get($1, timeout_milliseconds := 200) as id`, [`${base}/slow`]);
    const res = await response(row!.id);
    expect(res).toMatchObject({ status_code: null, timed_out: true });
    expect(res.error_msg).toMatch(/^Timeout of 200 ms reached/);
  });

  it('records a connection failure in error_msg', async () => {
    const [row] = await sql(`select net.http_get('http://127.0.0.1:9/unreachable') as id`);
    const res = await response(row!.id);
    expect(res).toMatchObject({ status_code: null, timed_out: false });
    expect(res.error_msg).toBeTruthy();
  });

  it('runs the documented cron → pg_net → vault → edge function recipe unchanged', async () => {
    await sql(`select vault.create_secret($1, 'net_test_project_url'), vault.create_secret($2, 'net_test_service_key')`, [stackEnv.apiUrl, stackEnv.serviceRoleKey]);
    await sql(`select cron.schedule('net-invoke-fn-echo', '0 0 1 1 *', $$
      select net.http_post(
        url := (select decrypted_secret from vault.decrypted_secrets where name = 'net_test_project_url') || '/functions/v1/fn-echo',
        headers := jsonb_build_object('Content-Type', 'application/json',
                                      'Authorization', 'Bearer ' || (select decrypted_secret from vault.decrypted_secrets where name = 'net_test_service_key')),
        body := jsonb_build_object('from', 'cron'),
        timeout_milliseconds := 20000
      ) as request_id;
    $$)`);
    expect(await stackCli('cron', 'run', 'net-invoke-fn-echo')).toMatch(/succeeded: SELECT 1$/);
    const [run] = await sql(`select r.status, r.return_message from cron.job_run_details r join cron.job j using (jobid) where j.jobname = 'net-invoke-fn-echo'`);
    expect(run).toEqual({ status: 'succeeded', return_message: 'SELECT 1' });
    const res = await waitFor(async () => (await sql(`select * from net._http_response where content like '%"pathname":"/fn-echo"%'`))[0], 20_000);
    expect(res.status_code).toBe(200);
    const echoed = JSON.parse(res.content);
    expect(echoed).toMatchObject({ method: 'POST', pathname: '/fn-echo', authorization: `Bearer ${stackEnv.serviceRoleKey}` });
    expect(JSON.parse(echoed.body)).toEqual({ from: 'cron' });
  });
});
