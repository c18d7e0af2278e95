import type { RegionTaxonomy } from '../taxonomy.types.ts';
import { autoMotoChain } from './wenling/autoMoto.ts';
import { chipChain } from './wenling/chip.ts';
import { aiComputingChain, humanoidChain } from './wenling/future.ts';
import { landChain } from './wenling/land.ts';
import { laserChain } from './wenling/laser.ts';
import { machineToolChain } from './wenling/machineTool.ts';
import { marineChain } from './wenling/marine.ts';
import { medicalChain } from './wenling/medical.ts';
import { pumpChain } from './wenling/pump.ts';
import { robotChain } from './wenling/robot.ts';
import { shoesChain } from './wenling/shoes.ts';

/**
 * 温岭 (331081): the "4+6+X" chain groups — 4 traditional pillars, the 6 tracks "海陆机芯光医" (in that order)
 * and X future industries. Structure from /work/shared/domain/FACTS.md; nodes and GB/T 4754-2017 codes from
 * SOURCES-policy.md §7. Roles and targets the article does not state are flagged `isAssumption`.
 */
export const WENLING_TAXONOMY: RegionTaxonomy = {
  regionCode: '331081',
  groups: [
    { kind: 'pillar', nameZh: '传统支柱产业链（"4"）', nameEn: 'Traditional pillar chains ("4")' },
    { kind: 'emerging', nameZh: '新兴产业赛道（"6"：海陆机芯光医）', nameEn: 'Emerging tracks ("6")' },
    { kind: 'future', nameZh: '未来产业（"X"）', nameEn: 'Future industries ("X")' },
  ],
  chains: [
    pumpChain,
    autoMotoChain,
    machineToolChain,
    shoesChain,
    marineChain,
    landChain,
    robotChain,
    chipChain,
    laserChain,
    medicalChain,
    aiComputingChain,
    humanoidChain,
  ],
};
