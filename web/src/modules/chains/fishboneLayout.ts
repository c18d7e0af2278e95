/**
 * Layout of the fishbone diagram of a chain (pure; SVG units): upstream nodes grouped by bone as diagonal
 * bones feeding a horizontal spine, service nodes as a lower bone, midstream nodes in a panel on the spine
 * before the head, downstream nodes in the head column at the right.
 */
export type FishboneTier = 'up' | 'mid' | 'down' | 'service';

export interface FishboneNodeInput {
  id: string;
  tier: FishboneTier;
  /** bone label in the display language; null groups the node with the others without a bone */
  bone: string | null;
}

export interface FishboneBone {
  key: string;
  label: string | null;
  kind: 'up' | 'service';
  side: 'upper' | 'lower';
  /** from the outer end (x1, y1) to where the bone meets the spine (x2, y2) */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  labelX: number;
  labelY: number;
}

export interface FishboneChip {
  nodeId: string;
  tier: FishboneTier;
  x: number;
  y: number;
  width: number;
  height: number;
  /** the dot on the bone the chip hangs from; null for panel chips */
  anchor: { x: number; y: number } | null;
}

export interface FishbonePanel {
  tier: 'mid' | 'down';
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FishboneLayout {
  width: number;
  height: number;
  spine: { x1: number; x2: number; y: number };
  bones: FishboneBone[];
  chips: FishboneChip[];
  panels: FishbonePanel[];
}

export const CHIP_WIDTH = 184;
export const CHIP_HEIGHT = 44;
const GAP = 10;
const SLANT = 0.5;
const MARGIN = 24;
const LABEL_SPACE = 30;
const PANEL_PAD = 12;
const PANEL_HEADER = 30;
const BONE_SPACING = CHIP_WIDTH + 36;

interface BoneGroup {
  key: string;
  label: string | null;
  kind: 'up' | 'service';
  side: 'upper' | 'lower';
  nodeIds: string[];
}

/** Bones in the order their first node appears; upstream bones alternate above and below; service goes below. */
function groupBones(nodes: readonly FishboneNodeInput[]): BoneGroup[] {
  const bones = new Map<string, BoneGroup>();
  for (const node of nodes) {
    if (node.tier !== 'up' && node.tier !== 'service') continue;
    const key = node.tier === 'service' ? 'service' : `up:${node.bone ?? ''}`;
    let bone = bones.get(key);
    if (!bone) {
      bone = { key, label: node.tier === 'service' ? null : node.bone, kind: node.tier, side: 'upper', nodeIds: [] };
      bones.set(key, bone);
    }
    bone.nodeIds.push(node.id);
  }
  const upstream = [...bones.values()].filter((b) => b.kind === 'up');
  upstream.forEach((bone, i) => {
    bone.side = i % 2 === 0 ? 'upper' : 'lower';
  });
  const service = [...bones.values()].filter((b) => b.kind === 'service');
  for (const bone of service) bone.side = 'lower';
  return [...upstream, ...service];
}

const boneLength = (count: number): number => LABEL_SPACE + count * (CHIP_HEIGHT + GAP);

export function layoutFishbone(nodes: readonly FishboneNodeInput[]): FishboneLayout {
  const groups = groupBones(nodes);
  const upper = groups.filter((g) => g.side === 'upper');
  const lower = groups.filter((g) => g.side === 'lower');
  const maxUpper = Math.max(0, ...upper.map((g) => boneLength(g.nodeIds.length)));
  const maxLower = Math.max(0, ...lower.map((g) => boneLength(g.nodeIds.length)));
  const mids = nodes.filter((n) => n.tier === 'mid');
  const downs = nodes.filter((n) => n.tier === 'down');
  const midHeight = PANEL_HEADER + mids.length * (CHIP_HEIGHT + GAP) + PANEL_PAD;
  const spineY = MARGIN + LABEL_SPACE + Math.max(maxUpper, midHeight / 2);

  const bones: FishboneBone[] = [];
  const chips: FishboneChip[] = [];
  let rightmost = MARGIN;
  // Bones are parallel, so spacing their ends on the spine by a chip's width keeps every chip clear of the next bone.
  const lastEnd = { upper: Number.NEGATIVE_INFINITY, lower: Number.NEGATIVE_INFINITY };
  for (const group of groups) {
    const length = boneLength(group.nodeIds.length);
    const end = Math.max(lastEnd[group.side] + BONE_SPACING, MARGIN + length * SLANT);
    lastEnd[group.side] = end;
    const sign = group.side === 'upper' ? -1 : 1;
    const outerY = spineY + sign * length;
    const outerX = end - length * SLANT;
    bones.push({
      key: group.key,
      label: group.label,
      kind: group.kind,
      side: group.side,
      x1: outerX,
      y1: outerY,
      x2: end,
      y2: spineY,
      labelX: outerX,
      labelY: group.side === 'upper' ? outerY - 10 : outerY + 22,
    });
    group.nodeIds.forEach((nodeId, i) => {
      // Upper bones list nodes from the outer end down to the spine; lower bones from the spine outwards.
      const centreY = group.side === 'upper' ? outerY + LABEL_SPACE + i * (CHIP_HEIGHT + GAP) : spineY + GAP + CHIP_HEIGHT / 2 + i * (CHIP_HEIGHT + GAP);
      const lineX = end - Math.abs(spineY - centreY) * SLANT;
      chips.push({ nodeId, tier: group.kind, x: lineX + 10, y: centreY - CHIP_HEIGHT / 2, width: CHIP_WIDTH, height: CHIP_HEIGHT, anchor: { x: lineX, y: centreY } });
      rightmost = Math.max(rightmost, lineX + 10 + CHIP_WIDTH);
    });
    rightmost = Math.max(rightmost, end);
  }

  const panels: FishbonePanel[] = [];
  const midX = rightmost + 40;
  const midWidth = CHIP_WIDTH + 2 * PANEL_PAD;
  const midY = spineY - midHeight / 2;
  panels.push({ tier: 'mid', x: midX, y: midY, width: midWidth, height: midHeight });
  mids.forEach((node, i) => {
    chips.push({ nodeId: node.id, tier: 'mid', x: midX + PANEL_PAD, y: midY + PANEL_HEADER + i * (CHIP_HEIGHT + GAP), width: CHIP_WIDTH, height: CHIP_HEIGHT, anchor: null });
  });

  const downX = midX + midWidth + 48;
  const downHeight = PANEL_HEADER + downs.length * (CHIP_HEIGHT + GAP) + PANEL_PAD;
  // The head sits on the spine like the fish's head, unless it is taller than the drawing above the spine.
  const downY = Math.max(MARGIN, spineY - downHeight / 2);
  panels.push({ tier: 'down', x: downX, y: downY, width: midWidth, height: downHeight });
  downs.forEach((node, i) => {
    chips.push({ nodeId: node.id, tier: 'down', x: downX + PANEL_PAD, y: downY + PANEL_HEADER + i * (CHIP_HEIGHT + GAP), width: CHIP_WIDTH, height: CHIP_HEIGHT, anchor: null });
  });

  const height = Math.max(spineY + Math.max(maxLower, midHeight / 2) + LABEL_SPACE + MARGIN, downY + downHeight + MARGIN);
  return { width: downX + midWidth + MARGIN, height, spine: { x1: MARGIN, x2: downX - 12, y: spineY }, bones, chips, panels };
}
