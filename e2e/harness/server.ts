import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { REPO_ROOT } from './cli.ts';

export async function findFreePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (!address || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

export interface RunningServer {
  baseUrl: string;
  /** Everything the server wrote, for the report when something fails. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `cluster-brain serve` on a free port and waits until /api/health answers ok. Without `seedDemo` the
 * server starts with --no-demo (the shell scenarios bring their own rows).
 */
export async function startServer(env: NodeJS.ProcessEnv, options: { timeoutMs?: number; seedDemo?: boolean } = {}): Promise<RunningServer> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const demoFlag = options.seedDemo ? [] : ['--no-demo'];
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...demoFlag, '--port', String(port)], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: RunningServer = { baseUrl, output: () => output, stop: () => stopChild(child) };
  try {
    await waitForHealth(baseUrl, child, timeoutMs);
  } catch (error) {
    await server.stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- server output ---\n${output}`);
  }
  return server;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was healthy`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server was not healthy within ${timeoutMs} ms`);
}

/** SIGTERM (the server closes its database), then SIGKILL if it has not exited after five seconds. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
