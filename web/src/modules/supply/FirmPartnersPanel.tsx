import { api } from '../../api/client.ts';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FirmLink, SellerName } from './FirmLink.tsx';
import { FirmPartners, SupplyYears } from './supplyApi.ts';
import { MaskedNotice, MaskedNumCell } from './Masked.tsx';
import { formatRate, formatWan } from './supplyFormat.ts';
import { SupplyTable } from './SupplyTable.tsx';

/** A firm's suppliers and customers in the latest year with flows (the profile's trade section). */
export function FirmPartnersPanel({ region, enterpriseId }: { region: string; enterpriseId: string }) {
  const { t } = useI18n();
  const years = useApiQuery(`supply-years:${region}`, (signal) => api(`/api/r/${region}/supply/years`, SupplyYears, { signal }));
  const year = years.data ? (years.data.latestFullYear ?? years.data.years[0] ?? null) : undefined;
  return (
    <div className="card" data-testid="profile-partners">
      {years.error && <ErrorNotice error={years.error} onRetry={years.reload} />}
      {year === undefined && !years.error && <Loading />}
      {year === null && <p className="empty">{t('supply.partners.none')}</p>}
      {typeof year === 'number' && <PartnersTables region={region} enterpriseId={enterpriseId} year={year} />}
    </div>
  );
}

function PartnersTables({ region, enterpriseId, year }: { region: string; enterpriseId: string; year: number }) {
  const { t, formatNumber } = useI18n();
  const query = useApiQuery(`supply-partners:${region}:${enterpriseId}:${year}`, (signal) =>
    api(`/api/r/${region}/supply/firms/${encodeURIComponent(enterpriseId)}/partners`, FirmPartners, { query: { year, limit: 20 }, signal }),
  );
  const data = query.data;
  const nodes = (list: { id: string; name: string | null }[]) => list.map((n) => n.name ?? n.id).join('、');
  return (
    <>
      <h2 className="card__title">{t('supply.partners.title', { year })}</h2>
      {query.error && <ErrorNotice error={query.error} onRetry={query.reload} />}
      {!data && !query.error && <Loading />}
      {data && data.supplierCount === 0 && data.customerCount === 0 && <p className="empty">{t('supply.partners.none')}</p>}
      {data && data.supplierCount + data.customerCount > 0 && <MaskedNotice isMasked={data.isMasked} />}
      {data && data.supplierCount > 0 && (
        <>
          <h3>
            {data.purchasesWan === null
              ? t('supply.partners.suppliersMasked', { count: data.supplierCount })
              : t('supply.partners.suppliers', { amount: formatNumber(Math.round(data.purchasesWan)), count: data.supplierCount })}
          </h3>
          <SupplyTable testId="profile-suppliers" head={[t('supply.col.seller'), t('supply.col.origin'), t('supply.col.nodes'), t('supply.col.purchases'), t('supply.col.share')]}>
            {data.suppliers.map((s) => (
              <tr key={s.uscc}>
                <th scope="row">
                  <SellerName region={region} seller={s} />
                </th>
                <td>{s.isLocal ? t('supply.origin.local') : t('supply.origin.outside', { code: s.regionCode })}</td>
                <td>{nodes(s.nodes)}</td>
                <MaskedNumCell text={formatWan(s.amountWan, formatNumber)} isMasked={data.isMasked} />
                <MaskedNumCell text={formatRate(s.share)} isMasked={data.isMasked} />
              </tr>
            ))}
          </SupplyTable>
        </>
      )}
      {data && data.customerCount > 0 && (
        <>
          <h3>
            {data.salesWan === null
              ? t('supply.partners.customersMasked', { count: data.customerCount })
              : t('supply.partners.customers', { amount: formatNumber(Math.round(data.salesWan)), count: data.customerCount })}
          </h3>
          <SupplyTable testId="profile-customers" head={[t('supply.col.buyer'), t('supply.col.nodes'), t('supply.col.sales'), t('supply.col.share')]}>
            {data.customers.map((c) => (
              <tr key={c.enterpriseId}>
                <th scope="row">
                  <FirmLink region={region} id={c.enterpriseId} name={c.name} />
                </th>
                <td>{nodes(c.nodes)}</td>
                <MaskedNumCell text={formatWan(c.amountWan, formatNumber)} isMasked={data.isMasked} />
                <MaskedNumCell text={formatRate(c.share)} isMasked={data.isMasked} />
              </tr>
            ))}
          </SupplyTable>
        </>
      )}
    </>
  );
}
