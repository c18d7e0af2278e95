import type { EnterpriseRow } from '../../api/schemas.ts';
import { Link } from '../../app/router.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';

/** The registry's public columns; yearly figures (tax, energy…) belong to the firm's profile, not the list. */
export function EnterpriseTable({
  rows,
  isBusy,
  profilePath,
  townName,
}: {
  rows: readonly EnterpriseRow[];
  isBusy: boolean;
  profilePath(id: string): string;
  townName(code: string): string;
}) {
  const t = useT();
  const none = t('common.none');
  return (
    <div className="table-wrap">
      <table className="table" data-testid="enterprise-table" aria-busy={isBusy}>
        <thead>
          <tr>
            <th scope="col">{t('enterprises.col.name')}</th>
            <th scope="col">{t('enterprises.col.uscc')}</th>
            <th scope="col">{t('enterprises.col.scale')}</th>
            <th scope="col">{t('enterprises.col.listed')}</th>
            <th scope="col" className="num">
              {t('enterprises.col.founded')}
            </th>
            <th scope="col">{t('enterprises.col.town')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="enterprise-row">
              <th scope="row">
                <Link to={profilePath(row.id)} data-testid="enterprise-link">
                  {row.name}
                </Link>
                {row.isSynthetic && (
                  <span className="tag tag--demo" title={t('demo.badge')}>
                    {t('enterprises.flag.synthetic')}
                  </span>
                )}
              </th>
              <td className="mono">{row.uscc ?? none}</td>
              <td>
                <span className={row.scale === 'above' ? 'tag tag--above' : 'tag'}>{row.scale === 'above' ? t('scale.above') : t('scale.below')}</span>
              </td>
              <td>{row.isListed ? t('common.yes') : t('common.no')}</td>
              <td className="num">{row.foundedYear ?? none}</td>
              <td>{row.townCode ? townName(row.townCode) : none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
