// Choosing the function an RPC call means: the overload whose parameters cover the given keys and
// whose required parameters are all given; else one unnamed json/jsonb parameter taking the body.
import { apiError } from '../errors.ts';
import type { FunctionArg, PgFunction, SchemaCache, Table } from '../schema/types.ts';
import { closest } from './find.ts';

export type ArgMode = 'named' | 'single';

const inputs = (fn: PgFunction): FunctionArg[] => fn.args.filter((a) => ['i', 'b', 'v'].includes(a.mode));
const isJson = (a: FunctionArg) => a.type === 'json' || a.type === 'jsonb';

function signature(fn: PgFunction): string {
  return `${fn.schema}.${fn.name}(${inputs(fn).map((a) => `${a.name} => ${a.type}`).join(', ')})`;
}

export function resolveFunction(cache: SchemaCache, schema: string, name: string, keys: string[], singleObject: boolean): { fn: PgFunction; mode: ArgMode } {
  const overloads = cache.functions.get(`${schema}.${name}`) ?? [];
  if (singleObject) {
    const single = overloads.filter((f) => inputs(f).length === 1 && isJson(inputs(f)[0]!));
    if (single.length === 1) return { fn: single[0]!, mode: 'single' };
  }
  const named = overloads.filter((f) => {
    const ins = inputs(f);
    return keys.every((k) => ins.some((a) => a.name === k)) && ins.every((a) => a.hasDefault || keys.includes(a.name));
  });
  if (named.length === 1) return { fn: named[0]!, mode: 'named' };
  if (named.length > 1) {
    throw apiError(300, 'PGRST203', `Could not choose the best candidate function between: ${named.map(signature).join(', ')}`, null,
      'Try renaming the parameters or the function itself in the database so function overloading can be resolved');
  }
  const unnamedJson = overloads.filter((f) => inputs(f).length === 1 && inputs(f)[0]!.name === '' && isJson(inputs(f)[0]!));
  if (unnamedJson.length === 1) return { fn: unnamedJson[0]!, mode: 'single' };
  throw notFound(cache, schema, name, keys, overloads);
}

function notFound(cache: SchemaCache, schema: string, name: string, keys: string[], overloads: PgFunction[]) {
  const sorted = [...keys].sort();
  const fq = `${schema}.${name}`;
  const message = sorted.length
    ? `Could not find the function ${fq}(${sorted.join(', ')}) in the schema cache`
    : `Could not find the function ${fq} without parameters in the schema cache`;
  const details = sorted.length
    ? `Searched for the function ${fq} with parameter${sorted.length > 1 ? 's' : ''} ${sorted.join(', ')} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`
    : `Searched for the function ${fq} without parameters or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`;
  let hint: string | null = null;
  if (overloads.length) {
    const lists = overloads.map((f) => `(${inputs(f).map((a) => a.name).sort().join(', ')})`);
    hint = `Perhaps you meant to call the function ${fq}${closest(`(${sorted.join(', ')})`, lists) ?? lists[0]}`;
  }
  else {
    const names = [...cache.functions.keys()].filter((k) => k.startsWith(`${schema}.`)).map((k) => k.slice(schema.length + 1));
    const guess = closest(name, names);
    if (guess) hint = `Perhaps you meant to call the function ${schema}.${guess}`;
  }
  return apiError(404, 'PGRST202', message, details, hint);
}

/** A table-shaped view of a composite result, so select/filters/order work on it. */
export function resultTable(cache: SchemaCache, fn: PgFunction): Table {
  const real = fn.returnsTable ? cache.tables.get(fn.returnsTable) : undefined;
  if (real) return real;
  return {
    schema: fn.schema, name: fn.name, isView: true, insertable: false, updatable: false, deletable: false, pk: [], uniques: [], description: null, computed: [],
    columns: fn.returnColumns.map((c) => ({ name: c.name, type: c.type, category: '', baseType: c.type, nullable: true, defaultExpr: null, identity: false, generated: false, enumValues: null, description: null, maxLength: null })),
  };
}

export function inputArgs(fn: PgFunction): FunctionArg[] {
  return inputs(fn);
}
