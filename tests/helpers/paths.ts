import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TMP_DIR = join(ROOT, '.tmp', 'test');
export const TEMPLATE_FILE = join(TMP_DIR, 'pglite-template.tar.gz');
