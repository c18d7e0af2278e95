import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB_ROOT = fileURLToPath(new URL('../../web', import.meta.url));
const DIST_INDEX = join(WEB_ROOT, 'dist', 'index.html');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when web/dist is missing or older than any source of the web app. */
export function isWebBuildStale(): boolean {
  if (!existsSync(DIST_INDEX)) return true;
  const built = statSync(DIST_INDEX).mtimeMs;
  const sources = [join(WEB_ROOT, 'src'), join(WEB_ROOT, 'index.html'), join(WEB_ROOT, 'vite.config.ts'), join(WEB_ROOT, 'public')];
  return sources.some((p) => existsSync(p) && newestMtime(p) > built);
}

/** Builds the web app with Vite when it is missing or stale. */
export async function ensureWebBuild(log: (line: string) => void): Promise<void> {
  if (!isWebBuildStale()) return;
  log('building the web app (web/dist is missing or stale)…');
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
