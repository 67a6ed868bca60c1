export * from './server.js';
export {ApiClient} from './client.js';
export * from './errors.js';
export * from './registry.js';
export type {ResourceType} from './resource.js';
export {Trace, formatTraceEntry, type TraceEntry} from './trace.js';
