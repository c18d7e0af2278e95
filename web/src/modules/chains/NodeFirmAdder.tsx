import { type FormEvent, useId, useState } from 'react';
import { z } from 'zod';
import { Enterprise } from '../../../../src/modules/enterprises/enterprises.model.ts';
import { Membership } from '../../../../src/modules/chains/chainEdit.model.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useEditAction } from './useEditAction.tsx';

const FirmPage = z.object({ items: z.array(Enterprise), total: z.number().int() });
const RESULTS = 8;

/**
 * Puts a firm on the node: searches the registry (name or alias, pinyin initials, full pinyin or USCC — the
 * enterprise list's own search) and adds the chosen one, optionally as its primary node.
 */
export function NodeFirmAdder({ region, nodeUrl, onChanged }: { region: string; nodeUrl: string; onChanged(): void }) {
  const { t } = useI18n();
  const id = useId();
  const [found, setFound] = useState<{ items: Enterprise[]; total: number } | null>(null);
  const [isPrimary, setIsPrimary] = useState(false);
  const search = useEditAction(() => undefined);
  const add = useEditAction(onChanged);

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    if (!q) return;
    void search.run(async () => setFound(await api(`/api/r/${region}/enterprises`, FirmPage, { query: { q, pageSize: RESULTS } })));
  };

  const onAdd = (firm: Enterprise) =>
    void add.run(() => api(`${nodeUrl}/firms/${encodeURIComponent(firm.id)}`, Membership, { method: 'PUT', body: { isPrimary } }), t('chains.firms.added', { name: firm.name }));

  return (
    <details className="chain-editor" data-testid="firm-adder">
      <summary>{t('chains.firms.add')}</summary>
      <form className="thresholds-form" onSubmit={onSearch}>
        <label className="field thresholds-form__source" htmlFor={`${id}-q`}>
          {t('chains.firms.search')}
          <input id={`${id}-q`} name="q" type="search" maxLength={100} placeholder={t('chains.firms.searchHint')} data-testid="firm-search" />
        </label>
        <label className="chain-editor__check" htmlFor={`${id}-primary`}>
          <input id={`${id}-primary`} type="checkbox" checked={isPrimary} onChange={(event) => setIsPrimary(event.target.checked)} />
          {t('chains.firms.asPrimary')}
        </label>
        <div className="thresholds-form__actions">
          <button type="submit" className="button">
            {t('chains.firms.find')}
          </button>
        </div>
      </form>
      {search.notice}
      {found && (
        <ul className="chain-editor__list chain-editor__list--column" data-testid="firm-results">
          {found.items.length === 0 && <li className="muted">{t('chains.firms.noMatch')}</li>}
          {found.items.map((firm) => (
            <li key={firm.id} data-testid="firm-result">
              <span>
                {firm.name} <span className="mono muted">{firm.uscc ?? ''}</span>
              </span>
              <button type="button" className="button button--small" onClick={() => onAdd(firm)} data-testid="firm-add">
                {t('chains.firms.addThis')}
              </button>
            </li>
          ))}
          {found.total > found.items.length && <li className="muted">{t('chains.firms.more', { count: found.total - found.items.length })}</li>}
        </ul>
      )}
      {add.notice}
    </details>
  );
}
