import { describe, expect, it } from 'vitest';
import { findPage, MODULES, NAV_GROUPS, visibleEntries } from './modules.ts';

describe('MODULES', () => {
  it('has unique ids and unique page segments', () => {
    const ids = MODULES.map((m) => m.id);
    const segments = MODULES.flatMap((m) => (m.kind === 'page' ? [m.segment] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(segments).size).toBe(segments.length);
  });

  it('puts every entry in a known navigation group', () => {
    const groups = new Set<string>(NAV_GROUPS.map((g) => g.id));
    for (const entry of MODULES) expect(groups.has(entry.group), entry.id).toBe(true);
  });

  it('has the cockpit as the home page of a region', () => {
    expect(findPage('', 'viewer')?.id).toBe('cockpit');
    expect(findPage('enterprises', 'analyst')?.id).toBe('enterprises');
    expect(findPage('nothing', 'admin')).toBeUndefined();
  });

  it('hides entries from roles they are not for', () => {
    const entries = [...MODULES, { kind: 'link' as const, id: 'x', href: '/x', group: 'system' as const, labelKey: 'nav.apiDocs' as const, icon: 'docs' as const, roles: ['admin' as const] }];
    expect(visibleEntries('admin', entries).map((e) => e.id)).toContain('x');
    expect(visibleEntries('viewer', entries).map((e) => e.id)).not.toContain('x');
  });
});
