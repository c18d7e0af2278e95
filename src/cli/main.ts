import { Command, CommanderError } from 'commander';
import { registerCockpit } from './commands/cockpit.ts';
import { registerDb } from './commands/db.ts';
import { registerDemo } from './commands/demo.ts';
import { registerImport } from './commands/import.ts';
import { registerServe } from './commands/serve.ts';
import { registerUser } from './commands/user.ts';
import { registerUscc } from './commands/uscc.ts';
import { registerDedupe } from './commands/dedupe.ts';
import { registerRoads } from './commands/roads.ts';
import { registerIsochrone } from './commands/isochrone.ts';
import { registerSupplyCircle } from './commands/supplyCircle.ts';
import { registerGraph } from './commands/graph.ts';
import { EXIT_USAGE, reportError } from './runtime.ts';

const program = new Command('cluster-brain')
  .description('产业集群大脑 Cluster Brain — run a county’s industrial clusters')
  .showHelpAfterError()
  .exitOverride((err: CommanderError) => {
    // commander exits 1 on usage errors; this project's contract is 2 for bad usage.
    throw err.exitCode === 0 ? err : new CommanderError(EXIT_USAGE, err.code, err.message);
  });
registerServe(program);
registerDb(program);
registerDemo(program);
registerImport(program);
registerUser(program);
registerUscc(program);
registerDedupe(program);
registerCockpit(program);
registerRoads(program);
registerIsochrone(program);
registerSupplyCircle(program);
registerGraph(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error, process.argv.includes('--json'));
}
