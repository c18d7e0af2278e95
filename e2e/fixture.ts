import type { Browser } from 'playwright-core';
import type { E2eUser } from './harness/cli.ts';

/** What the runner sets up once (server, browser) and every scenario reads. */
export class Fixture {
  private state: { baseUrl: string; browser: Browser } | undefined;

  constructor(
    readonly user: E2eUser,
    readonly screenshotDir: string,
  ) {}

  ready(baseUrl: string, browser: Browser): void {
    this.state = { baseUrl, browser };
  }

  get baseUrl(): string {
    return this.require().baseUrl;
  }

  get browser(): Browser {
    return this.require().browser;
  }

  private require() {
    if (!this.state) throw new Error('the e2e setup did not finish (see the first failure)');
    return this.state;
  }
}

/** Firms the runner adds through the API so that the pages have real rows to show (ids are unique per run). */
export function testFirms(runId: string) {
  return [
    { id: `e2e-${runId}-1`, name: '浙江测试泵业有限公司', scale: 'above', isListed: true, foundedYear: 1996, townCode: '331081100' },
    { id: `e2e-${runId}-2`, name: '温岭测试机电有限公司', scale: 'above', isListed: false, foundedYear: 2004, townCode: '331081001' },
    { id: `e2e-${runId}-3`, name: '测试精密铸造有限公司', scale: 'below', isListed: false, foundedYear: 2011, townCode: '331081002' },
    { id: `e2e-${runId}-4`, name: '测试电缆科技有限公司', scale: 'below', isListed: false, foundedYear: 2015, townCode: '331081003' },
    { id: `e2e-${runId}-5`, name: '测试模具制造有限公司', scale: 'below', isListed: false, foundedYear: 2019, townCode: null },
  ];
}
