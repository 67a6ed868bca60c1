// The default profile's plugins, in upstream order.
import type {FilterPlugin, ScorePlugin} from '../framework.js';
import {nodeUnschedulable} from './node-unschedulable.js';
import {taintToleration} from './taint-toleration.js';
import {nodeAffinity} from './node-affinity.js';
import {nodeResourcesFit, nodeResourcesBalancedAllocation} from './node-resources-fit.js';
import {podTopologySpread} from './pod-topology-spread.js';

export const filterPlugins: readonly FilterPlugin[] = [nodeUnschedulable, taintToleration, nodeAffinity, nodeResourcesFit];
export const scorePlugins: readonly ScorePlugin[] = [taintToleration, podTopologySpread, nodeResourcesFit, nodeResourcesBalancedAllocation];
