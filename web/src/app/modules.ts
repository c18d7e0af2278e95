import { type ComponentType, createElement, type LazyExoticComponent, lazy, useState } from 'react';
import { ROLES, canWrite } from '../../../src/modules/auth/auth.model.ts';
import type { Region, Role } from '../api/schemas.ts';
import type { IconName } from '../components/Icon.tsx';
import type { MessageKey } from '../i18n/zh-CN.ts';
import { cockpitPageCode } from '../modules/cockpit/loadCockpitPage.ts';
import type { Preloadable } from './preloadable.ts';

/** What every module page receives: the region in the URL, already checked against the user's scopes. */
export interface ModulePageProps {
  region: Region;
}

interface NavEntryBase {
  id: string;
  labelKey: MessageKey;
  icon: IconName;
  group: 'main' | 'system';
  /** Roles that see the entry; every role when absent. */
  roles?: readonly Role[];
}

/** A page of the app at /r/:region/:segment ('' is the region's home). */
export interface PageEntry extends NavEntryBase {
  kind: 'page';
  segment: string;
  Page: LazyExoticComponent<ComponentType<ModulePageProps>> | ComponentType<ModulePageProps>;
}

/** A link out of the app (served by the same server, e.g. the API docs). */
export interface LinkEntry extends NavEntryBase {
  kind: 'link';
  href: string;
}

export type NavEntry = PageEntry | LinkEntry;

/**
 * The modules that exist, in navigation order (DESIGN §5). A new module adds one entry here and its
 * page under web/src/modules/<id>/.
 */
export const MODULES: readonly NavEntry[] = [
  {
    kind: 'page',
    id: 'cockpit',
    segment: '',
    group: 'main',
    labelKey: 'nav.cockpit',
    icon: 'cockpit',
    Page: lazyPage(cockpitPageCode, (m) => m.CockpitPage),
  },
  {
    kind: 'page',
    id: 'enterprises',
    segment: 'enterprises',
    group: 'main',
    labelKey: 'nav.enterprises',
    icon: 'enterprises',
    Page: lazy(() => import('../modules/enterprises/EnterprisesPage.tsx').then((m) => ({ default: m.EnterprisesPage }))),
  },
  {
    kind: 'page',
    id: 'review',
    segment: 'review',
    group: 'main',
    labelKey: 'nav.review',
    icon: 'enterprises',
    roles: ROLES.filter((role) => canWrite(role, 'enterprises')),
    Page: lazy(() => import('../modules/resolution/ReviewPage.tsx').then((m) => ({ default: m.ReviewPage }))),
  },
  {
    kind: 'page',
    id: 'chains',
    segment: 'chains',
    group: 'main',
    labelKey: 'nav.chains',
    icon: 'chains',
    Page: lazy(() => import('../modules/chains/ChainsPage.tsx').then((m) => ({ default: m.ChainsPage }))),
  },
  {
    kind: 'page',
    id: 'supply',
    segment: 'supply',
    group: 'main',
    labelKey: 'nav.supply',
    icon: 'chains',
    Page: lazy(() => import('../modules/supply/SupplyPage.tsx').then((m) => ({ default: m.SupplyPage }))),
  },
  {
    kind: 'page',
    id: 'map',
    segment: 'map',
    group: 'main',
    labelKey: 'nav.map',
    icon: 'pin',
    Page: lazy(() => import('../modules/map/MapPage.tsx').then((m) => ({ default: m.MapPage }))),
  },
  {
    kind: 'page',
    id: 'imports',
    segment: 'imports',
    group: 'system',
    labelKey: 'nav.imports',
    icon: 'docs',
    Page: lazy(() => import('../modules/imports/ImportsPage.tsx').then((m) => ({ default: m.ImportsPage }))),
  },
  {
    kind: 'page',
    id: 'system',
    segment: 'system',
    group: 'system',
    labelKey: 'nav.system',
    icon: 'system',
    Page: lazy(() => import('../modules/admin/SystemPage.tsx').then((m) => ({ default: m.SystemPage }))),
  },
  { kind: 'link', id: 'api-docs', href: '/api/docs', group: 'system', labelKey: 'nav.apiDocs', icon: 'docs' },
];

/**
 * A lazily loaded page that renders at once when its code is already here (boot.ts fetched it). React.lazy suspends
 * on any promise, settled or not, and React then holds the revealed page back for up to 300 ms (its fallback
 * throttle). Whether the code was here is decided once per mount, so the page is never swapped and remounted.
 */
function lazyPage<T>(code: Preloadable<T>, pick: (loaded: T) => ComponentType<ModulePageProps>): ComponentType<ModulePageProps> {
  const Lazy = lazy(() => code.load().then((m) => ({ default: pick(m) })));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per entry of MODULES at import, never during a render
  return function PreloadedPage(props: ModulePageProps) {
    const [loaded] = useState(() => code.current());
    return createElement(loaded === undefined ? Lazy : pick(loaded), props);
  };
}

export const NAV_GROUPS = [
  { id: 'main', labelKey: 'nav.group.main' },
  { id: 'system', labelKey: 'nav.group.system' },
] as const satisfies readonly { id: NavEntry['group']; labelKey: MessageKey }[];

export function visibleEntries(role: Role, entries: readonly NavEntry[] = MODULES): NavEntry[] {
  return entries.filter((entry) => !entry.roles || entry.roles.includes(role));
}

export function findPage(segment: string, role: Role): PageEntry | undefined {
  return visibleEntries(role).find((entry): entry is PageEntry => entry.kind === 'page' && entry.segment === segment);
}
