import type { SourcedFact } from './cockpit.model.ts';

/**
 * Figures a source states that no row of the platform can reproduce (national shares, provincial ranks, titles):
 * the cockpit shows them as facts with their source, never as computed numbers. Keyed by region code; a region
 * without an entry simply has none.
 */
const ARTICLE = '温岭日报《破界·提质·聚势——解锁温岭产业集群“生长密码”》（domain/FACTS.md）';

const SOURCED_FACTS: Readonly<Record<string, readonly SourcedFact[]>> = {
  '331081': [
    {
      id: 'pump-national-share',
      chainId: 'pump',
      labelZh: '小型水泵全国市场占有率',
      labelEn: 'National market share of small pumps',
      valueZh: '70% 以上',
      valueEn: 'over 70%',
      year: 2024,
      source: ARTICLE,
    },
    {
      id: 'pump-half-hour',
      chainId: 'pump',
      labelZh: '铸件、密封件等环节配套',
      labelEn: 'Castings, seals and other links',
      valueZh: '半小时内全配套',
      valueEn: 'full supply within half an hour',
      year: 2024,
      source: ARTICLE,
    },
    {
      id: 'robot-cnc-rank',
      chainId: 'machine-tool',
      labelZh: '机器人与数控机床产业集群规上营收全省排名',
      labelEn: 'Robot & CNC cluster, provincial rank by 规上 revenue',
      valueZh: '全省第 2',
      valueEn: '2nd in Zhejiang',
      year: 2024,
      source: ARTICLE,
    },
    {
      id: 'machine-tool-national-cluster',
      chainId: 'machine-tool',
      labelZh: '浙东工业母机集群',
      labelEn: 'East Zhejiang machine-tool cluster',
      valueZh: '国家先进制造业集群',
      valueEn: 'national advanced manufacturing cluster',
      year: 2024,
      source: ARTICLE,
    },
    {
      id: 'robot-taizhou-share',
      chainId: 'robot',
      labelZh: '机器人整机产值占台州比重',
      labelEn: "Share of Taizhou's robot whole-machine output",
      valueZh: '50% 以上',
      valueEn: 'over 50%',
      year: 2024,
      source: ARTICLE,
    },
    {
      id: 'pump-valve-star',
      chainId: 'pump',
      labelZh: '精密泵阀产业集群',
      labelEn: 'Precision pumps & valves cluster',
      valueZh: '省级“新星”产业群',
      valueEn: 'provincial "rising star" industrial group',
      year: 2024,
      source: ARTICLE,
    },
  ],
};

export function sourcedFactsOf(regionCode: string, chainId?: string): SourcedFact[] {
  const facts = SOURCED_FACTS[regionCode] ?? [];
  return chainId === undefined ? [...facts] : facts.filter((f) => f.chainId === chainId);
}

/** A cluster that cuts across chains: whole chains plus single links (firms counted by their main link). */
export interface ClusterDefinition {
  id: string;
  nameZh: string;
  nameEn: string;
  chains: readonly string[];
  nodes: readonly string[];
  source: string;
}

const CLUSTERS: Readonly<Record<string, readonly ClusterDefinition[]>> = {
  '331081': [
    {
      id: 'robot-cnc',
      nameZh: '机器人与数控机床产业集群',
      nameEn: 'Robot & CNC machine-tool cluster',
      chains: ['robot'],
      nodes: ['machine-tool.cutting', 'machine-tool.forming'],
      source: `${ARTICLE}；范围（机器人链 + 金属切削、成形机床环节）为本平台的界定`,
    },
  ],
};

export function clustersOf(regionCode: string): ClusterDefinition[] {
  return [...(CLUSTERS[regionCode] ?? [])];
}
