export { type Csr, type UndirectedCsr, buildInCsr, buildUndirectedCsr } from './csr.ts';
export { assertEdgeList, type EdgeList, EdgeListBuilder, indexEdges } from './edgeList.ts';
export { type LouvainOptions, type LouvainResult, louvain } from './louvain.ts';
export { denseLabels, modularity } from './modularity.ts';
export { type PagerankOptions, pagerank } from './pagerank.ts';
