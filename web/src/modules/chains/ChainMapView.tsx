import { useMemo, useRef, useState } from 'react';
import { canWrite } from '../../../../src/modules/auth/auth.model.ts';
import { api } from '../../api/client.ts';
import type { Region } from '../../api/schemas.ts';
import { useReportSyntheticRows } from '../../app/demoData.tsx';
import { regionName } from '../../app/regionChoice.ts';
import { modulePath } from '../../app/routes.ts';
import { Link, navigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { EChart } from '../../components/EChart.tsx';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ChainMap } from './chainApi.ts';
import { type ChainPageParams, formatPercent, STATUS_COLOURS, STATUS_ORDER, writeChainParams } from './chainFormat.ts';
import { downloadPng, downloadSvg } from './exportDiagram.ts';
import { FishboneDiagram } from './FishboneDiagram.tsx';
import { ChainStructureEditor } from './ChainStructureEditor.tsx';
import { buildNetwork } from './networkOption.ts';
import { NodeEditor } from './NodeEditor.tsx';
import { NodeFirmsPanel } from './NodeFirmsPanel.tsx';
import { RoleEditor } from './RoleEditor.tsx';
import { RolesPanel } from './RolesPanel.tsx';
import { ThresholdsForm } from './ThresholdsForm.tsx';

/** One chain: fishbone, input network, roles, the firms of the chosen node, the status thresholds. */
export function ChainMapView({ region, params }: { region: Region; params: ChainPageParams & { chain: string } }) {
  const { t, locale, formatNumber } = useI18n();
  const { state } = useSession();
  const role = state.status === 'signed-in' ? state.user.role : 'viewer';
  const mayEdit = canWrite(role, 'chains');
  const mayEditFirms = canWrite(role, 'enterprises');
  const code = region.regionCode;
  const base = modulePath(code, 'chains');
  const query = useApiQuery(`chain-map:${code}:${params.chain}:${params.year ?? ''}`, (signal) =>
    api(`/api/r/${code}/chains/${encodeURIComponent(params.chain)}/map`, ChainMap, { query: { year: params.year ?? undefined }, signal }),
  );
  const map = query.data;
  useReportSyntheticRows(map?.nodes.some((n) => n.isSynthetic) ?? false);
  const svgRef = useRef<SVGSVGElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const isEn = locale === 'en';
  const chainName = map ? (isEn ? (map.nameEn ?? map.nameZh) : map.nameZh) : params.chain;
  const selected = map?.nodes.find((n) => n.id === params.node) ?? null;
  const go = (next: Partial<ChainPageParams>) => navigate(base + writeChainParams({ ...params, ...next }), { replace: next.node !== undefined });

  const networkOption = useMemo(() => {
    if (!map) return null;
    const net = buildNetwork({ nodes: map.nodes, inputs: map.inputs, nameOf: (n) => (isEn ? (n.nameEn ?? n.nameZh) : n.nameZh) });
    return {
      tooltip: {},
      series: [
        {
          type: 'graph',
          layout: 'none',
          roam: true,
          label: { show: true, position: 'right', fontSize: 11 },
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 6,
          lineStyle: { color: '#9aa8bd', curveness: 0.15 },
          data: net.nodes,
          links: net.links,
        },
      ],
    };
  }, [map, isEn]);

  const fileBase = `${chainName}-${t('chains.fishbone')}-${map?.year ?? ''}`;
  const exportAs = async (kind: 'svg' | 'png') => {
    const svg = svgRef.current;
    if (!svg) return;
    setExportError(null);
    try {
      if (kind === 'svg') downloadSvg(svg, `${fileBase}.svg`);
      else await downloadPng(svg, `${fileBase}.png`);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section className="page" data-testid="chain-map-page">
      <header className="page__header">
        <div>
          <p>
            <Link to={base} data-testid="chains-back">
              ← {t('chains.back')}
            </Link>
          </p>
          <h1 data-testid="page-title">{t('chains.map.title', { chain: chainName })}</h1>
          <p className="page__subtitle">
            {t('chains.map.subtitle', { region: regionName(region, locale) })}
            {map && ` · ${map.year === null ? t('chains.noYear') : t('chains.yearStamp', { year: map.year })}`}
            {map && ` · ${t('chains.map.output', { output: formatNumber(Math.round(map.chainOutputWan)) })}`}
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => void exportAs('svg')} disabled={!map} data-testid="export-svg">
            {t('chains.export.svg')}
          </button>
          <button type="button" className="button" onClick={() => void exportAs('png')} disabled={!map} data-testid="export-png">
            {t('chains.export.png')}
          </button>
        </div>
      </header>
      {exportError && <p className="notice notice--error">{t('chains.export.failed', { message: exportError })}</p>}
      {query.error && <ErrorNotice error={query.error} onRetry={query.reload} />}
      {!map && !query.error && <Loading />}
      {map && (
        <>
          <RolesPanel roles={map.roles} targets={map.targets}>
            {mayEdit && <RoleEditor region={code} chainId={map.chainId} roles={map.roles} onChanged={query.reload} />}
          </RolesPanel>
          <div className="card">
            <div className="chain-legend" data-testid="status-legend">
              {STATUS_ORDER.map((status) => (
                <span key={status} className="status-pill">
                  <span className="status-dot" style={{ background: STATUS_COLOURS[status] }} />
                  {t(`chains.legend.${status}`)} ({map.statusCounts[status]})
                </span>
              ))}
              <span className="muted">
                {t('chains.legend.rule', {
                  k: map.thresholds.minFirms,
                  lsr: formatPercent(map.thresholds.minLocalSupplyRate),
                  hhi: map.thresholds.maxSupplierHhi,
                  density: formatPercent(map.thresholds.minAdjacentDensity),
                })}
              </span>
            </div>
            <p className="muted">{t('chains.chip.help')}</p>
            <div className="fishbone-wrap">
              <FishboneDiagram nodes={map.nodes} selectedId={params.node} onSelect={(node) => go({ node })} title={t('chains.map.title', { chain: chainName })} svgRef={svgRef} />
            </div>
          </div>
          {selected && (
            <NodeFirmsPanel
              region={code}
              chainId={map.chainId}
              node={selected}
              year={map.year}
              onClose={() => go({ node: null })}
              mayEditFirms={mayEditFirms}
              onFirmsChanged={query.reload}
            >
              {mayEdit && (
                <NodeEditor
                  region={code}
                  chainId={map.chainId}
                  node={selected}
                  onChanged={query.reload}
                  onDeleted={() => {
                    go({ node: null });
                    query.reload();
                  }}
                />
              )}
            </NodeFirmsPanel>
          )}
          <div className="card">
            <h2 className="card__title">{t('chains.network.title')}</h2>
            <p className="muted">{t('chains.network.help')}</p>
            {networkOption && <EChart option={networkOption} label={t('chains.network.title')} height={Math.max(320, map.nodes.length * 22)} testId="chain-network" />}
          </div>
          {mayEdit && <ChainStructureEditor region={code} map={map} onChanged={query.reload} />}
          {mayEdit && <ThresholdsForm region={code} onSaved={query.reload} />}
        </>
      )}
    </section>
  );
}
