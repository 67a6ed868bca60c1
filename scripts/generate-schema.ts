// Generates source/cluster/api/schema/types.json, the field schema strict decoding checks objects against, from the
// Kubernetes API types as kubernetes-types declares them (generated upstream from the OpenAPI spec).
// Run after upgrading kubernetes-types: `node --import=tsx scripts/generate-schema.ts`.
import {readdirSync, writeFileSync, mkdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join, relative} from 'node:path';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('kubernetes-types/package.json'));
const files: string[] = [];
const walk = (dir: string) => {
	for (const entry of readdirSync(dir, {withFileTypes: true})) {
		if (entry.isDirectory()) walk(join(dir, entry.name));
		else if (entry.name.endsWith('.d.ts')) files.push(join(dir, entry.name));
	}
};
walk(root);

const program = ts.createProgram(files, {});
const checker = program.getTypeChecker();

/** `apps/v1.DeploymentSpec`: module path (without .d.ts) and name. */
const qualified = (declaration: ts.Declaration, name: string) =>
	`${relative(root, declaration.getSourceFile().fileName).replace(/\.d\.ts$/, '')}.${name}`;

/** A field's type as one string: string, number, boolean, any, int-or-string, ref:<type>, array:<t>, map:<t>. */
function encode(type: ts.Type): string {
	if (type.isUnion()) {
		const parts = type.types.filter(t => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
		const flags = parts.map(t => t.flags);
		if (parts.length === 2 && flags.some(f => f & ts.TypeFlags.Number) && flags.some(f => f & ts.TypeFlags.String)) return 'int-or-string';
		if (parts.length === 1) return encode(parts[0]!);
		if (parts.every(t => t.flags & ts.TypeFlags.BooleanLiteral)) return 'boolean';
		if (parts.every(t => t.flags & ts.TypeFlags.StringLiteral)) return 'string';
		return 'any';
	}
	if (type.flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral)) return 'string';
	if (type.flags & ts.TypeFlags.Number) return 'number';
	if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return 'boolean';
	if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'any';
	if (checker.isArrayType(type)) return `array:${encode(checker.getTypeArguments(type as ts.TypeReference)[0]!)}`;
	const index = type.getStringIndexType();
	if (index) return `map:${encode(index)}`;
	const symbol = type.aliasSymbol ?? type.getSymbol();
	const declaration = symbol?.declarations?.[0];
	if (declaration && ts.isInterfaceDeclaration(declaration)) {
		// Free-form objects (RawExtension, JSON, FieldsV1) have no fields of their own: anything goes.
		if (type.getProperties().length === 0) return 'any';
		return `ref:${qualified(declaration, symbol!.getName())}`;
	}
	return 'any';
}

const types: Record<string, Record<string, string>> = {};
const kinds: Record<string, string> = {};
for (const file of program.getSourceFiles()) {
	if (!file.fileName.startsWith(root)) continue;
	ts.forEachChild(file, node => {
		if (!ts.isInterfaceDeclaration(node)) return;
		const name = node.name.text;
		const type = checker.getTypeAtLocation(node);
		const fields: Record<string, string> = {};
		for (const property of type.getProperties()) {
			let encoded = encode(checker.getTypeOfSymbolAtLocation(property, node));
			// Quantity is a string alias the type checker does not keep: Kubernetes also accepts a number for it.
			const declared = (property.valueDeclaration as ts.PropertySignature | undefined)?.type?.getText() ?? '';
			if (/\bQuantity\b/.test(declared)) encoded = encoded.replace(/string$/, 'quantity');
			fields[property.getName()] = encoded;
		}
		const id = qualified(node, name);
		types[id] = fields;
		// A top-level kind: `apiVersion?: 'apps/v1'` and `kind?: 'Deployment'` as literal types.
		const apiVersion = type.getProperty('apiVersion');
		const kind = type.getProperty('kind');
		if (apiVersion && kind) {
			const version = checker.getTypeOfSymbolAtLocation(apiVersion, node);
			const kindType = checker.getTypeOfSymbolAtLocation(kind, node);
			const literal = (t: ts.Type) => (t.isUnion() ? t.types : [t]).find(x => x.isStringLiteral()) as ts.StringLiteralType | undefined;
			const v = literal(version), k = literal(kindType);
			if (v && k) kinds[`${v.value}/${k.value}`] = id;
		}
	});
}

const out = join(dirname(new URL(import.meta.url).pathname), '..', 'source', 'cluster', 'api', 'schema', 'types.json');
mkdirSync(dirname(out), {recursive: true});
writeFileSync(out, `${JSON.stringify({source: `kubernetes-types ${require('kubernetes-types/package.json').version}`, kinds, types})}\n`);
console.log(`${Object.keys(kinds).length} kinds, ${Object.keys(types).length} types -> ${out}`);
