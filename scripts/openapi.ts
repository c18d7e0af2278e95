// Writes the OpenAPI description to docs/openapi.json (committed; CI fails when it drifts from the routes).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';

const root = join(import.meta.dirname, '..');
const lite = await PGlite.create();
const database = await openDatabase({ dataDir: 'memory://', fsync: false, pglite: lite });
const config = loadConfig({ DATA_DIR: join(root, '.tmp', 'openapi'), SESSION_SECRET: 'o'.repeat(40), LOG_LEVEL: 'silent' });
const app = await buildApp({ config, database, serveWeb: false, logger: false });
await app.ready();
const spec = app.swagger();
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs', 'openapi.json'), `${JSON.stringify(spec, null, 2)}\n`);
await app.close();
await database.close();
