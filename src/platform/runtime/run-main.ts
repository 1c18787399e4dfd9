import { ConfigError } from '../config/config';
import { MigrationError } from '../database/database';
import { PortInUseError } from './ports';
import { ClusterBinariesMissingError } from './cluster/cluster-binaries';
import { TemporalBinaryMissingError } from './temporal-binaries';

/**
 * Runs an entry point or a one-off command: expected failures (configuration, ports, missing binaries,
 * migrations) print their Chinese-first message, anything else its stack; either way the exit code is 1.
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    const expected = err instanceof ConfigError || err instanceof PortInUseError || err instanceof TemporalBinaryMissingError ||
      err instanceof ClusterBinariesMissingError || err instanceof MigrationError;
    console.error(expected ? `\n${(err as Error).message}\n` : err);
    process.exit(1);
  });
}
