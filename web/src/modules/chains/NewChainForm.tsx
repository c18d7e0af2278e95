import { type FormEvent, useId } from 'react';
import { Chain } from '../../../../src/modules/chains/chains.model.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useEditAction } from './useEditAction.tsx';

/** Adds a chain to a group ("4+6+X"); its nodes are added on the new chain's page. */
export function NewChainForm({ region, groupId, onCreated }: { region: string; groupId: string; onCreated(): void }) {
  const { t } = useI18n();
  const id = useId();
  const action = useEditAction(onCreated);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const body = { id: text('id').toLowerCase(), groupId, nameZh: text('nameZh'), nameEn: text('nameEn') || null };
    void action.run(async () => {
      await api(`/api/r/${region}/chains`, Chain, { method: 'POST', body });
      target.reset();
    }, t('chains.newChain.created', { name: body.nameZh }));
  };

  return (
    <details className="chain-editor" data-testid="new-chain">
      <summary>{t('chains.newChain.title')}</summary>
      <form className="thresholds-form" onSubmit={onSubmit} data-testid="new-chain-form">
        <label className="field" htmlFor={`${id}-id`}>
          {t('chains.newChain.id')}
          <input id={`${id}-id`} name="id" type="text" maxLength={64} required placeholder="valves" />
        </label>
        <label className="field" htmlFor={`${id}-zh`}>
          {t('chains.structure.nameZh')}
          <input id={`${id}-zh`} name="nameZh" type="text" maxLength={100} required />
        </label>
        <label className="field" htmlFor={`${id}-en`}>
          {t('chains.structure.nameEn')}
          <input id={`${id}-en`} name="nameEn" type="text" maxLength={100} />
        </label>
        <div className="thresholds-form__actions">
          <button type="submit" className="button button--primary">
            {t('chains.newChain.submit')}
          </button>
        </div>
      </form>
      {action.notice}
    </details>
  );
}
