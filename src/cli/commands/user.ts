import type { Command } from 'commander';
import { ROLES } from '../../modules/auth/auth.model.ts';
import { AuthService } from '../../modules/auth/auth.service.ts';
import { printResult, withRuntime } from '../runtime.ts';
import type { Runtime } from '../runtime.ts';

function service({ config, database }: Runtime): AuthService {
  return new AuthService(database.db, { maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes, sessionHours: config.sessionHours });
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('users: add, passwd, list');

  user
    .command('add')
    .description('add a user')
    .requiredOption('--username <name>', 'login name')
    .requiredOption('--password <password>', 'password (10+ characters, two kinds)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .requiredOption('--regions <codes>', 'comma-separated GB/T 2260 codes or prefixes, e.g. 331081 or 33')
    .option('--sensitive', 'may see tax, energy and emission figures')
    .option('--display-name <name>', 'name shown in the app')
    .option('--json', 'machine-readable output')
    .action(async (opts: { username: string; password: string; role: string; regions: string; sensitive?: boolean; displayName?: string; json?: boolean }) => {
      const created = await withRuntime((rt) =>
        service(rt).addUser({
          username: opts.username,
          password: opts.password,
          role: opts.role,
          regions: opts.regions.split(',').map((s) => s.trim()).filter(Boolean),
          canSeeSensitive: Boolean(opts.sensitive),
          displayName: opts.displayName,
        }),
      );
      printResult(Boolean(opts.json), created, () => `user ${created.username} added (${created.role}; regions ${created.scopes.join(',')})`);
    });

  user
    .command('passwd')
    .description("set a user's password (ends their sessions, clears a lockout)")
    .requiredOption('--username <name>', 'login name')
    .requiredOption('--password <password>', 'new password')
    .option('--json', 'machine-readable output')
    .action(async (opts: { username: string; password: string; json?: boolean }) => {
      await withRuntime((rt) => service(rt).setPassword(opts.username, opts.password));
      printResult(Boolean(opts.json), { username: opts.username, ok: true }, () => `password of ${opts.username} changed`);
    });

  user
    .command('list')
    .description('list users')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const users = await withRuntime((rt) => service(rt).listUsers());
      printResult(Boolean(opts.json), users, () =>
        users.map((u) => `${u.username.padEnd(20)} ${u.role.padEnd(11)} ${u.scopes.join(',').padEnd(16)} ${u.canSeeSensitive ? 'sensitive' : ''}`).join('\n'),
      );
    });
}
