/** Pure helpers of the chain editing forms (parsing what staff type, choosing what they may pick). */

/** "3441, 3442；3443" → ['3441', '3442', '3443']: commas, Chinese punctuation or spaces separate codes. */
export function parseIndustryCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).filter((c) => c.length > 0))];
}

interface NodeLike {
  id: string;
}
interface Edge {
  fromNodeId: string;
  toNodeId: string;
}

/** Nodes that may still feed `toId`: not the node itself and not already one of its inputs. */
export function candidateInputs<N extends NodeLike>(nodes: readonly N[], inputs: readonly Edge[], toId: string): N[] {
  const existing = new Set(inputs.filter((e) => e.toNodeId === toId).map((e) => e.fromNodeId));
  return nodes.filter((n) => n.id !== toId && !existing.has(n.id));
}

/** A node id that fits the server's rule (lower-case, digits, dots, dashes) and the chain's prefix convention. */
export function suggestNodeId(chainId: string, typed: string): string {
  const slug = typed
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) return '';
  return slug.startsWith(`${chainId}.`) ? slug : `${chainId}.${slug}`;
}
