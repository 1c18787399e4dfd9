// DI tokens for values that are not classes.
export const DATABASE = Symbol('DATABASE');
export const RUNTIME = Symbol('RUNTIME');
/** The Temporal client the entry point connected. */
export const TEMPORAL = Symbol('TEMPORAL');
