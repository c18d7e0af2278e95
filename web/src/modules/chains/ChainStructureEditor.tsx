import { type FormEvent, useId, useState } from 'react';
import { z } from 'zod';
import { ChainNode } from '../../../../src/modules/chains/chains.model.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { ChainMapData } from './chainApi.ts';
import { candidateInputs, parseIndustryCodes, suggestNodeId } from './chainEditForms.ts';
import { useEditAction } from './useEditAction.tsx';

const TIERS = ['up', 'mid', 'down', 'service'] as const;
const Edge = z.object({ fromNodeId: z.string(), toNodeId: z.string() });
const Done = z.object({ ok: z.literal(true) });

/** Adds nodes to the chain and adds or removes its input edges (from → to); for roles that may change chains. */
export function ChainStructureEditor({ region, map, onChanged }: { region: string; map: ChainMapData; onChanged(): void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const base = `/api/r/${region}/chains/${encodeURIComponent(map.chainId)}`;
  const nodeAction = useEditAction(onChanged);
  const edgeAction = useEditAction(onChanged);
  const [toId, setToId] = useState(map.nodes.find((n) => n.tier === 'mid')?.id ?? map.nodes[0]?.id ?? '');
  const nameOf = (nodeId: string) => {
    const node = map.nodes.find((n) => n.id === nodeId);
    return node ? (locale === 'en' ? (node.nameEn ?? node.nameZh) : node.nameZh) : nodeId;
  };
  const sources = candidateInputs(map.nodes, map.inputs, toId);

  const onAddNode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const tier = TIERS.find((x) => x === text('tier')) ?? 'up';
    const body = {
      id: suggestNodeId(map.chainId, text('id')) || text('id'),
      nameZh: text('nameZh'),
      nameEn: text('nameEn') || null,
      tier,
      boneZh: tier === 'up' ? text('boneZh') || null : null,
      industryCodes: parseIndustryCodes(text('industryCodes')),
      isKeyNode: form.get('isKeyNode') === 'on',
    };
    void nodeAction.run(async () => {
      await api(`${base}/nodes`, ChainNode, { method: 'POST', body });
      target.reset();
    }, t('chains.structure.nodeAdded', { id: body.id }));
  };

  const onAddEdge = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fromNodeId = String(form.get('from') ?? '');
    void edgeAction.run(() => api(`${base}/inputs`, Edge, { method: 'POST', body: { fromNodeId, toNodeId: toId } }), t('chains.structure.edgeAdded'));
  };

  const removeEdge = (e: { fromNodeId: string; toNodeId: string }) =>
    void edgeAction.run(() => api(`${base}/inputs/${encodeURIComponent(e.fromNodeId)}/${encodeURIComponent(e.toNodeId)}`, Done, { method: 'DELETE' }));

  return (
    <div className="card" data-testid="structure-editor">
      <h2 className="card__title">{t('chains.structure.title')}</h2>
      <details className="chain-editor" data-testid="add-node">
        <summary>{t('chains.structure.addNode')}</summary>
        <form className="thresholds-form" onSubmit={onAddNode} data-testid="add-node-form">
          <label className="field" htmlFor={`${id}-id`}>
            {t('chains.structure.nodeId')}
            <input id={`${id}-id`} name="id" type="text" maxLength={64} required placeholder={`${map.chainId}.seals`} />
          </label>
          <label className="field" htmlFor={`${id}-zh`}>
            {t('chains.structure.nameZh')}
            <input id={`${id}-zh`} name="nameZh" type="text" maxLength={100} required />
          </label>
          <label className="field" htmlFor={`${id}-en`}>
            {t('chains.structure.nameEn')}
            <input id={`${id}-en`} name="nameEn" type="text" maxLength={100} />
          </label>
          <label className="field" htmlFor={`${id}-tier`}>
            {t('chains.structure.tier')}
            <select id={`${id}-tier`} name="tier" defaultValue="up">
              {TIERS.map((tier) => (
                <option key={tier} value={tier}>
                  {t(`enterprises.tier.${tier}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor={`${id}-bone`}>
            {t('chains.edit.bone')}
            <input id={`${id}-bone`} name="boneZh" type="text" maxLength={200} />
          </label>
          <label className="field" htmlFor={`${id}-codes`}>
            {t('chains.structure.codes')}
            <input id={`${id}-codes`} name="industryCodes" type="text" required placeholder="3441, 3442" />
          </label>
          <label className="chain-editor__check" htmlFor={`${id}-key`}>
            <input id={`${id}-key`} name="isKeyNode" type="checkbox" />
            {t('chains.edit.keyNode')}
          </label>
          <div className="thresholds-form__actions">
            <button type="submit" className="button button--primary">
              {t('chains.structure.addNode')}
            </button>
          </div>
        </form>
        {nodeAction.notice}
      </details>
      <details className="chain-editor" data-testid="input-editor">
        <summary>{t('chains.structure.inputs', { count: map.inputs.length })}</summary>
        <ul className="chain-editor__list chain-editor__list--column" data-testid="input-list">
          {map.inputs.map((e) => (
            <li key={`${e.fromNodeId}>${e.toNodeId}`} data-testid="input-edge" data-edge={`${e.fromNodeId}>${e.toNodeId}`}>
              {nameOf(e.fromNodeId)} → {nameOf(e.toNodeId)}
              <button type="button" className="button button--small" onClick={() => removeEdge(e)} aria-label={t('chains.structure.removeEdge', { from: nameOf(e.fromNodeId), to: nameOf(e.toNodeId) })}>
                {t('chains.edit.remove')}
              </button>
            </li>
          ))}
        </ul>
        <form className="thresholds-form" onSubmit={onAddEdge} data-testid="add-edge-form">
          <label className="field" htmlFor={`${id}-to`}>
            {t('chains.structure.to')}
            <select id={`${id}-to`} name="to" value={toId} onChange={(event) => setToId(event.target.value)}>
              {map.nodes.map((n) => (
                <option key={n.id} value={n.id}>
                  {nameOf(n.id)}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor={`${id}-from`}>
            {t('chains.structure.from')}
            <select id={`${id}-from`} name="from" key={toId} required>
              {sources.map((n) => (
                <option key={n.id} value={n.id}>
                  {nameOf(n.id)}
                </option>
              ))}
            </select>
          </label>
          <div className="thresholds-form__actions">
            <button type="submit" className="button button--primary" disabled={sources.length === 0}>
              {t('chains.structure.addEdge')}
            </button>
          </div>
        </form>
        {edgeAction.notice}
      </details>
    </div>
  );
}
