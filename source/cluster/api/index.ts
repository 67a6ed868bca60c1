export * from './server.js';
export {ApiClient} from './client.js';
export * from './errors.js';
export * from './registry.js';
export type {ResourceType, ResourceDescriptor, PrinterColumn, PrintContext, DescribeLine} from './resource.js';
export {Trace, formatTraceEntry, type TraceEntry} from './trace.js';
