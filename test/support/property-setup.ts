// Property-based tests (fast-check) in `npm test` use one fixed seed, so that CI is repeatable: a failure there is a
// change in the code, not a new draw. To explore, run them with other seeds: FC_SEED=random (a new one each run,
// printed on failure with the path that replays it) or FC_SEED=<number>.
import * as fc from 'fast-check';

const given = process.env.FC_SEED;
if (given !== 'random') fc.configureGlobal({ seed: given && /^-?\d+$/.test(given) ? Number(given) : 20261127 });
