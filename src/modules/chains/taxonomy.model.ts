import type { RegionTaxonomy, TaxonomyChain } from './taxonomy.types.ts';

const CLASS_CODE = /^\d{4}$/;

/**
 * Every way a taxonomy can be malformed, as readable sentences (empty = valid): duplicate ids, edges whose
 * ends are not nodes of the chain, cycles in a chain's input edges, class codes that are not 4 digits or
 * not in the reference list, chains of groups the taxonomy does not declare, hints outside their range.
 */
export function findTaxonomyProblems(taxonomy: RegionTaxonomy, knownClassCodes: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const groupKinds = new Set(taxonomy.groups.map((g) => g.kind));
  if (groupKinds.size !== taxonomy.groups.length) problems.push('a group kind is declared twice');
  problems.push(...findDuplicates(taxonomy.chains.map((c) => c.id)).map((id) => `chain id ${id} is used twice`));
  const nodeIds = taxonomy.chains.flatMap((c) => c.nodes.map((n) => n.id));
  problems.push(...findDuplicates(nodeIds).map((id) => `node id ${id} is used twice`));
  for (const chain of taxonomy.chains) {
    if (!groupKinds.has(chain.group)) problems.push(`chain ${chain.id}: group ${chain.group} is not declared`);
    problems.push(...findChainProblems(chain, knownClassCodes));
  }
  return problems;
}

function findChainProblems(chain: TaxonomyChain, knownClassCodes: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const ids = new Set(chain.nodes.map((n) => n.id));
  for (const node of chain.nodes) {
    if (node.industryCodes.length === 0) problems.push(`node ${node.id}: no industry code`);
    for (const code of node.industryCodes) {
      if (!CLASS_CODE.test(code)) problems.push(`node ${node.id}: code ${code} is not a 4-digit class`);
      else if (!knownClassCodes.has(code)) problems.push(`node ${node.id}: code ${code} is not in industry_classes`);
    }
    const { localShare, firmWeight } = node.demo;
    if (!(localShare >= 0 && localShare <= 1)) problems.push(`node ${node.id}: localShare ${localShare} outside 0..1`);
    if (!(firmWeight > 0)) problems.push(`node ${node.id}: firmWeight ${firmWeight} is not positive`);
  }
  const edgeKeys = chain.inputs.map((e) => `${e.from} → ${e.to}`);
  problems.push(...findDuplicates(edgeKeys).map((key) => `chain ${chain.id}: edge ${key} is listed twice`));
  for (const edge of chain.inputs) {
    if (!ids.has(edge.from)) problems.push(`chain ${chain.id}: edge from unknown node ${edge.from}`);
    if (!ids.has(edge.to)) problems.push(`chain ${chain.id}: edge to unknown node ${edge.to}`);
    if (edge.from === edge.to) problems.push(`chain ${chain.id}: node ${edge.from} feeds itself`);
  }
  const cycle = findCycleNodes(chain);
  if (cycle.length > 0) problems.push(`chain ${chain.id}: input edges form a cycle through ${cycle.join(', ')}`);
  return problems;
}

/** Nodes left on a cycle after Kahn's topological sort removes every node it can (empty = acyclic). */
export function findCycleNodes(chain: Pick<TaxonomyChain, 'nodes' | 'inputs'>): string[] {
  const indegree = new Map(chain.nodes.map((n) => [n.id, 0]));
  const next = new Map<string, string[]>();
  for (const { from, to } of chain.inputs) {
    if (!indegree.has(from) || !indegree.has(to) || from === to) continue;
    indegree.set(to, (indegree.get(to) ?? 0) + 1);
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const queue = [...indegree].filter(([, d]) => d === 0).map(([id]) => id);
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    indegree.delete(id);
    for (const to of next.get(id) ?? []) {
      const d = (indegree.get(to) ?? 0) - 1;
      indegree.set(to, d);
      if (d === 0) queue.push(to);
    }
  }
  return [...indegree.keys()];
}

function findDuplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}
