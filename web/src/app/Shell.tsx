import { Suspense, useEffect, useRef, useState } from 'react';
import type { SessionUser } from '../api/schemas.ts';
import { DemoBanner } from '../components/DemoBanner.tsx';
import { Icon } from '../components/Icon.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { NotFound } from '../pages/NotFound.tsx';
import { SyntheticRowsProvider } from './demoData.tsx';
import { isShowingDemoData } from './isShowingDemoData.ts';
import { findPage } from './modules.ts';
import { RegionSwitcher } from './RegionSwitcher.tsx';
import { rememberRegion, useRegions } from './regions.tsx';
import { SideNav } from './SideNav.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Header, navigation and the page of the current module for the region in the URL. */
export function Shell({ user, regionCode, segment }: { user: SessionUser; regionCode: string; segment: string }) {
  const t = useT();
  const regions = useRegions();
  const [isNavOpen, setNavOpen] = useState(false);
  const [isPageShowingSyntheticRows, setPageShowingSyntheticRows] = useState(false);
  const mainRef = useRef<HTMLElement>(null);

  const region = regions.data?.find((r) => r.regionCode === regionCode);
  const page = findPage(segment, user.role);

  useEffect(() => {
    if (region) rememberRegion(region.regionCode);
  }, [region]);

  // After a navigation inside the app, keyboard and screen-reader users land on the new page's content.
  const pageKey = `${regionCode}/${segment}`;
  const shownPage = useRef(pageKey);
  useEffect(() => {
    if (shownPage.current === pageKey) return;
    shownPage.current = pageKey;
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pageKey]);

  const renderMain = () => {
    if (regions.error) return <ErrorNotice error={regions.error} onRetry={regions.reload} />;
    if (!regions.data) return <Loading />;
    if (regions.data.length === 0) return <p className="notice">{t('region.none')}</p>;
    if (!region) return <p className="notice" data-testid="region-not-found">{t('region.notFound')}</p>;
    if (!page) return <NotFound region={region.regionCode} />;
    const { Page } = page;
    return (
      <SyntheticRowsProvider onChange={setPageShowingSyntheticRows}>
        <Suspense fallback={<Loading />}>
          <Page key={region.regionCode} region={region} />
        </Suspense>
      </SyntheticRowsProvider>
    );
  };

  const showBanner = isShowingDemoData({ regionHasSyntheticData: region?.hasSyntheticData ?? false, isPageShowingSyntheticRows });

  return (
    <div className="shell" data-testid="shell">
      <a className="skip-link" href="#main">
        {t('skip.toContent')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="topbar__menu"
          aria-expanded={isNavOpen}
          aria-controls="sidenav"
          data-testid="nav-toggle"
          onClick={() => setNavOpen((open) => !open)}
        >
          <Icon name="menu" label={t('nav.toggle')} />
        </button>
        <div className="brand" data-testid="brand">
          <img className="brand__logo" src="/favicon.svg" alt="" width={30} height={30} />
          <span className="brand__name">{t('brand.primary')}</span>
          <span className="brand__sub">{t('brand.secondary')}</span>
        </div>
        <div className="topbar__tools">
          {regions.data && regions.data.length > 0 && <RegionSwitcher regions={regions.data} current={regionCode} segment={segment} />}
          <LanguageSwitch />
          <UserMenu user={user} />
        </div>
      </header>
      <div className="shell__body">
        {regionCode && (
          <SideNav region={regionCode} activeId={page?.id} role={user.role} isOpen={isNavOpen} onNavigate={() => setNavOpen(false)} />
        )}
        <main className="main" id="main" ref={mainRef} tabIndex={-1}>
          {showBanner && <DemoBanner />}
          {renderMain()}
        </main>
      </div>
    </div>
  );
}
