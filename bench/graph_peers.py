"""Peer timings for the graph bench (bench/graph.ts): igraph and NetworkX on the same edge CSV.

usage: graph_peers.py EDGES_CSV RUNS OUT_DIR [--networkx-louvain] [--pagerank-only]

Times only the algorithm calls (not CSV parsing or graph construction), like bench/graph.ts does for ours.
Prints one JSON object per line: {"peer", "algorithm", "ms": [...], "cpu_ms": [...], ...} (wall-clock and
process CPU time of the same calls); writes igraph's PageRank vector to
OUT_DIR/igraph_pagerank.csv (node,pagerank) so that the bench can compare the numbers too.
Needs Debian's python3-igraph, python3-networkx, python3-numpy, python3-pandas (and python3-scipy for
NetworkX's PageRank); run it with /usr/bin/python3.
"""
import json
import os
import random
import sys
import time

import igraph as ig
import networkx as nx
import pandas as pd

edges_csv, runs, out_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with_nx_louvain = "--networkx-louvain" in sys.argv[4:]
pagerank_only = "--pagerank-only" in sys.argv[4:]

df = pd.read_csv(edges_csv, dtype={"source": str, "target": str, "weight": float})
names = pd.unique(pd.concat([df.source, df.target], ignore_index=True))
index = {name: i for i, name in enumerate(names)}
src = df.source.map(index).to_numpy()
dst = df.target.map(index).to_numpy()
weights = df.weight.to_list()
n, m = len(names), len(df)


def report(peer, algorithm, ms, cpu_ms, **extra):
    print(json.dumps({"peer": peer, "algorithm": algorithm, "ms": ms, "cpu_ms": cpu_ms, **extra}), flush=True)


def timed(fn):
    """Result, wall-clock ms and CPU ms (time.process_time, like process.cpuUsage on our side)."""
    c0, t0 = time.process_time(), time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000


# igraph: directed weighted graph; parallel edges stay parallel (PRPACK sums them), like ours.
g = ig.Graph(n=n, edges=list(zip(src.tolist(), dst.tolist())), directed=True)
g.es["weight"] = weights
times, cpu = [], []
for _ in range(runs):
    pr, ms, cpu_ms = timed(lambda: g.pagerank(damping=0.85, weights="weight", implementation="prpack"))
    times.append(ms)
    cpu.append(cpu_ms)
pd.DataFrame({"node": names, "pagerank": pr}).to_csv(os.path.join(out_dir, "igraph_pagerank.csv"), index=False, float_format="%.17g")
report("igraph 0.10 PRPACK", "pagerank", times, cpu)

# Louvain on the undirected projection w(u,v)+w(v,u) (built outside the timing).
if not pagerank_only:
    u = g.as_undirected(mode="collapse", combine_edges="sum")
    times, cpu, qs, ks = [], [], [], []
    for seed in range(runs):
        random.seed(seed)  # python-igraph draws from Python's random module
        parts, ms, cpu_ms = timed(lambda: u.community_multilevel(weights="weight"))
        times.append(ms)
        cpu.append(cpu_ms)
        qs.append(u.modularity(parts.membership, weights="weight"))
        ks.append(len(parts))
    report("igraph 0.10 multilevel", "louvain", times, cpu, modularity=qs, communities=ks)

# NetworkX: the same L1 < 1e-10 stopping rule as ours (its tol is per node: L1 < N·tol).
G = nx.DiGraph()
G.add_nodes_from(range(n))
G.add_weighted_edges_from(zip(src.tolist(), dst.tolist(), weights))
_, ms, cpu_ms = timed(lambda: nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-10 / n, max_iter=10000))
report("NetworkX 2.8 pagerank (scipy)", "pagerank", [ms], [cpu_ms])

if with_nx_louvain and not pagerank_only:
    H = nx.Graph()
    H.add_nodes_from(range(n))
    for e in u.es:
        H.add_edge(e.source, e.target, weight=e["weight"])
    parts, ms, cpu_ms = timed(lambda: nx.community.louvain_communities(H, weight="weight", seed=0))
    report("NetworkX 2.8 louvain", "louvain", [ms], [cpu_ms], modularity=[nx.community.modularity(H, parts, weight="weight")], communities=[len(parts)])
