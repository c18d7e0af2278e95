import { type Column, getTableColumns, type SQL, sql, type Table } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../shared/errors.ts';
import { nameSortKeyOf } from './chains.model.ts';
import { chainGroups, chainNodes, chainRoles, chains, chainTargets, industryClasses, nodeInputs } from './chains.schema.ts';
import { INDUSTRY_CLASSES } from './taxonomy/industryClasses.ts';
import { findTaxonomyProblems } from './taxonomy.model.ts';
import type { RegionTaxonomy, TaxonomyChain } from './taxonomy.types.ts';

export interface SeedTaxonomyResult {
  groups: number;
  chains: number;
  nodes: number;
  inputs: number;
  roles: number;
  targets: number;
}

/** Upserts the GB/T 4754-2017 classes the platform knows (a reference table shared by all tenants). */
export async function seedIndustryClasses(db: Db): Promise<void> {
  await db.insert(industryClasses).values([...INDUSTRY_CLASSES]).onConflictDoUpdate({ target: industryClasses.code, set: excludedSet(industryClasses, ['nameZh', 'nameEn']) });
}

/**
 * Writes a region's taxonomy in one transaction (the GB/T 4754 classes are reference data, see seedIndustryClasses). Idempotent: rows are
 * upserted by id, an unchanged row keeps its version, a changed chain or node gets version + 1. Never deletes
 * (firms, flows and projects point at nodes); a malformed taxonomy is refused before anything is written.
 * The region must already be a tenant.
 */
export async function seedTaxonomy(db: Db, taxonomy: RegionTaxonomy): Promise<SeedTaxonomyResult> {
  const problems = findTaxonomyProblems(taxonomy, new Set(INDUSTRY_CLASSES.map((c) => c.code)));
  if (problems.length > 0) throw new DomainError('VALIDATION', { field: 'taxonomy', reason: problems.join('; ') }, 'malformed taxonomy');
  const regionCode = taxonomy.regionCode;
  const rows = {
    groups: taxonomy.groups.map((g, sort) => ({ regionCode, id: g.kind, kind: g.kind, nameZh: g.nameZh, nameEn: g.nameEn, sort })),
    chains: taxonomy.chains.map((c, sort) => ({ regionCode, id: c.id, groupId: c.group, nameZh: c.nameZh, nameEn: c.nameEn, sort })),
    nodes: taxonomy.chains.flatMap((c) => nodeRows(regionCode, c)),
    inputs: taxonomy.chains.flatMap((c) => c.inputs.map((e) => ({ regionCode, fromNodeId: e.from, toNodeId: e.to }))),
    roles: taxonomy.chains.flatMap((c) => roleRows(regionCode, c)),
    targets: taxonomy.chains.flatMap((c) => (c.target ? [{ regionCode, chainId: c.id, ...c.target, outputWan: c.target.outputWan.toFixed(2) }] : [])),
  };
  await db.transaction(async (tx) => {
    await tx.insert(chainGroups).values(rows.groups).onConflictDoUpdate({ target: [chainGroups.regionCode, chainGroups.id], set: excludedSet(chainGroups, ['kind', 'nameZh', 'nameEn', 'sort']) });
    const chainFields = ['groupId', 'nameZh', 'nameEn', 'sort'] as const;
    await tx
      .insert(chains)
      .values(rows.chains)
      .onConflictDoUpdate({
        target: [chains.regionCode, chains.id],
        set: { ...excludedSet(chains, chainFields), version: sql`${chains.version} + 1` },
        setWhere: isChanged(chains, chainFields),
      });
    const nodeFields = ['chainId', 'nameZh', 'nameEn', 'nameSortKey', 'tier', 'industryCodes', 'boneZh', 'boneEn', 'isKeyNode', 'sort'] as const;
    await tx
      .insert(chainNodes)
      .values(rows.nodes)
      .onConflictDoUpdate({
        target: [chainNodes.regionCode, chainNodes.id],
        set: { ...excludedSet(chainNodes, nodeFields), version: sql`${chainNodes.version} + 1` },
        setWhere: isChanged(chainNodes, nodeFields),
      });
    if (rows.inputs.length > 0) await tx.insert(nodeInputs).values(rows.inputs).onConflictDoNothing();
    if (rows.roles.length > 0) {
      await tx
        .insert(chainRoles)
        .values(rows.roles)
        .onConflictDoUpdate({ target: [chainRoles.regionCode, chainRoles.id], set: excludedSet(chainRoles, ['chainId', 'kind', 'nameZh', 'nameEn', 'note', 'isAssumption', 'sort']) });
    }
    if (rows.targets.length > 0) {
      await tx
        .insert(chainTargets)
        .values(rows.targets)
        .onConflictDoUpdate({ target: [chainTargets.regionCode, chainTargets.chainId, chainTargets.year], set: excludedSet(chainTargets, ['outputWan', 'nameZh', 'isAssumption', 'source']) });
    }
  });
  return { groups: rows.groups.length, chains: rows.chains.length, nodes: rows.nodes.length, inputs: rows.inputs.length, roles: rows.roles.length, targets: rows.targets.length };
}

function nodeRows(regionCode: string, chain: TaxonomyChain) {
  return chain.nodes.map((n, sort) => ({
    regionCode,
    id: n.id,
    chainId: chain.id,
    nameZh: n.nameZh,
    nameEn: n.nameEn,
    nameSortKey: nameSortKeyOf(n.nameZh),
    tier: n.tier,
    industryCodes: n.industryCodes,
    boneZh: n.boneZh ?? null,
    boneEn: n.boneEn ?? null,
    isKeyNode: n.isKeyNode ?? false,
    sort,
  }));
}

/** Role ids are stable per chain and kind: `pump.leadFirm.2` is the pump chain's second lead firm. */
function roleRows(regionCode: string, chain: TaxonomyChain) {
  const seen = new Map<string, number>();
  return chain.roles.map((r, sort) => {
    const n = (seen.get(r.kind) ?? 0) + 1;
    seen.set(r.kind, n);
    return {
      regionCode,
      id: `${chain.id}.${r.kind}.${n}`,
      chainId: chain.id,
      kind: r.kind,
      nameZh: r.nameZh,
      nameEn: r.nameEn ?? null,
      note: r.note ?? null,
      isAssumption: r.isAssumption ?? false,
      sort,
    };
  });
}

type Columns<T extends Table> = keyof T['_']['columns'] & string;

/** `SET col = excluded.col` for the named columns of an upsert. */
function excludedSet<T extends Table>(table: T, keys: readonly Columns<T>[]): Record<string, SQL> {
  const columns: Record<string, Column> = getTableColumns(table);
  const set: Record<string, SQL> = {};
  for (const key of keys) {
    const column = columns[key];
    if (column) set[key] = sql.raw(`excluded."${column.name}"`);
  }
  return set;
}

/** True when an upsert would change any of the named columns (so that an unchanged row keeps its version). */
function isChanged<T extends Table>(table: T, keys: readonly Columns<T>[]): SQL {
  const columns: Record<string, Column> = getTableColumns(table);
  const names = keys.flatMap((key) => {
    const column = columns[key];
    return column ? [`"${column.name}"`] : [];
  });
  const current = sql.join(names.map((n) => sql`${table}.${sql.raw(n)}`), sql`, `);
  const incoming = sql.raw(names.map((n) => `excluded.${n}`).join(', '));
  return sql`(${current}) is distinct from (${incoming})`;
}
