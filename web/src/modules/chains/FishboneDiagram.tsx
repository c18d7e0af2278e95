import { type Ref, useMemo } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MapNode } from './chainApi.ts';
import { clipLabel, formatPercent, STATUS_COLOURS } from './chainFormat.ts';
import { CHIP_HEIGHT, type FishboneChip, layoutFishbone } from './fishboneLayout.ts';

const FONT = '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif';
const INK = '#1a2538';
const MUTED = '#5b6980';

/** The chain as a fishbone drawn in SVG (attributes only, so that the exported file looks the same). */
export function FishboneDiagram({
  nodes,
  selectedId,
  onSelect,
  title,
  svgRef,
}: {
  nodes: readonly MapNode[];
  selectedId: string | null;
  onSelect(nodeId: string): void;
  title: string;
  svgRef: Ref<SVGSVGElement>;
}) {
  const { t, locale } = useI18n();
  const isEn = locale === 'en';
  const layout = useMemo(
    () => layoutFishbone(nodes.map((n) => ({ id: n.id, tier: n.tier, bone: (isEn ? (n.boneEn ?? n.boneZh) : n.boneZh) ?? null }))),
    [nodes, isEn],
  );
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const chipOf = (chip: FishboneChip) => {
    const node = byId.get(chip.nodeId);
    if (!node) return null;
    const name = clipLabel(isEn ? (node.nameEn ?? node.nameZh) : node.nameZh, isEn ? 22 : 11);
    const stats =
      node.status === 'missing'
        ? t('chains.chip.missing')
        : node.status === 'adjacent'
          ? t('chains.chip.adjacent', { density: formatPercent(node.relatedness?.density ?? null) })
          : t('chains.chip.stats', { firms: node.firmCount, above: node.aboveScaleCount, share: formatPercent(node.outputShare) });
    const hasNoFirm = node.status === 'missing' || node.status === 'adjacent';
    const isSelected = node.id === selectedId;
    const label = `${node.nameZh} · ${t(`chains.status.${node.status}`)} · ${stats}`;
    return (
      // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it gets the role and keyboard handling instead
      <g
        key={chip.nodeId}
        role="button"
        tabIndex={0}
        aria-label={label}
        aria-pressed={isSelected}
        data-testid="fishbone-node"
        data-node-id={node.id}
        data-status={node.status}
        style={{ cursor: 'pointer' }}
        onClick={() => onSelect(node.id)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            onSelect(node.id);
          }
        }}
      >
        <title>{label}</title>
        {chip.anchor && <circle cx={chip.anchor.x} cy={chip.anchor.y} r={3.5} fill="#4b5a72" />}
        <rect x={chip.x} y={chip.y} width={chip.width} height={chip.height} rx={6} fill="#ffffff" stroke={isSelected ? '#1a5fd0' : '#c6d1e2'} strokeWidth={isSelected ? 2 : 1} />
        <rect x={chip.x} y={chip.y} width={5} height={chip.height} rx={2} fill={STATUS_COLOURS[node.status]} />
        <text x={chip.x + 12} y={chip.y + 18} fontSize={13} fontWeight={600} fill={INK} fontFamily={FONT}>
          {name}
          {node.isKeyNode ? ' ★' : ''}
        </text>
        <text x={chip.x + 12} y={chip.y + CHIP_HEIGHT - 9} fontSize={11} fill={hasNoFirm ? STATUS_COLOURS[node.status] : MUTED} fontFamily={FONT}>
          {stats}
        </text>
      </g>
    );
  };

  return (
    <svg
      ref={svgRef}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      role="img"
      aria-label={title}
      data-testid="fishbone"
      style={{ maxWidth: '100%', height: 'auto' }}
    >
      <title>{title}</title>
      <rect x={0} y={0} width={layout.width} height={layout.height} fill="#ffffff" />
      <line x1={layout.spine.x1} y1={layout.spine.y} x2={layout.spine.x2} y2={layout.spine.y} stroke={INK} strokeWidth={5} strokeLinecap="round" />
      <path d={`M${layout.spine.x2 - 2} ${layout.spine.y - 8} L${layout.spine.x2 + 10} ${layout.spine.y} L${layout.spine.x2 - 2} ${layout.spine.y + 8} Z`} fill={INK} />
      {layout.bones.map((bone) => (
        <g key={bone.key}>
          <line x1={bone.x1} y1={bone.y1} x2={bone.x2} y2={bone.y2} stroke="#4b5a72" strokeWidth={2.5} />
          <text x={bone.labelX} y={bone.labelY} fontSize={15} fontWeight={700} fill={INK} fontFamily={FONT}>
            {bone.kind === 'service' ? t('chains.bone.service') : (bone.label ?? t('chains.bone.other'))}
          </text>
        </g>
      ))}
      {layout.panels.map((panel) => (
        <g key={panel.tier}>
          <rect x={panel.x} y={panel.y} width={panel.width} height={panel.height} rx={10} fill={panel.tier === 'mid' ? '#f3f7fe' : '#fafbfd'} stroke="#c6d1e2" />
          <text x={panel.x + 12} y={panel.y + 20} fontSize={14} fontWeight={700} fill={INK} fontFamily={FONT}>
            {panel.tier === 'mid' ? t('chains.tier.mid') : t('chains.tier.down')}
          </text>
        </g>
      ))}
      {layout.chips.map(chipOf)}
    </svg>
  );
}
