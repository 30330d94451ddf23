// Horizontal filters (`col=[not.]op[(any|all)|(config)].value`) and logic trees (`or=(...)`).
import { parseError } from '../errors.ts';
import { Cursor } from './cursor.ts';
import { parseJsonPath } from './select.ts';
import type { Condition, FieldRef, FilterNode, LogicTree, Quantifier } from './types.ts';

export const SIMPLE_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch', 'isdistinct', 'cs', 'cd', 'ov', 'sl', 'sr', 'nxl', 'nxr', 'adj'];
export const FTS_OPS = ['fts', 'plfts', 'phfts', 'wfts'];
const QUANTIFIABLE = ['eq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch'];
const ALL_OPS = [...SIMPLE_OPS, ...FTS_OPS, 'in', 'is'];
const IS_VALUES = ['null', 'true', 'false', 'unknown', 'not_null'];
const EXPECTING_OP = `"not" or operator (${ALL_OPS.join(', ')})`;

/** Parses a field with its JSON path, e.g. `data->a->>b`; the whole text must be consumed. */
export function parseFieldRef(text: string, what = 'filter'): FieldRef {
  const cur = new Cursor(text, what);
  const field = readField(cur);
  if (!cur.done) cur.fail('"->" or end of input');
  return field;
}

function readField(cur: Cursor): FieldRef {
  const name = cur.name();
  return { name, json: parseJsonPath(cur) };
}

/** A top-level filter: everything after the operator's dot is the value. */
export function parseFilter(field: FieldRef, text: string): Condition {
  const cur = new Cursor(text, 'filter');
  return readOperation(cur, field, false);
}

/** `(a.eq.1,and(b.gt.2,c.is.null))` → a tree; `negate` comes from a `not.or=` key. */
export function parseLogic(op: 'and' | 'or', negate: boolean, text: string): LogicTree {
  const cur = new Cursor(text, 'logic tree');
  const tree = readLogicBody(cur, op, negate);
  if (!cur.done) cur.fail('end of input');
  return tree;
}

function readLogicBody(cur: Cursor, op: 'and' | 'or', negate: boolean): LogicTree {
  cur.expect('(');
  const children: FilterNode[] = [readTreeItem(cur)];
  while (cur.eat(',')) children.push(readTreeItem(cur));
  cur.expect(')', '"," or ")"');
  return { kind: 'logic', op, negate, children };
}

function readTreeItem(cur: Cursor): FilterNode {
  const save = cur.pos;
  const negate = cur.eat('not.');
  for (const op of ['and', 'or'] as const) {
    if (cur.startsWith(`${op}(`)) {
      cur.pos += op.length;
      return readLogicBody(cur, op, negate);
    }
  }
  cur.pos = save;
  const field = readField(cur);
  cur.expect('.', '"." after the field name');
  return readOperation(cur, field, true);
}

function readOperation(cur: Cursor, field: FieldRef, inTree: boolean): Condition {
  const negate = cur.eat('not.');
  const m = /^[a-z]+/.exec(cur.text.slice(cur.pos));
  const op = m?.[0] ?? '';
  if (!ALL_OPS.includes(op)) cur.fail(EXPECTING_OP);
  cur.pos += op.length;
  let quant: Quantifier | undefined;
  let ftsConfig: string | undefined;
  if (cur.peek() === '(') {
    if (QUANTIFIABLE.includes(op) && (cur.eat('(any)') || cur.eat('(all)'))) quant = cur.text.slice(cur.pos - 4, cur.pos - 1) as Quantifier;
    else if (FTS_OPS.includes(op)) {
      cur.pos++;
      const start = cur.pos;
      while (!cur.done && /[\w-]/.test(cur.peek())) cur.pos++;
      ftsConfig = cur.text.slice(start, cur.pos);
      if (!ftsConfig) cur.fail('a text search configuration');
      cur.expect(')');
    } else cur.fail('"."');
  }
  cur.expect('.', '"."');
  const base = { kind: 'cond' as const, field, negate, op, ...(quant ? { quant } : {}), ...(ftsConfig ? { ftsConfig } : {}) };
  if (op === 'in') {
    const list = readList(cur);
    if (!inTree && !cur.done) cur.fail('end of input');
    return { ...base, value: list };
  }
  const value = inTree ? readTreeValue(cur) : cur.text.slice(cur.pos);
  if (!inTree) cur.pos = cur.text.length;
  if (op === 'is') {
    const v = value.toLowerCase();
    if (!IS_VALUES.includes(v)) throw parseError('filter', cur.text, cur.pos - value.length + 1, `unexpected "${value}" expecting null, not_null, true, false or unknown`);
    return { ...base, value: v };
  }
  if (quant && !/^\{.*\}$/s.test(value)) throw parseError('filter', cur.text, cur.pos - value.length + 1, `unexpected "${value.slice(0, 1)}" expecting "{"`);
  return { ...base, value };
}

/** `(a,"b,c",d)` → ['a', 'b,c', 'd']; `()` → []. */
function readList(cur: Cursor): string[] {
  cur.expect('(');
  const out: string[] = [];
  if (cur.eat(')')) return out;
  do out.push(cur.peek() === '"' ? cur.quoted() : readUntil(cur, ',)'));
  while (cur.eat(','));
  cur.expect(')', '"," or ")"');
  return out;
}

function readTreeValue(cur: Cursor): string {
  if (cur.peek() === '"') return cur.quoted();
  if (cur.peek() === '{') {
    const end = cur.text.indexOf('}', cur.pos);
    if (end === -1) cur.fail('"}"');
    const v = cur.text.slice(cur.pos, end + 1);
    cur.pos = end + 1;
    return v;
  }
  return readUntil(cur, ',)');
}

function readUntil(cur: Cursor, stops: string): string {
  const start = cur.pos;
  let depth = 0;
  while (!cur.done) {
    const c = cur.peek();
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && stops.includes(c)) break;
    cur.pos++;
  }
  return cur.text.slice(start, cur.pos);
}
