// The `select` grammar: fields, aliases, casts, JSON paths, embeds with hints/!inner/!left, spreads.
import { apiError } from '../errors.ts';
import { Cursor } from './cursor.ts';
import type { FieldRef, JsonStep, SelectItem } from './types.ts';

const AGGREGATES = ['sum', 'avg', 'min', 'max', 'count'];
const CAST = /^[A-Za-z_][A-Za-z0-9_ ]*(\[\])*$/;

function aggregatesDisabled() {
  return apiError(400, 'PGRST123', 'Use of aggregate functions is not allowed');
}

export function parseSelect(text: string): SelectItem[] {
  const cur = new Cursor(text, 'select parameter');
  if (cur.done) return [];
  const items = parseItems(cur);
  if (!cur.done) cur.fail('"," or end of input');
  return items;
}

function parseItems(cur: Cursor): SelectItem[] {
  const items: SelectItem[] = [parseItem(cur)];
  while (cur.eat(',')) items.push(parseItem(cur));
  return items;
}

function parseItem(cur: Cursor): SelectItem {
  if (cur.eat('...')) {
    const name = cur.name();
    return parseEmbed(cur, name, undefined, true);
  }
  if (cur.eat('*')) return { kind: 'star' };
  let name = cur.name();
  let alias: string | undefined;
  if (cur.peek() === ':' && cur.peek(1) !== ':') {
    cur.pos++;
    alias = name;
    if (cur.eat('...')) cur.fail('field name (* or [a..z0..9_$])');
    name = cur.name();
  }
  if (cur.peek() === '(' || cur.peek() === '!') {
    if (name === 'count' && cur.startsWith('()')) throw aggregatesDisabled();
    return parseEmbed(cur, name, alias, false);
  }
  const field: FieldRef = { name, json: parseJsonPath(cur) };
  const cast = parseCast(cur);
  if (cur.peek() === '.' && AGGREGATES.some((a) => cur.startsWith(`.${a}(`))) throw aggregatesDisabled();
  return { kind: 'field', field, ...(alias ? { alias } : {}), ...(cast ? { cast } : {}) };
}

function parseEmbed(cur: Cursor, name: string, alias: string | undefined, spread: boolean): SelectItem {
  let hint: string | undefined;
  let join: 'inner' | 'left' | undefined;
  while (cur.eat('!')) {
    const word = cur.name('embed hint');
    if (word === 'inner' || word === 'left') join = word;
    else if (hint === undefined) hint = word;
    else cur.fail('"(" after the hint');
  }
  cur.expect('(');
  const children = cur.peek() === ')' ? [] : parseItems(cur);
  cur.expect(')', '"," or ")"');
  return { kind: 'embed', name, spread, children, ...(alias ? { alias } : {}), ...(hint ? { hint } : {}), ...(join ? { join } : {}) };
}

export function parseJsonPath(cur: Cursor): JsonStep[] {
  const steps: JsonStep[] = [];
  while (cur.startsWith('->')) {
    const arrow = cur.eat('->>') ? '->>' : (cur.eat('->'), '->');
    const m = /^-?\d+(?![\p{L}_$])/u.exec(cur.text.slice(cur.pos));
    if (m && cur.peek() !== '"') {
      cur.pos += m[0].length;
      steps.push({ arrow, key: Number(m[0]) });
    } else steps.push({ arrow, key: cur.name('JSON key') });
  }
  return steps;
}

function parseCast(cur: Cursor): string | undefined {
  if (!cur.eat('::')) return undefined;
  const start = cur.pos;
  while (!cur.done && /[A-Za-z0-9_ [\]]/.test(cur.peek())) cur.pos++;
  const cast = cur.text.slice(start, cur.pos).trim();
  if (!CAST.test(cast)) {
    cur.pos = start;
    cur.fail('a type name');
  }
  return cast;
}

/** Output key of a field: alias, else the last JSON key, else the column. */
export function fieldKey(field: FieldRef, alias?: string): string {
  if (alias) return alias;
  const last = field.json.at(-1);
  return last === undefined ? field.name : String(last.key);
}
