import { type FormEvent, useId, useState } from 'react';
import { METRIC_SENSITIVE_FIELDS } from '../../../../src/modules/enterprises/enterprises.model.ts';
import { AliasEdited, FirmVersion, METRIC_FIELDS, MetricEdited, type MetricField, SiteEdited } from '../../../../src/modules/enterprises/profileEdit.model.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useEditAction } from '../chains/useEditAction.tsx';
import '../chains/chains.css';
import type { EnterpriseProfileData } from './api.ts';
import { formTextOf, type MetricForm, metricChanges } from './profileEditForms.ts';

interface EditorProps {
  region: string;
  profile: EnterpriseProfileData;
  canSeeSensitive: boolean;
  onChanged(): void;
}

/**
 * Edit forms of a firm's profile for roles that may change firms: aliases, sites and one year's figures. Every
 * edit carries the firm's version; a stale one says so and reloads the profile.
 */
export function ProfileEditors(props: EditorProps) {
  const { t } = useI18n();
  return (
    <div className="card" data-testid="profile-editors">
      <h2 className="card__title">{t('profileEdit.title')}</h2>
      <p className="muted">{t('profileEdit.help', { version: props.profile.enterprise.version })}</p>
      <AliasEditor {...props} />
      <SiteEditor {...props} />
      <MetricEditor {...props} />
    </div>
  );
}

function firmUrl(region: string, profile: EnterpriseProfileData): string {
  return `/api/r/${region}/enterprises/${encodeURIComponent(profile.enterprise.id)}`;
}

