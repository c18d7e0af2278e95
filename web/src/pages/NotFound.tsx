import { modulePath } from '../app/routes.ts';
import { Link } from '../app/router.tsx';
import { useT } from '../i18n/I18nProvider.tsx';

export function NotFound({ region }: { region: string | undefined }) {
  const t = useT();
  return (
    <section className="page page--center" data-testid="not-found">
      <p className="big-code" aria-hidden="true">
        404
      </p>
      <h1>{t('notFound.title')}</h1>
      <Link className="button" to={region ? modulePath(region, '') : '/'}>
        {t('notFound.back')}
      </Link>
    </section>
  );
}
