import { type FormEvent, useId, useState } from 'react';
import { z } from 'zod';
import { ChainNode } from '../../../../src/modules/chains/chains.model.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MapNode } from './chainApi.ts';
import { describeEditError } from './editError.ts';

const Done = z.object({ ok: z.literal(true) });

/** Edits a node's name, bone and key flag with its version, or deletes it; a stale edit says so and reloads the map. */
export function NodeEditor({ region, chainId, node, onChanged, onDeleted }: { region: string; chainId: string; node: MapNode; onChanged(): void; onDeleted(): void }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);
  const id = useId();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setMessage(null);
    try {
      await api(`/api/r/${region}/chains/${encodeURIComponent(chainId)}/nodes/${encodeURIComponent(node.id)}`, ChainNode, {
        method: 'PATCH',
        body: { version: node.version, nameZh: text('nameZh'), boneZh: text('boneZh') || null, isKeyNode: form.get('isKeyNode') === 'on' },
      });
      setMessage({ isError: false, text: t('chains.thresholds.saved') });
      onChanged();
    } catch (error) {
      const outcome = describeEditError(error);
      setMessage({ isError: true, text: outcome.kind === 'invalid' ? outcome.text : t(`chains.edit.${outcome.kind}`) });
      if (outcome.kind === 'stale') onChanged();
    }
  };

  const onDelete = async () => {
    if (!window.confirm(t('chains.structure.confirmDelete', { node: node.nameZh }))) return;
    setMessage(null);
    try {
      await api(`/api/r/${region}/chains/${encodeURIComponent(chainId)}/nodes/${encodeURIComponent(node.id)}`, Done, { method: 'DELETE', query: { version: node.version } });
      onDeleted();
    } catch (error) {
      const outcome = describeEditError(error);
      setMessage({ isError: true, text: outcome.kind === 'invalid' ? outcome.text : t(`chains.edit.${outcome.kind}`) });
      if (outcome.kind === 'stale') onChanged();
    }
  };

  return (
    <details className="chain-editor" data-testid="node-editor">
      <summary>{t('chains.edit.node')}</summary>
      <form className="thresholds-form" onSubmit={(event) => void onSubmit(event)} key={`${node.id}:${node.version}`}>
        <label className="field" htmlFor={`${id}-name`}>
          {t('chains.edit.name')}
          <input id={`${id}-name`} name="nameZh" type="text" maxLength={100} defaultValue={node.nameZh} required />
        </label>
        <label className="field" htmlFor={`${id}-bone`}>
          {t('chains.edit.bone')}
          <input id={`${id}-bone`} name="boneZh" type="text" maxLength={200} defaultValue={node.boneZh ?? ''} disabled={node.tier !== 'up'} />
        </label>
        <label className="chain-editor__check" htmlFor={`${id}-key`}>
          <input id={`${id}-key`} name="isKeyNode" type="checkbox" defaultChecked={node.isKeyNode} />
          {t('chains.edit.keyNode')}
        </label>
        <div className="thresholds-form__actions">
          <button type="submit" className="button button--primary">
            {t('chains.edit.save')}
          </button>
          <button type="button" className="button button--danger" onClick={() => void onDelete()} data-testid="node-delete">
            {t('chains.structure.deleteNode')}
          </button>
          <span className="muted">{t('chains.thresholds.version', { version: node.version })}</span>
        </div>
      </form>
      {message && <p className={message.isError ? 'notice notice--error' : 'notice notice--info'}>{message.text}</p>}
    </details>
  );
}
