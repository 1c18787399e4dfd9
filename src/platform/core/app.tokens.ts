// DI tokens for values that are not classes. Each names one part of what the entry point connected (AppRuntime),
// so that a class asks for what it uses and nothing else.
export const DATABASE = Symbol('DATABASE');
/** The validated AppConfig. */
export const CONFIG = Symbol('CONFIG');
/** The Temporal client the entry point connected. */
export const TEMPORAL = Symbol('TEMPORAL');
/** The database's connection string, for the LISTEN connections live updates open beside the pool. */
export const DATABASE_URL = Symbol('DATABASE_URL');
/** Base URL of the Temporal Web UI (string), or null when unknown. */
export const TEMPORAL_UI_URL = Symbol('TEMPORAL_UI_URL');
/** `() => WorkerStatus` of the worker running in this process, or null when none does. */
export const WORKER_STATUS = Symbol('WORKER_STATUS');
