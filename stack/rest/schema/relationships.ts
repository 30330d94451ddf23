// Relationships from foreign keys: many-to-one / one-to-many / one-to-one, many-to-many through
// junction tables whose FK columns belong to their primary key, and the same through views that
// expose the FK columns (view column lineage read from the view's stored query tree).
import type { ForeignKey, Relationship, Table } from './types.ts';
import { qualified } from './types.ts';

export interface RawLineage {
  viewOid: number;
  viewAttnum: number;
  originOid: number;
  originAttnum: number;
}

export interface ViewColumnOrigin {
  view: string;
  viewColumn: string;
  origin: string;
  originColumn: string;
}

const TARGET_ENTRY = /:resno (\d+) :resname .*? :ressortgroupref \d+ :resorigtbl (\d+) :resorigcol (\d+)/g;

/**
 * The top-level target list is the last run of target entries numbered 1..n in the printed query
 * tree (sub-queries of the FROM clause are printed before it).
 */
export function parseViewLineage(viewOid: number, action: string): RawLineage[] {
  let run: Array<{ resno: number; tbl: number; col: number }> = [];
  let last = run;
  for (const m of action.matchAll(TARGET_ENTRY)) {
    const entry = { resno: Number(m[1]), tbl: Number(m[2]), col: Number(m[3]) };
    if (entry.resno === 1) run = [entry];
    else if (entry.resno === (run.at(-1)?.resno ?? -1) + 1) run.push(entry);
    else run = [];
    if (run.length) last = run;
  }
  return last.filter((e) => e.tbl !== 0).map((e) => ({ viewOid, viewAttnum: e.resno, originOid: e.tbl, originAttnum: e.col }));
}

type Rep = { table: string; cols: string[] };

/** The relation itself plus every view (transitively) exposing all of `cols`. */
function representatives(table: string, cols: string[], lineage: ViewColumnOrigin[], depth = 0): Rep[] {
  const reps: Rep[] = [{ table, cols }];
  if (depth > 5) return reps;
  const views = new Set(lineage.filter((l) => l.origin === table).map((l) => l.view));
  for (const view of views) {
    const mapped = cols.map((c) => lineage.find((l) => l.view === view && l.origin === table && l.originColumn === c)?.viewColumn);
    if (mapped.every((c): c is string => c !== undefined)) reps.push(...representatives(view, mapped, lineage, depth + 1));
  }
  return reps;
}

function isUnique(table: Table | undefined, cols: string[]): boolean {
  if (!table) return false;
  const set = new Set(cols);
  return table.uniques.some((u) => u.length === set.size && u.every((c) => set.has(c)));
}

const schemaOf = (key: string) => key.slice(0, key.indexOf('.'));
const nameOf = (key: string) => key.slice(key.indexOf('.') + 1);

export function buildRelationships(tables: Map<string, Table>, fks: ForeignKey[], lineage: ViewColumnOrigin[]): Relationship[] {
  const rels: Relationship[] = [];
  for (const fk of fks) {
    const src = qualified(fk.schema, fk.table);
    const dst = qualified(fk.fschema, fk.ftable);
    const oneToOne = isUnique(tables.get(src), fk.columns);
    for (const s of representatives(src, fk.columns, lineage)) {
      for (const d of representatives(dst, fk.fcolumns, lineage)) {
        if (!tables.has(s.table) || !tables.has(d.table) || schemaOf(s.table) !== schemaOf(d.table)) continue;
        const base = { schema: schemaOf(s.table), constraint: fk.name };
        rels.push({ ...base, cardinality: oneToOne ? 'one-to-one' : 'many-to-one', source: nameOf(s.table), target: nameOf(d.table), sourceCols: s.cols, targetCols: d.cols });
        rels.push({ ...base, cardinality: oneToOne ? 'one-to-one' : 'one-to-many', source: nameOf(d.table), target: nameOf(s.table), sourceCols: d.cols, targetCols: s.cols });
      }
    }
  }
  rels.push(...junctionRelationships(tables, fks, lineage));
  return rels;
}

function junctionRelationships(tables: Map<string, Table>, fks: ForeignKey[], lineage: ViewColumnOrigin[]): Relationship[] {
  const rels: Relationship[] = [];
  for (const [key, junction] of tables) {
    if (junction.isView || !junction.pk.length) continue;
    const own = fks.filter((fk) => qualified(fk.schema, fk.table) === key && fk.columns.every((c) => junction.pk.includes(c)));
    for (const fk1 of own) {
      for (const fk2 of own) {
        if (fk1 === fk2) continue;
        for (const a of representatives(qualified(fk1.fschema, fk1.ftable), fk1.fcolumns, lineage)) {
          for (const b of representatives(qualified(fk2.fschema, fk2.ftable), fk2.fcolumns, lineage)) {
            if (!tables.has(a.table) || !tables.has(b.table) || schemaOf(a.table) !== junction.schema || schemaOf(b.table) !== junction.schema) continue;
            rels.push({
              cardinality: 'many-to-many', schema: junction.schema, source: nameOf(a.table), target: nameOf(b.table), constraint: fk1.name,
              sourceCols: a.cols, targetCols: b.cols,
              junction: { table: junction.name, sourceFk: fk1.name, targetFk: fk2.name, sourceJCols: fk1.columns, targetJCols: fk2.columns },
            });
          }
        }
      }
    }
  }
  return rels;
}
