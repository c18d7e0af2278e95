/**
 * The environment a spawned `cluster-brain` gets in tests: only PATH and HOME from the test process (so no
 * developer's DATABASE_URL or DATA_DIR leaks in), plus what the test sets.
 */
export function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...extra };
}
