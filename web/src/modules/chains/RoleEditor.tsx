import { type FormEvent, useId, useState } from 'react';
import { z } from 'zod';
import { ChainRole } from '../../../../src/modules/chains/chains.model.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { ChainMapData } from './chainApi.ts';
import { describeEditError } from './editError.ts';

const KINDS = ['chief', 'leadFirm', 'innovator', 'financier'] as const;
const Done = z.object({ ok: z.literal(true) });

/** Adds and removes the chain's roles (链长/链主/链创/链金); shown to roles that may change chains. */
export function RoleEditor({ region, chainId, roles, onChanged }: { region: string; chainId: string; roles: ChainMapData['roles']; onChanged(): void }) {
  const { t, locale } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const id = useId();
  const base = `/api/r/${region}/chains/${encodeURIComponent(chainId)}/roles`;

  const run = async (action: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await action();
      onChanged();
    } catch (error) {
      const outcome = describeEditError(error);
      setMessage(outcome.kind === 'invalid' ? outcome.text : t(`chains.edit.${outcome.kind}`));
    }
  };

  const onAdd = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    void run(async () => {
      await api(base, ChainRole, { method: 'POST', body: { kind: String(form.get('kind')), nameZh: String(form.get('nameZh') ?? '').trim(), note: String(form.get('note') ?? '').trim() || null } });
      target.reset();
    });
  };

  return (
    <details className="chain-editor" data-testid="role-editor">
      <summary>{t('chains.edit.roles')}</summary>
      <ul className="chain-editor__list">
        {roles.map((role) => (
          <li key={role.id}>
            {t(`chains.role.${role.kind}`)} · {locale === 'en' ? (role.nameEn ?? role.nameZh) : role.nameZh}
            <button type="button" className="button button--small" onClick={() => void run(() => api(`${base}/${encodeURIComponent(role.id)}`, Done, { method: 'DELETE' }))}>
              {t('chains.edit.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form className="thresholds-form" onSubmit={onAdd}>
        <label className="field" htmlFor={`${id}-kind`}>
          {t('chains.edit.kind')}
          <select id={`${id}-kind`} name="kind" defaultValue="leadFirm">
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`chains.role.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={`${id}-name`}>
          {t('chains.edit.name')}
          <input id={`${id}-name`} name="nameZh" type="text" maxLength={100} required />
        </label>
        <label className="field thresholds-form__source" htmlFor={`${id}-note`}>
          {t('chains.edit.note')}
          <input id={`${id}-note`} name="note" type="text" maxLength={200} />
        </label>
        <div className="thresholds-form__actions">
          <button type="submit" className="button button--primary">
            {t('chains.edit.addRole')}
          </button>
        </div>
      </form>
      {message && <p className="notice notice--error">{message}</p>}
    </details>
  );
}
