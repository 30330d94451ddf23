// Finding tables, relationships and functions in the schema cache, with PostgREST's errors
// (PGRST205 table, PGRST200/201 relationship) and its "Perhaps you meant" suggestions.
import { apiError } from '../errors.ts';
import type { Relationship, SchemaCache, Table } from '../schema/types.ts';
import { qualified } from '../schema/types.ts';

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate, if it is reasonably close (PostgREST uses a fuzzy set the same way). */
export function closest(name: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = distance(name.toLowerCase(), c.toLowerCase());
    if (d < bestScore) [best, bestScore] = [c, d];
  }
  return best !== null && bestScore <= Math.max(2, Math.floor(Math.max(name.length, best.length) / 2)) ? best : null;
}

export function findTable(cache: SchemaCache, schema: string, name: string): Table {
  const table = cache.tables.get(qualified(schema, name));
  if (table) return table;
  const names = [...cache.tables.values()].filter((t) => t.schema === schema).map((t) => t.name);
  const guess = closest(name, names);
  throw apiError(404, 'PGRST205', `Could not find the table '${schema}.${name}' in the schema cache`, null, guess ? `Perhaps you meant the table '${schema}.${guess}'` : null);
}

function matchesWithoutHint(rel: Relationship, name: string): boolean {
  if (rel.target === name) return true;
  if (rel.junction) return false;
  if (rel.constraint === name) return true;
  return rel.cardinality !== 'one-to-many' && rel.sourceCols.length === 1 && rel.sourceCols[0] === name && rel.source !== name;
}

function matchesHint(rel: Relationship, hint: string): boolean {
  if (rel.junction) return rel.junction.table === hint || rel.junction.sourceFk === hint || rel.junction.targetFk === hint;
  return rel.constraint === hint || (rel.sourceCols.length === 1 && rel.sourceCols[0] === hint) || (rel.targetCols.length === 1 && rel.targetCols[0] === hint);
}

function relationshipText(rel: Relationship): string {
  if (rel.junction) {
    const j = rel.junction;
    return `${j.table} using ${j.sourceFk}(${j.sourceJCols.join(', ')}) and ${j.targetFk}(${j.targetJCols.join(', ')})`;
  }
  return `${rel.constraint} using ${rel.source}(${rel.sourceCols.join(', ')}) and ${rel.target}(${rel.targetCols.join(', ')})`;
}

export function findRelationship(cache: SchemaCache, schema: string, source: string, name: string, hint?: string): Relationship {
  const fromSource = cache.relationships.filter((r) => r.schema === schema && r.source === source);
  let found = hint === undefined
    ? fromSource.filter((r) => matchesWithoutHint(r, name))
    : fromSource.filter((r) => r.target === name && matchesHint(r, hint));
  // A self-reference embedded by the table's own name is the one-to-many side.
  if (found.length > 1 && hint === undefined && name === source) {
    const o2m = found.filter((r) => r.target === source && r.cardinality === 'one-to-many' && !r.junction);
    if (o2m.length === 1) found = o2m;
  }
  if (found.length === 1) return found[0]!;
  if (found.length === 0) {
    const via = hint === undefined ? '' : ` using the hint '${hint}'`;
    const guess = closest(name, [...new Set(fromSource.map((r) => r.target))]);
    throw apiError(400, 'PGRST200', `Could not find a relationship between '${source}' and '${name}' in the schema cache`,
      `Searched for a foreign key relationship between '${source}' and '${name}'${via} in the schema '${schema}', but no matches were found.`,
      guess && guess !== name ? `Perhaps you meant '${guess}' instead of '${name}'.` : null);
  }
  found.sort((a, b) => relationshipText(a).localeCompare(relationshipText(b)));
  const details = found.map((r) => ({ cardinality: r.cardinality, embedding: `${source} with ${name}`, relationship: relationshipText(r) }));
  const options = found.map((r) => `'${name}!${r.junction ? r.junction.table : r.constraint}'`).join(', ');
  throw apiError(300, 'PGRST201', `Could not embed because more than one relationship was found for '${source}' and '${name}'`, details,
    `Try changing '${name}' to one of the following: ${options}. Find the desired relationship in the 'details' key.`);
}

export const isToOne = (rel: Relationship): boolean => rel.cardinality === 'many-to-one' || rel.cardinality === 'one-to-one';
