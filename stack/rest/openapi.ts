// GET /rest/v1/: a Swagger 2.0 description of the exposed schema, shaped like PostgREST's
// (paths per table/view and per function, a definition per relation with columns and types).
import type { Column, PgFunction, SchemaCache, Table } from './schema/types.ts';

type Json = Record<string, unknown>;

function jsonType(c: Column): Json {
  const format = c.type;
  if (c.category === 'A') return { type: 'array', items: { type: 'string' }, format };
  if (['smallint', 'integer', 'bigint'].includes(c.baseType)) return { type: 'integer', format };
  if (c.category === 'N') return { type: 'number', format };
  if (c.category === 'B') return { type: 'boolean', format };
  if (c.baseType === 'json' || c.baseType === 'jsonb') return { format };
  return { type: 'string', format };
}

function definition(t: Table): Json {
  const properties: Json = {};
  for (const c of t.columns) {
    const notes = [c.description, t.pk.includes(c.name) ? 'Note:\nThis is a Primary Key.<pk/>' : null].filter(Boolean).join('\n\n');
    properties[c.name] = {
      ...jsonType(c),
      ...(c.defaultExpr ? { default: c.defaultExpr } : {}),
      ...(c.enumValues ? { enum: c.enumValues } : {}),
      ...(c.maxLength ? { maxLength: c.maxLength } : {}),
      ...(notes ? { description: notes } : {}),
    };
  }
  const required = t.columns.filter((c) => !c.nullable && c.defaultExpr === null && !c.identity && !c.generated).map((c) => c.name);
  return { type: 'object', properties, ...(required.length ? { required } : {}), ...(t.description ? { description: t.description } : {}) };
}

function tablePath(t: Table): Json {
  const ref = { $ref: `#/definitions/${t.name}` };
  const ok = { 200: { description: 'OK', schema: { type: 'array', items: ref } }, 206: { description: 'Partial Content' } };
  const tags = [t.name];
  const path: Json = { get: { tags, summary: t.description ?? undefined, parameters: [{ $ref: '#/parameters/select' }, { $ref: '#/parameters/order' }, { $ref: '#/parameters/range' }, { $ref: '#/parameters/offset' }, { $ref: '#/parameters/limit' }, { $ref: '#/parameters/preferCount' }], responses: ok } };
  if (t.insertable) path.post = { tags, parameters: [{ $ref: `#/parameters/body.${t.name}` }, { $ref: '#/parameters/select' }, { $ref: '#/parameters/preferPost' }], responses: { 201: { description: 'Created' } } };
  if (t.updatable) path.patch = { tags, parameters: [{ $ref: `#/parameters/body.${t.name}` }, { $ref: '#/parameters/preferReturn' }], responses: { 204: { description: 'No Content' } } };
  if (t.deletable) path.delete = { tags, parameters: [{ $ref: '#/parameters/preferReturn' }], responses: { 204: { description: 'No Content' } } };
  return path;
}

function rpcPath(fn: PgFunction): Json {
  const args = fn.args.filter((a) => ['i', 'b', 'v'].includes(a.mode) && a.name);
  const schema = { type: 'object', properties: Object.fromEntries(args.map((a) => [a.name, { format: a.type, type: 'string' }])), required: args.filter((a) => !a.hasDefault).map((a) => a.name) };
  const tags = ['(rpc) ' + fn.name];
  const post = { tags, summary: fn.description ?? undefined, parameters: [{ in: 'body', name: 'args', required: true, schema }, { $ref: '#/parameters/preferParams' }], produces: ['application/json', 'application/vnd.pgrst.object+json'], responses: { 200: { description: 'OK' } } };
  const get = { tags, summary: fn.description ?? undefined, parameters: args.map((a) => ({ name: a.name, in: 'query', required: !a.hasDefault, type: 'string', format: a.type })), responses: { 200: { description: 'OK' } } };
  return fn.volatility === 'v' ? { post } : { get, post };
}

const PARAMETERS: Json = {
  select: { name: 'select', description: 'Filtering Columns', required: false, in: 'query', type: 'string' },
  order: { name: 'order', description: 'Ordering', required: false, in: 'query', type: 'string' },
  range: { name: 'Range', description: 'Limiting and Pagination', required: false, in: 'header', type: 'string' },
  offset: { name: 'offset', description: 'Limiting and Pagination', required: false, in: 'query', type: 'string' },
  limit: { name: 'limit', description: 'Limiting and Pagination', required: false, in: 'query', type: 'string' },
  preferCount: { name: 'Prefer', description: 'Preference', required: false, in: 'header', type: 'string', enum: ['count=none'] },
  preferPost: { name: 'Prefer', description: 'Preference', required: false, in: 'header', type: 'string', enum: ['return=representation', 'return=minimal', 'return=none', 'resolution=ignore-duplicates', 'resolution=merge-duplicates'] },
  preferReturn: { name: 'Prefer', description: 'Preference', required: false, in: 'header', type: 'string', enum: ['return=representation', 'return=minimal', 'return=none'] },
  preferParams: { name: 'Prefer', description: 'Preference', required: false, in: 'header', type: 'string', enum: ['params=single-object'] },
};

export function openApiDocument(cache: SchemaCache, schema: string, apiUrl: string): Json {
  const tables = [...cache.tables.values()].filter((t) => t.schema === schema).sort((a, b) => a.name.localeCompare(b.name));
  const functions = [...cache.functions.values()].flat().filter((f) => f.schema === schema);
  const paths: Json = { '/': { get: { tags: ['Introspection'], summary: 'OpenAPI description (this document)', produces: ['application/openapi+json', 'application/json'], responses: { 200: { description: 'OK' } } } } };
  const parameters: Json = { ...PARAMETERS };
  for (const t of tables) {
    paths[`/${t.name}`] = tablePath(t);
    parameters[`body.${t.name}`] = { name: t.name, description: t.name, required: false, in: 'body', schema: { $ref: `#/definitions/${t.name}` } };
  }
  for (const fn of functions) paths[`/rpc/${fn.name}`] = rpcPath(fn);
  const url = new URL(apiUrl);
  return {
    swagger: '2.0',
    info: { description: '', title: 'standard public schema', version: '12.2.12' },
    host: url.host,
    basePath: '/rest/v1',
    schemes: [url.protocol.replace(':', '')],
    consumes: ['application/json', 'application/vnd.pgrst.object+json;nulls=stripped', 'application/vnd.pgrst.object+json', 'text/csv'],
    produces: ['application/json', 'application/vnd.pgrst.object+json;nulls=stripped', 'application/vnd.pgrst.object+json', 'text/csv'],
    paths,
    definitions: Object.fromEntries(tables.map((t) => [t.name, definition(t)])),
    parameters,
    externalDocs: { description: 'PostgREST Documentation', url: 'https://postgrest.org/en/v12/references/api.html' },
  };
}
