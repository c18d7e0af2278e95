import type { Region } from '../api/schemas.ts';
import { Icon } from '../components/Icon.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { regionName } from './regionChoice.ts';
import { rememberRegion } from './regions.tsx';
import { modulePath } from './routes.ts';
import { navigate } from './router.tsx';

/** Lists only the user's regions (the server filters by scope); switching keeps the current module. */
export function RegionSwitcher({ regions, current, segment }: { regions: readonly Region[]; current: string; segment: string }) {
  const { t, locale } = useI18n();
  const onChange = (code: string) => {
    rememberRegion(code);
    navigate(modulePath(code, segment));
  };
  return (
    <label className="region-switcher">
      <Icon name="pin" />
      <span className="visually-hidden">{t('header.region')}</span>
      <select data-testid="region-switcher" value={current} onChange={(event) => onChange(event.target.value)}>
        {regions.map((region) => (
          <option key={region.regionCode} value={region.regionCode}>
            {regionName(region, locale)}
          </option>
        ))}
      </select>
    </label>
  );
}
