import { modulePath } from '../../app/routes.ts';
import { Link } from '../../app/router.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { SellerRef } from './supplyApi.ts';

/** A registry firm's name linking to its profile. */
export function FirmLink({ region, id, name }: { region: string; id: string; name: string | null }) {
  return <Link to={`${modulePath(region, 'enterprises')}/${encodeURIComponent(id)}`}>{name ?? id}</Link>;
}

/** A seller: registry firms link to their profile; outside sellers show their USCC (no name is known). */
export function SellerName({ region, seller }: { region: string; seller: Pick<SellerRef, 'enterpriseId' | 'name' | 'uscc'> }) {
  const { t } = useI18n();
  if (seller.enterpriseId !== null) return <FirmLink region={region} id={seller.enterpriseId} name={seller.name} />;
  return (
    <span className="muted" title={t('supply.externalSeller')}>
      {t('supply.external', { uscc: seller.uscc })}
    </span>
  );
}
