import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EdgeList, indexEdges } from '../../src/core/graph/edgeList.ts';
import { ROOT } from './paths.ts';

/** The peer tools' reference outputs, shipped beside the repository in ../shared (see its README.md). */
export const REFERENCE_DIR = join(ROOT, '..', 'shared', 'data', 'reference');

/** A reference CSV as header + rows of raw cells (the reference files hold no quoted cells). */
export function readReferenceCsv(name: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(join(REFERENCE_DIR, name), 'utf8').split(/\r?\n/).filter((line) => line.length > 0);
  const [head, ...rest] = lines;
  if (head === undefined) throw new Error(`${name} is empty`);
  return { header: head.split(','), rows: rest.map((line) => line.split(',')) };
}

/** One column of a reference CSV, by name. */
export function referenceColumn(table: { header: string[]; rows: string[][] }, name: string): string[] {
  const at = table.header.indexOf(name);
  if (at < 0) throw new Error(`no column ${name} in ${table.header.join(',')}`);
  return table.rows.map((row) => row[at] ?? '');
}

export function readReferenceJson(name: string): unknown {
  return JSON.parse(readFileSync(join(REFERENCE_DIR, name), 'utf8'));
}

/** A reference edge CSV (header source,target,weight or u,v,weight) as an EdgeList with the ids of its vertices. */
export function readReferenceEdges(name: string): { ids: string[]; edges: EdgeList } {
  const { rows } = readReferenceCsv(name);
  return indexEdges(rows.map(([source = '', target = '', weight = '']) => ({ source, target, weight: Number(weight) })));
}
