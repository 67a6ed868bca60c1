// Services through the API server: defaulting, ClusterIP and NodePort allocation from the seeded generator, the
// allocators' refusals with upstream's text, release on delete and on failed writes, and kubectl's columns.
import test from 'ava';
import {createCluster, isStatusError, printTable, lookupResource, type Service} from '../../source/cluster/index.js';

const service = (name: string, spec: Record<string, unknown> = {}): Service => ({
	apiVersion: 'v1', kind: 'Service', metadata: {name},
	spec: {selector: {app: name}, ports: [{port: 80}], ...spec},
} as Service);

const ipNumber = (ip: string) => ip.split('.').reduce((n, p) => n * 256 + Number(p), 0);

test('a new cluster has the kubernetes Service at 10.96.0.1 and kube-dns at 10.96.0.10', t => {
	const cluster = createCluster();
	t.is(cluster.client.get<Service>('services', 'kubernetes', 'default').spec?.clusterIP, '10.96.0.1');
	t.is(cluster.client.get<Service>('services', 'kube-dns', 'kube-system').spec?.clusterIP, '10.96.0.10');
});

test('defaults as upstream and a ClusterIP from the dynamic band of 10.96.0.0/12, the same for the same seed', t => {
	const a = createCluster({seed: 3}).client.create<Service>('services', service('web', {ports: [{port: 80}, {name: 'metrics', port: 9090, targetPort: 'metrics'}].map((p, i) => ({name: i ? p.name : 'http', ...p}))}));
	const b = createCluster({seed: 3}).client.create<Service>('services', service('web', {ports: [{name: 'http', port: 80}, {name: 'metrics', port: 9090, targetPort: 'metrics'}]}));
	const spec = a.spec!;
	t.is(spec.type, 'ClusterIP');
	t.is(spec.sessionAffinity, 'None');
	t.is(spec.internalTrafficPolicy, 'Cluster');
	t.is(spec.ipFamilyPolicy, 'SingleStack');
	t.deepEqual(spec.ipFamilies, ['IPv4']);
	t.deepEqual(spec.ports!.map(p => [p.protocol, p.targetPort]), [['TCP', 80], ['TCP', 'metrics']]);
	const ip = ipNumber(spec.clusterIP!);
	t.true(ip >= ipNumber('10.96.1.1') && ip <= ipNumber('10.111.255.254'), spec.clusterIP);
	t.deepEqual(spec.clusterIPs, [spec.clusterIP]);
	t.is(b.spec?.clusterIP, spec.clusterIP);
});

test('NodePort and LoadBalancer Services get NodePorts in 30000-32767; a ClusterIP one may not ask for one', t => {
	const {client} = createCluster();
	const np = client.create<Service>('services', service('np', {type: 'NodePort'}));
	const port = np.spec!.ports![0]!.nodePort!;
	t.true(port >= 30000 && port <= 32767, String(port));
	t.is(np.spec?.externalTrafficPolicy, 'Cluster');
	const lb = client.create<Service>('services', service('lb', {type: 'LoadBalancer'}));
	t.truthy(lb.spec!.ports![0]!.nodePort);
	t.true(lb.spec?.allocateLoadBalancerNodePorts);
	const error = t.throws(() => client.create('services', service('plain', {ports: [{port: 80, nodePort: 30001}]})));
	t.is(error?.message, 'Service "plain" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is \'ClusterIP\'');
});

