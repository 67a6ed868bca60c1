// The cluster store: etcd's MVCC keyspace (revisions, range, txn, watch, compaction) in memory.
export {Store} from './store.js';
export * from './types.js';
