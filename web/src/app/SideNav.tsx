import type { Role } from '../api/schemas.ts';
import { Icon } from '../components/Icon.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { NAV_GROUPS, type NavEntry, visibleEntries } from './modules.ts';
import { modulePath } from './routes.ts';
import { Link } from './router.tsx';

interface SideNavProps {
  region: string;
  activeId: string | undefined;
  role: Role;
  isOpen: boolean;
  onNavigate(): void;
}

/** The modules of MODULES, grouped; the current page is marked with aria-current. */
export function SideNav({ region, activeId, role, isOpen, onNavigate }: SideNavProps) {
  const t = useT();
  const entries = visibleEntries(role);
  return (
    <nav className={isOpen ? 'sidenav sidenav--open' : 'sidenav'} id="sidenav" aria-label={t('nav.label')} data-testid="sidenav">
      {NAV_GROUPS.map((group) => {
        const items = entries.filter((entry) => entry.group === group.id);
        if (items.length === 0) return null;
        return (
          <div className="sidenav__group" key={group.id}>
            <h2 className="sidenav__heading">{t(group.labelKey)}</h2>
            <ul>
              {items.map((entry) => (
                <li key={entry.id}>
                  <NavItem entry={entry} region={region} isActive={entry.id === activeId} onNavigate={onNavigate} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}

function NavItem({ entry, region, isActive, onNavigate }: { entry: NavEntry; region: string; isActive: boolean; onNavigate(): void }) {
  const t = useT();
  const label = t(entry.labelKey);
  if (entry.kind === 'link') {
    return (
      <a className="sidenav__item" href={entry.href} target="_blank" rel="noopener" data-testid={`nav-${entry.id}`}>
        <Icon name={entry.icon} />
        <span>{label}</span>
        <Icon name="external" size={14} />
        <span className="visually-hidden">{t('nav.external')}</span>
      </a>
    );
  }
  return (
    <Link
      to={modulePath(region, entry.segment)}
      className={isActive ? 'sidenav__item sidenav__item--active' : 'sidenav__item'}
      aria-current={isActive ? 'page' : undefined}
      data-testid={`nav-${entry.id}`}
      onClick={onNavigate}
    >
      <Icon name={entry.icon} />
      <span>{label}</span>
    </Link>
  );
}