test('a NodePort or ClusterIP already taken or out of range is refused with upstream text; deleting frees it', t => {
	const {client} = createCluster();
	client.create('services', service('a', {type: 'NodePort', ports: [{port: 80, nodePort: 30080}]}));
	const taken = t.throws(() => client.create('services', service('b', {type: 'NodePort', ports: [{port: 80, nodePort: 30080}]})));
	t.true(isStatusError(taken, 'Invalid'));
	t.is(taken?.message, 'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
	const range = t.throws(() => client.create('services', service('c', {type: 'NodePort', ports: [{port: 80, nodePort: 8080}]})));
	t.is(range?.message, 'Service "c" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767');
	const ip = t.throws(() => client.create('services', service('d', {clusterIP: '10.96.0.10'})));
	t.is(ip?.message, 'Service "d" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated');
	const outside = t.throws(() => client.create('services', service('e', {clusterIP: '192.168.0.1'})));
	t.regex(outside!.message, /the provided IP \(192\.168\.0\.1\) is not in the valid range. The range of valid IPs is 10\.96\.0\.0\/12$/);
	client.delete('services', 'a');
	t.is(client.create<Service>('services', service('b', {type: 'NodePort', ports: [{port: 80, nodePort: 30080}]})).spec!.ports![0]!.nodePort, 30080);
});

test('a create refused after allocation (invalid, or already existing) keeps nothing allocated', t => {
	const {client} = createCluster();
	t.throws(() => client.create('services', service('bad', {type: 'NodePort', ports: [{port: 0, nodePort: 30100}]})), {message: /spec.ports\[0\].port: Invalid value: 0: must be between 1 and 65535, inclusive/});
	client.create('services', service('twin', {clusterIP: '10.96.0.50'}));
	t.throws(() => client.create('services', service('twin', {type: 'NodePort', ports: [{port: 80, nodePort: 30101}]})), {message: /already exists/});
	t.notThrows(() => client.create('services', service('good', {type: 'NodePort', ports: [{port: 80, nodePort: 30100}, {name: 'b', port: 81, nodePort: 30101}].map((p, i) => ({name: i ? 'b' : 'a', ...p}))})));
	// A dry run (apply's planning) reserves nothing either.
	client.validate('services', service('planned', {clusterIP: '10.96.0.60'}), 'default');
	t.notThrows(() => client.create('services', service('real', {clusterIP: '10.96.0.60'})));
});

test('the ClusterIP may not change; an update that leaves it (and the NodePorts) out keeps them', t => {
	const {client} = createCluster();
	const svc = client.create<Service>('services', service('web', {type: 'NodePort'}));
	const changed = t.throws(() => client.patch('services', 'web', {spec: {clusterIP: '10.96.0.77', clusterIPs: ['10.96.0.77']}}));
	t.regex(changed!.message, /spec.clusterIPs\[0\]: Invalid value: "10.96.0.77": may not change once set/);
	const {resourceVersion: _, ...metadata} = svc.metadata!;
	const replaced = client.update<Service>('services', {...svc, metadata, spec: {type: 'NodePort', selector: {app: 'web'}, ports: [{port: 80}]}});
	t.is(replaced.spec?.clusterIP, svc.spec?.clusterIP);
	t.is(replaced.spec?.ports?.[0]?.nodePort, svc.spec?.ports?.[0]?.nodePort);
	// Back to ClusterIP: the NodePort is freed for another Service.
	const port = svc.spec!.ports![0]!.nodePort!;
	client.patch('services', 'web', {spec: {type: 'ClusterIP', externalTrafficPolicy: null, ports: [{port: 80, targetPort: 80, protocol: 'TCP'}]}});
	t.notThrows(() => client.create('services', service('other', {type: 'NodePort', ports: [{port: 80, nodePort: port}]})));
});

test('headless Services have no ClusterIP and cannot be NodePort; kubectl prints the upstream columns', t => {
	const cluster = createCluster();
	const {client} = cluster;
	const headless = client.create<Service>('services', service('db', {clusterIP: 'None'}));
	t.deepEqual(headless.spec?.clusterIPs, ['None']);
	t.throws(() => client.create('services', service('bad', {clusterIP: 'None', type: 'NodePort'})), {message: /spec.clusterIPs\[0\]: Invalid value: "None": may not be set to 'None' for NodePort services/});
	t.throws(() => client.create('services', service('Bad')), {message: /a DNS-1035 label must consist of lower case alphanumeric characters/});
	t.throws(() => client.create('services', service('noports', {ports: []})), {message: /spec.ports: Required value/});
	client.create('services', service('lb', {type: 'LoadBalancer', ports: [{port: 80, nodePort: 30080}]}));
	const text = printTable(lookupResource('svc')!, client.list('services', {namespace: 'default'}).items, {now: cluster.clock.now(), wide: true});
	t.regex(text, /^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\s+SELECTOR\n/);
	t.regex(text, /\ndb\s+ClusterIP\s+None\s+<none>\s+80\/TCP\s+0s\s+app=db\n/);
	t.regex(text, /\nkubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP\s+0s\s+<none>\n/);
	t.regex(text, /\nlb\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+<pending>\s+80:30080\/TCP/);
});
