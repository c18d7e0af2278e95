import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = 'src/cli/main.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `cluster-brain …` through `node --import tsx` (never npx: killing npx leaves its child holding stdout). */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, env, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export interface E2eUser {
  username: string;
  password: string;
  role: string;
  regions: string;
}

/** Adds the user; on a shared PostgreSQL (DATABASE_URL) where it already exists, resets its password instead. */
export async function ensureUser(user: E2eUser, env: NodeJS.ProcessEnv): Promise<void> {
  const added = await runCli(
    ['user', 'add', '--username', user.username, '--password', user.password, '--role', user.role, '--regions', user.regions, '--json'],
    env,
  );
  if (added.code === 0) return;
  if (added.stderr.includes('CONFLICT')) {
    const reset = await runCli(['user', 'passwd', '--username', user.username, '--password', user.password, '--json'], env);
    if (reset.code === 0) return;
    throw new Error(`user passwd failed (${reset.code}): ${reset.stderr}`);
  }
  throw new Error(`user add failed (${added.code}): ${added.stderr}${added.stdout}`);
}
