import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { ChainMapData } from './chainApi.ts';

const KINDS = ['chief', 'leadFirm', 'innovator', 'financier'] as const;

/** 链长 / 链主 / 链创 / 链金 of the chain, and its output targets; demo assumptions are marked. */
export function RolesPanel({ roles, targets, children }: { roles: ChainMapData['roles']; targets: ChainMapData['targets']; children?: ReactNode }) {
  const { t, locale, formatNumber } = useI18n();
  const isEn = locale === 'en';
  return (
    <div className="card roles-panel" data-testid="roles-panel">
      <h2 className="card__title">{t('chains.roles.title')}</h2>
      <dl className="roles">
        {KINDS.map((kind) => {
          const ofKind = roles.filter((r) => r.kind === kind);
          return (
            <div key={kind} className="roles__row">
              <dt>{t(`chains.role.${kind}`)}</dt>
              <dd>
                {ofKind.length === 0 && <span className="muted">{t('common.none')}</span>}
                {ofKind.map((r) => (
                  <span key={r.id} className="roles__item" title={r.note ?? undefined}>
                    {isEn ? (r.nameEn ?? r.nameZh) : r.nameZh}
                    {r.isAssumption && <span className="tag tag--demo">{t('chains.assumption')}</span>}
                  </span>
                ))}
              </dd>
            </div>
          );
        })}
        {targets.map((target) => (
          <div key={target.year} className="roles__row">
            <dt>{t('chains.target', { year: target.year })}</dt>
            <dd>
              {target.nameZh} · {t('chains.target.value', { value: formatNumber(target.outputWan / 10_000) })}
              {target.isAssumption && <span className="tag tag--demo">{t('chains.assumption')}</span>}
            </dd>
          </div>
        ))}
      </dl>
      {children}
    </div>
  );
}
