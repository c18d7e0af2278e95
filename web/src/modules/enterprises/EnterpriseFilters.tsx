import { useId } from 'react';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { loadChains, loadNodes, nameIn, type Town } from './api.ts';
import { hasFilters, type ListParams, SORTS } from './listParams.ts';

interface Option {
  value: string;
  label: string;
}

function Select({ label, value, options, onChange, testId, isDisabled = false }: { label: string; value: string; options: Option[]; onChange(value: string): void; testId: string; isDisabled?: boolean }) {
  const id = useId();
  return (
    <label className="filter" htmlFor={id}>
      <span className="filter__label">{label}</span>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId} disabled={isDisabled}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Chain, node, town, scale, listed, data source and sort; every change goes back to page 1. */
export function EnterpriseFilters({ region, params, towns, onChange }: { region: string; params: ListParams; towns: readonly Town[]; onChange(next: Partial<ListParams>): void }) {
  const { t, locale } = useI18n();
  const chains = useApiQuery(`chains:${region}`, (signal) => loadChains(region, signal));
  const nodes = useApiQuery(`nodes:${region}:${params.chain}`, (signal) => (params.chain ? loadNodes(region, params.chain, signal) : Promise.resolve([])));
  const any: Option = { value: '', label: t('enterprises.filter.any') };
  const set = (next: Partial<ListParams>) => onChange({ ...next, page: 1 });
  const yesNo = (prefix: 'enterprises.filter.listed' | 'enterprises.filter.synthetic'): Option[] => [
    any,
    { value: 'true', label: t(`${prefix}.true`) },
    { value: 'false', label: t(`${prefix}.false`) },
  ];

  return (
    <fieldset className="filters" data-testid="enterprise-filters">
      <legend className="visually-hidden">{t('enterprises.filter.label')}</legend>
      <Select
        label={t('enterprises.filter.chain')}
        value={params.chain}
        options={[any, ...(chains.data ?? []).map((c) => ({ value: c.id, label: nameIn(locale, c) }))]}
        onChange={(chain) => set({ chain, node: '' })}
        testId="filter-chain"
      />
      <Select
        label={t('enterprises.filter.node')}
        value={params.node}
        options={params.chain ? [any, ...(nodes.data ?? []).map((n) => ({ value: n.id, label: nameIn(locale, n) }))] : [{ value: '', label: t('enterprises.filter.node.pickChain') }]}
        onChange={(node) => set({ node })}
        testId="filter-node"
        isDisabled={!params.chain}
      />
      <Select
        label={t('enterprises.filter.town')}
        value={params.town}
        options={[any, ...towns.map((town) => ({ value: town.code, label: nameIn(locale, town) }))]}
        onChange={(town) => set({ town })}
        testId="filter-town"
      />
      <Select
        label={t('enterprises.filter.scale')}
        value={params.scale}
        options={[any, { value: 'above', label: t('scale.above') }, { value: 'below', label: t('scale.below') }]}
        onChange={(scale) => set({ scale: scale === 'above' || scale === 'below' ? scale : '' })}
        testId="filter-scale"
      />
      <Select label={t('enterprises.filter.listed')} value={params.listed} options={yesNo('enterprises.filter.listed')} onChange={(v) => set({ listed: toYesNo(v) })} testId="filter-listed" />
      <Select
        label={t('enterprises.filter.synthetic')}
        value={params.synthetic}
        options={yesNo('enterprises.filter.synthetic')}
        onChange={(v) => set({ synthetic: toYesNo(v) })}
        testId="filter-synthetic"
      />
      <Select
        label={t('enterprises.sort.label')}
        value={params.sort}
        options={SORTS.map((sort) => ({ value: sort, label: t(`enterprises.sort.${sort}` satisfies MessageKey) }))}
        onChange={(sort) => set({ sort: SORTS.find((s) => s === sort) ?? 'name' })}
        testId="filter-sort"
      />
      {hasFilters({ ...params, q: '' }) && (
        <button type="button" className="button button--small" onClick={() => set({ chain: '', node: '', town: '', scale: '', listed: '', synthetic: '' })}>
          {t('enterprises.filter.reset')}
        </button>
      )}
    </fieldset>
  );
}

function toYesNo(value: string): ListParams['listed'] {
  return value === 'true' || value === 'false' ? value : '';
}
