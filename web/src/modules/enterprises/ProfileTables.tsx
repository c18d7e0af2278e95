import type { ReactNode } from 'react';
import type { EnterpriseProfileData } from './api.ts';
import { nameIn } from './api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { PANELS } from './metricPanels.ts';
import { parseProvenanceField } from './provenanceField.ts';

type Profile = EnterpriseProfileData;

function Table({ head, children, testId }: { head: ReactNode[]; children: ReactNode; testId: string }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            {head.map((cell, i) => (
              // headers are fixed per table, so their position is their identity
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed column order
              <th key={i} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function AliasTable({ aliases }: { aliases: Profile['aliases'] }) {
  const { t } = useI18n();
  if (aliases.length === 0) return <p className="empty">{t('enterprises.profile.aliases.empty')}</p>;
  const open = t('enterprises.profile.alias.open');
  return (
    <Table testId="alias-table" head={[t('enterprises.profile.alias.name'), t('enterprises.profile.alias.source'), t('enterprises.profile.alias.valid')]}>
      {aliases.map((a) => (
        <tr key={a.alias}>
          <th scope="row">{a.alias}</th>
          <td>{a.source === 'manual' ? t('enterprises.profile.alias.source.manual') : a.source}</td>
          <td>
            {a.validFrom === null && a.validTo === null
              ? t('enterprises.profile.alias.always')
              : t('enterprises.profile.alias.validRange', { from: a.validFrom ?? open, to: a.validTo ?? open })}
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function NodeList({ nodes }: { nodes: Profile['nodes'] }) {
  const { t, locale } = useI18n();
  if (nodes.length === 0) return <p className="empty">{t('enterprises.profile.nodes.empty')}</p>;
  return (
    <ul className="node-list" data-testid="node-list">
      {nodes.map((n) => (
        <li key={n.nodeId}>
          <span className="node-list__chain">{nameIn(locale, { nameZh: n.chainNameZh, nameEn: n.chainNameEn })}</span>
          <span aria-hidden="true"> › </span>
          <strong>{nameIn(locale, { nameZh: n.nodeNameZh, nameEn: n.nodeNameEn })}</strong>
          <span className="tag">{t(tierKey(n.tier))}</span>
          {n.isPrimary && <span className="tag tag--above">{t('enterprises.profile.node.primary')}</span>}
        </li>
      ))}
    </ul>
  );
}

function tierKey(tier: string): MessageKey {
  if (tier === 'up' || tier === 'mid' || tier === 'down' || tier === 'service') return `enterprises.tier.${tier}`;
  return 'common.none';
}

const STAGES = ['lead', 'negotiating', 'signed', 'land_supplied', 'started', 'completed', 'producing', 'at_capacity'] as const;

export function ProjectTable({ projects }: { projects: Profile['projects'] }) {
  const { t, formatNumber } = useI18n();
  const none = t('common.none');
  if (projects.length === 0) return <p className="empty">{t('enterprises.profile.projects.empty')}</p>;
  return (
    <Table
      testId="project-table"
      head={[
        t('enterprises.profile.project.name'),
        t('enterprises.profile.project.origin'),
        t('enterprises.profile.project.stage'),
        t('enterprises.profile.project.investment'),
        t('enterprises.profile.project.land'),
      ]}
    >
      {projects.map((p) => {
        const stage = STAGES.find((s) => s === p.stage);
        return (
          <tr key={p.id}>
            <th scope="row">
              {p.name}
              {p.isKey && <span className="tag tag--above">{t('enterprises.profile.project.key')}</span>}
              {p.isSynthetic && <span className="tag tag--demo">{t('enterprises.flag.synthetic')}</span>}
            </th>
            <td>{p.origin === 'attracted' ? t('enterprises.origin.attracted') : t('enterprises.origin.local')}</td>
            <td>{stage ? t(`enterprises.stage.${stage}`) : p.stage}</td>
            <td className="num">{p.investmentWan === null ? none : formatNumber(p.investmentWan)}</td>
            <td className="num">{p.landMu === null ? none : formatNumber(p.landMu)}</td>
          </tr>
        );
      })}
    </Table>
  );
}

const IMPORT_KINDS = ['enterprises', 'metrics', 'memberships'] as const;
const OUTCOMES = ['inserted', 'updated', 'unchanged', 'invalid', 'review', 'valid'] as const;

export function ImportTables({ profile }: { profile: Profile }) {
  const { t, formatDate } = useI18n();
  const kindLabel = (kind: string) => {
    const known = IMPORT_KINDS.find((k) => k === kind);
    return known ? t(`enterprises.importKind.${known}`) : kind;
  };
  const outcomeLabel = (outcome: string) => {
    const known = OUTCOMES.find((o) => o === outcome);
    return known ? t(`enterprises.outcome.${known}`) : outcome;
  };
  const fieldLabel = (name: string) => {
    const field = parseProvenanceField(name);
    switch (field.kind) {
      case 'firm':
        return t(`enterprises.field.${field.field}`);
      case 'metric': {
        const unit = PANELS.find((p) => p.fields.some((f) => f === field.field))?.unit ?? 'wan';
        return t('enterprises.field.metric', { year: field.year, field: t(`enterprises.metric.${field.field}`), unit: t(`enterprises.unit.${unit}`) });
      }
      case 'node':
        return t('enterprises.field.node', { node: field.nodeId });
      case 'other':
        return field.field;
    }
  };
  if (!profile.importsAvailable) return <p className="empty" data-testid="imports-unavailable">{t('enterprises.profile.imports.unavailable')}</p>;
  const when = (at: string) => formatDate(new Date(at));
  return (
    <>
      {profile.importHistory.length === 0 ? (
        <p className="empty">{t('enterprises.profile.imports.empty')}</p>
      ) : (
        <Table
          testId="import-table"
          head={[
            t('enterprises.profile.import.at'),
            t('enterprises.profile.import.file'),
            t('enterprises.profile.import.kind'),
            t('enterprises.profile.import.row'),
            t('enterprises.profile.import.outcome'),
            t('enterprises.profile.import.user'),
          ]}
        >
          {profile.importHistory.map((h) => (
            <tr key={`${h.importId}-${h.rowNumber}`}>
              <td>{when(h.at)}</td>
              <th scope="row">{h.fileName}</th>
              <td>{kindLabel(h.kind)}</td>
              <td className="num">{h.rowNumber}</td>
              <td>{outcomeLabel(h.outcome)}</td>
              <td>{h.byUser}</td>
            </tr>
          ))}
        </Table>
      )}
      <h3 className="card__subtitle">{t('enterprises.profile.provenance')}</h3>
      {profile.provenance.length === 0 ? (
        <p className="empty">{t('enterprises.profile.provenance.empty')}</p>
      ) : (
        <Table
          testId="provenance-table"
          head={[t('enterprises.profile.provenance.field'), t('enterprises.profile.provenance.value'), t('enterprises.profile.import.file'), t('enterprises.profile.import.row'), t('enterprises.profile.import.at')]}
        >
          {profile.provenance.map((p) => (
            <tr key={`${p.field}-${p.importId}`}>
              <th scope="row">{fieldLabel(p.field)}</th>
              <td>{p.isMasked ? <span className="tag">{t('enterprises.profile.hidden')}</span> : (p.value ?? t('common.none'))}</td>
              <td>{p.source === 'manual' ? t('profileEdit.source.manual', { user: p.byUser ?? '' }) : (p.fileName ?? p.importId)}</td>
              <td className="num">{p.rowNumber}</td>
              <td>{when(p.at)}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