function AliasEditor({ region, profile, onChanged }: EditorProps) {
  const { t } = useI18n();
  const id = useId();
  const action = useEditAction(onChanged);
  const base = `${firmUrl(region, profile)}/aliases`;
  const version = profile.enterprise.version;

  const onAdd = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const alias = String(new FormData(target).get('alias') ?? '').trim();
    void action.run(async () => {
      await api(base, AliasEdited, { method: 'POST', body: { version, alias } });
      target.reset();
    }, t('profileEdit.saved'));
  };

  return (
    <details className="chain-editor" data-testid="alias-editor">
      <summary>{t('profileEdit.aliases')}</summary>
      <ul className="chain-editor__list">
        {profile.aliases.map((a) => (
          <li key={a.alias}>
            {a.alias}
            <button
              type="button"
              className="button button--small"
              aria-label={t('profileEdit.removeAlias', { alias: a.alias })}
              onClick={() => void action.run(() => api(`${base}/${encodeURIComponent(a.alias)}`, FirmVersion, { method: 'DELETE', query: { version } }))}
            >
              {t('chains.edit.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form className="thresholds-form" onSubmit={onAdd}>
        <label className="field" htmlFor={`${id}-alias`}>
          {t('profileEdit.alias')}
          <input id={`${id}-alias`} name="alias" type="text" maxLength={200} required data-testid="alias-input" />
        </label>
        <div className="thresholds-form__actions">
          <button type="submit" className="button button--primary">
            {t('profileEdit.addAlias')}
          </button>
        </div>
      </form>
      {action.notice}
    </details>
  );
}

function SiteEditor({ region, profile, onChanged }: EditorProps) {
  const { t } = useI18n();
  const id = useId();
  const action = useEditAction(onChanged);
  const base = `${firmUrl(region, profile)}/sites`;
  const version = profile.enterprise.version;
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = profile.sites.find((s) => s.id === editingId);
  const kindLabel = (kind: 'registered' | 'plant') => t(`enterprises.profile.site.${kind}`);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const coordinate = (name: string) => (text(name) === '' ? null : Number(text(name)));
    const body = { version, kind: text('kind'), name: text('name') || null, address: text('address') || null, lon: coordinate('lon'), lat: coordinate('lat') };
    void action.run(async () => {
      if (editing) await api(`${base}/${encodeURIComponent(editing.id)}`, SiteEdited, { method: 'PATCH', body });
      else await api(base, SiteEdited, { method: 'POST', body });
      setEditingId(null);
    }, t('profileEdit.saved'));
  };

  return (
    <details className="chain-editor" data-testid="site-editor">
      <summary>{t('profileEdit.sites')}</summary>
      <ul className="chain-editor__list chain-editor__list--column">
        {profile.sites.map((s) => (
          <li key={s.id}>
            {kindLabel(s.kind)} · {s.name ?? s.address ?? s.id}
            {s.lon !== null && s.lat !== null && <span className="muted mono">{` ${s.lon.toFixed(4)}, ${s.lat.toFixed(4)}`}</span>}
            <button type="button" className="button button--small" onClick={() => setEditingId(s.id)}>
              {t('profileEdit.edit')}
            </button>
            <button type="button" className="button button--small" onClick={() => void action.run(() => api(`${base}/${encodeURIComponent(s.id)}`, FirmVersion, { method: 'DELETE', query: { version } }))}>
              {t('chains.edit.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form className="thresholds-form" onSubmit={onSubmit} key={`${editingId ?? 'new'}:${version}`}>
        <label className="field" htmlFor={`${id}-kind`}>
          {t('profileEdit.siteKind')}
          <select id={`${id}-kind`} name="kind" defaultValue={editing?.kind ?? 'plant'}>
            <option value="plant">{kindLabel('plant')}</option>
            <option value="registered">{kindLabel('registered')}</option>
          </select>
        </label>
        <label className="field" htmlFor={`${id}-name`}>
          {t('profileEdit.siteName')}
          <input id={`${id}-name`} name="name" type="text" maxLength={100} defaultValue={editing?.name ?? ''} />
        </label>
        <label className="field thresholds-form__source" htmlFor={`${id}-address`}>
          {t('profileEdit.address')}
          <input id={`${id}-address`} name="address" type="text" maxLength={300} defaultValue={editing?.address ?? ''} />
        </label>
        <label className="field" htmlFor={`${id}-lon`}>
          {t('profileEdit.lon')}
          <input id={`${id}-lon`} name="lon" type="number" step="any" min={73} max={136} defaultValue={editing?.lon ?? ''} />
        </label>
        <label className="field" htmlFor={`${id}-lat`}>
          {t('profileEdit.lat')}
          <input id={`${id}-lat`} name="lat" type="number" step="any" min={3} max={54} defaultValue={editing?.lat ?? ''} />
        </label>
        <div className="thresholds-form__actions">
          <button type="submit" className="button button--primary">
            {editing ? t('profileEdit.saveSite') : t('profileEdit.addSite')}
          </button>
          {editing && (
            <button type="button" className="button" onClick={() => setEditingId(null)}>
              {t('profileEdit.cancel')}
            </button>
          )}
        </div>
      </form>
      {action.notice}
    </details>
  );
}

const isSensitive = (field: MetricField) => METRIC_SENSITIVE_FIELDS.some((f) => f === field);

function MetricEditor({ region, profile, canSeeSensitive, onChanged }: EditorProps) {
  const { t } = useI18n();
  const id = useId();
  const action = useEditAction(onChanged);
  const base = `${firmUrl(region, profile)}/metrics`;
  const version = profile.enterprise.version;
  const latest = profile.metrics.reduce((y, m) => Math.max(y, m.year), new Date().getFullYear() - 1);
  const [year, setYear] = useState(latest);
  const existing = profile.metrics.find((m) => m.year === year);
  const editable = (field: MetricField) => canSeeSensitive || !isSensitive(field);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const form: MetricForm = Object.fromEntries(METRIC_FIELDS.map((f) => [f, String(data.get(f) ?? '')]));
    const changes = metricChanges(existing, form, editable);
    void action.run(async () => {
      if (!changes.ok) throw new Error(t('profileEdit.notNumber', { field: t(`profileEdit.metric.${changes.field}`) }));
      if (Object.keys(changes.values).length === 0) throw new Error(t('profileEdit.nothing'));
      await api(`${base}/${year}`, MetricEdited, { method: 'PUT', body: { version, ...changes.values } });
    }, t('profileEdit.saved'));
  };

  return (
    <details className="chain-editor" data-testid="metric-editor">
      <summary>{t('profileEdit.metrics')}</summary>
      {!canSeeSensitive && <p className="muted">{t('profileEdit.sensitiveLocked')}</p>}
      <form className="thresholds-form" onSubmit={onSubmit} key={`${year}:${version}`}>
        <label className="field" htmlFor={`${id}-year`}>
          {t('profileEdit.year')}
          <input id={`${id}-year`} type="number" min={1949} max={2100} value={year} onChange={(event) => setYear(Number(event.target.value))} data-testid="metric-year" />
        </label>
        {METRIC_FIELDS.map((field) => (
          <label key={field} className="field" htmlFor={`${id}-${field}`}>
            {t(`profileEdit.metric.${field}`)}
            <input
              id={`${id}-${field}`}
              name={field}
              type="text"
              inputMode="decimal"
              defaultValue={editable(field) ? formTextOf(existing, field) : ''}
              disabled={!editable(field)}
              placeholder={editable(field) ? '' : t('enterprises.profile.hidden')}
            />
          </label>
        ))}
        <div className="thresholds-form__actions">
          <button type="submit" className="button button--primary">
            {t('profileEdit.saveYear', { year })}
          </button>
          {existing && (
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                if (window.confirm(t('profileEdit.confirmDeleteYear', { year }))) void action.run(() => api(`${base}/${year}`, FirmVersion, { method: 'DELETE', query: { version } }));
              }}
            >
              {t('profileEdit.deleteYear', { year })}
            </button>
          )}
        </div>
      </form>
      {action.notice}
    </details>
  );
}
