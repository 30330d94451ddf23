// The whole query string → QueryParams: select, per-level filters/order/limit/offset, columns,
// on_conflict; on RPC GET, keys naming function arguments are arguments instead of filters.
import { parseError } from '../errors.ts';
import { Cursor } from './cursor.ts';
import { parseFieldRef, parseFilter, parseLogic } from './filter.ts';
import { parseJsonPath, parseSelect } from './select.ts';
import { emptyLevel, type LevelParams, type OrderTerm, type QueryParams } from './types.ts';

const LEVEL_KEYS = ['order', 'limit', 'offset', 'or', 'and'];

export interface ParseOptions {
  /** For GET/HEAD /rpc/fn: the function's argument names. */
  rpcArgNames?: Set<string>;
}

export function parseQuery(rawQuery: string, options: ParseOptions = {}): QueryParams {
  const params = new URLSearchParams(rawQuery);
  const out: QueryParams = { select: [{ kind: 'star' }], levels: new Map(), columns: null, onConflict: null, rpcArgs: new Map() };
  const level = (path: string[]): LevelParams => {
    const key = path.join('.');
    let found = out.levels.get(key);
    if (!found) out.levels.set(key, (found = emptyLevel()));
    return found;
  };
  for (const [key, value] of params) {
    if (key === 'select') out.select = parseSelect(value);
    else if (key === 'columns') out.columns = parseNameList(value, 'columns');
    else if (key === 'on_conflict') out.onConflict = parseNameList(value, 'on_conflict');
    else if (options.rpcArgNames && isRpcArg(key, value, options.rpcArgNames)) out.rpcArgs.set(key, [...(out.rpcArgs.get(key) ?? []), value]);
    else applyKey(key, value, level);
  }
  return out;
}

const OPERATOR = /^(not\.)?[a-z]+(\((any|all|[\w-]+)\))?\./;

/** On RPC GET a key is an argument when the function has it, or when its value is not `op.value`. */
function isRpcArg(key: string, value: string, names: Set<string>): boolean {
  if (names.has(key)) return true;
  const last = key.split('.').at(-1)!;
  return !LEVEL_KEYS.includes(last) && !OPERATOR.test(value);
}

function applyKey(key: string, value: string, level: (path: string[]) => LevelParams): void {
  const parts = key.split('.');
  const last = parts.at(-1)!;
  const negated = parts.length >= 2 && parts.at(-2) === 'not' && (last === 'or' || last === 'and');
  const path = parts.slice(0, negated ? -2 : -1);
  if (LEVEL_KEYS.includes(last)) {
    const target = level(path);
    if (last === 'order') target.order = parseOrder(value);
    else if (last === 'limit') target.limit = parseCount(value, 'limit');
    else if (last === 'offset') target.offset = parseCount(value, 'offset');
    else target.filters.push(parseLogic(last as 'and' | 'or', negated, value));
    return;
  }
  const fieldPath = parts.slice(0, -1);
  const field = parseFieldRef(last);
  level(fieldPath).filters.push(parseFilter(field, value));
}

function parseCount(value: string, what: string): number {
  if (!/^\d+$/.test(value)) throw parseError(`${what} parameter`, value, 1, 'unexpected input expecting a non-negative integer');
  return Number(value);
}

export function parseNameList(value: string, what: string): string[] {
  const cur = new Cursor(value, `${what} parameter`);
  const names = [cur.name()];
  while (cur.eat(',')) names.push(cur.name());
  if (!cur.done) cur.fail('"," or end of input');
  return names;
}

export function parseOrder(value: string): OrderTerm[] {
  const cur = new Cursor(value, 'order');
  const terms: OrderTerm[] = [];
  do terms.push(readOrderTerm(cur));
  while (cur.eat(','));
  if (!cur.done) cur.fail('"," or end of input');
  return terms;
}

function readOrderTerm(cur: Cursor): OrderTerm {
  const name = cur.name();
  let term: OrderTerm;
  if (cur.eat('(')) {
    const inner = cur.name();
    term = { relation: name, field: { name: inner, json: parseJsonPath(cur) } };
    cur.expect(')');
  } else term = { field: { name, json: parseJsonPath(cur) } };
  if (cur.eat('.asc')) term.direction = 'asc';
  else if (cur.eat('.desc')) term.direction = 'desc';
  if (cur.eat('.nullsfirst')) term.nulls = 'first';
  else if (cur.eat('.nullslast')) term.nulls = 'last';
  if (!cur.done && cur.peek() !== ',') cur.fail('".asc", ".desc", ".nullsfirst", ".nullslast" or ","');
  return term;
}
