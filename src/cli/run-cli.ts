import { ConfigError } from '../config/config';
import { MigrationError } from '../database/database';
import { PortInUseError } from '../runtime/ports';
import { TemporalBinaryMissingError } from '../runtime/temporal-binaries';

/** Runs a one-off command: expected failures print their (Chinese-first) message, others their stack. */
export function runCli(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    const expected = err instanceof ConfigError || err instanceof PortInUseError || err instanceof TemporalBinaryMissingError || err instanceof MigrationError;
    console.error(expected ? `\n${(err as Error).message}\n` : err);
    process.exit(1);
  });
}
