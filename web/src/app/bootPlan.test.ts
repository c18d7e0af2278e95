import { describe, expect, it } from 'vitest';
import { bootPlan } from './bootPlan.ts';

describe('bootPlan', () => {
  it("starts the session, the regions and the county cockpit of the URL's year on a region's home", () => {
    expect(bootPlan('/r/331081', '?year=2022')).toEqual({
      requests: ['/api/auth/me', '/api/regions', '/api/r/331081/cockpit?year=2022'],
      isCockpit: true,
    });
    expect(bootPlan('/r/331081/', '').requests).toEqual(['/api/auth/me', '/api/regions', '/api/r/331081/cockpit']);
  });

  it("adds a chain's cockpit when the URL opens one, but not on the big screen (it shows the county)", () => {
    expect(bootPlan('/r/331081', '?chain=pump&year=2024').requests).toEqual([
      '/api/auth/me',
      '/api/regions',
      '/api/r/331081/cockpit?year=2024',
      '/api/r/331081/cockpit/chains/pump?year=2024',
    ]);
    expect(bootPlan('/r/331081', '?chain=pump&screen=1').requests).toEqual(['/api/auth/me', '/api/regions', '/api/r/331081/cockpit']);
  });

  it('starts only the session and the regions elsewhere', () => {
    for (const [path, search] of [
      ['/r/331081/enterprises', ''],
      ['/', ''],
      ['/login', '?next=%2Fr%2F331081'],
      ['/elsewhere', ''],
      ['/r/33/', ''],
    ] as const) {
      expect(bootPlan(path, search)).toEqual({ requests: ['/api/auth/me', '/api/regions'], isCockpit: false });
    }
  });
});
