import { useT } from '../i18n/I18nProvider.tsx';
import { Icon } from './Icon.tsx';

/** Says plainly that what is on screen includes synthetic rows (DESIGN §5: demo rows are marked 示例数据). */
export function DemoBanner() {
  const t = useT();
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner">
      <Icon name="alert" />
      <strong className="demo-banner__badge">{t('demo.badge')}</strong>
      <span>{t('demo.text')}</span>
    </div>
  );
}
