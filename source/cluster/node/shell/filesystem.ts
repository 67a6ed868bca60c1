// A container's simulated filesystem: a root of its own plus volumes mounted at paths. An emptyDir is
// one Volume object mounted by every container that names it, so what one writes the other reads.

const parentOf = (rel: string) => rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';

/** The files and directories of one filesystem (a container's root or a volume), paths relative to it. */
export class Volume {
	readonly files = new Map<string, string>();
	readonly dirs = new Set<string>(['']);

	constructor(readonly readOnly = false, files: Record<string, string> = {}, dirs: string[] = []) {
		for (const [name, text] of Object.entries(files)) {
			this.files.set(name, text);
			for (let dir = parentOf(name); dir !== ''; dir = parentOf(dir)) this.dirs.add(dir);
		}
		for (const dir of dirs) this.dirs.add(dir);
	}
}

interface Mount {
	path: string;
	volume: Volume;
	readOnly: boolean;
}

export type FsError = 'ENOENT' | 'EISDIR' | 'EROFS' | 'ENOTDIR' | 'EEXIST';

const normalize = (path: string, cwd = '/'): string => {
	const parts: string[] = [];
	for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') parts.pop();
		else parts.push(part);
	}
	return `/${parts.join('/')}`;
};


/** The directories every image has (shared by every root, so a quiet container costs nothing for them). */
const baseDirs = ['bin', 'dev', 'etc', 'home', 'proc', 'root', 'tmp', 'usr', 'usr/bin', 'var', 'var/log', 'var/run'];

export class FileSystem {
	private readonly mounts: Mount[] = [];
	readonly root = new Volume(false, {}, baseDirs);

	mount(path: string, volume: Volume, readOnly = false): void {
		const at = normalize(path);
		this.mounts.push({path: at, volume, readOnly: readOnly || volume.readOnly});
		this.mounts.sort((a, b) => b.path.length - a.path.length);
		this.mkdirAll(parentOf(at.slice(1)), this.root);
		this.root.dirs.add(at.slice(1));
	}

	private resolve(path: string): {volume: Volume; rel: string; readOnly: boolean} {
		const abs = normalize(path);
		for (const m of this.mounts) {
			if (abs === m.path || abs.startsWith(`${m.path}/`)) return {volume: m.volume, rel: abs.slice(m.path.length + 1), readOnly: m.readOnly};
		}
		return {volume: this.root, rel: abs.slice(1), readOnly: false};
	}

	private mkdirAll(rel: string, volume: Volume): void {
		for (let dir = rel; dir !== ''; dir = parentOf(dir)) volume.dirs.add(dir);
	}

	isFile(path: string): boolean {
		const {volume, rel} = this.resolve(path);
		return volume.files.has(rel);
	}

	isDir(path: string): boolean {
		const {volume, rel} = this.resolve(path);
		return volume.dirs.has(rel);
	}

	exists(path: string): boolean {
		return this.isFile(path) || this.isDir(path);
	}

	read(path: string): string | FsError {
		const {volume, rel} = this.resolve(path);
		if (volume.dirs.has(rel)) return 'EISDIR';
		return volume.files.get(rel) ?? 'ENOENT';
	}

	write(path: string, text: string, append = false): FsError | undefined {
		const {volume, rel, readOnly} = this.resolve(path);
		if (readOnly) return 'EROFS';
		if (volume.dirs.has(rel)) return 'EISDIR';
		if (!volume.dirs.has(parentOf(rel))) return 'ENOENT';
		volume.files.set(rel, append ? (volume.files.get(rel) ?? '') + text : text);
		return undefined;
	}

	mkdir(path: string, parents: boolean): FsError | undefined {
		const {volume, rel, readOnly} = this.resolve(path);
		if (readOnly) return 'EROFS';
		if (volume.files.has(rel)) return 'EEXIST';
		if (volume.dirs.has(rel)) return parents ? undefined : 'EEXIST';
		if (!parents && !volume.dirs.has(parentOf(rel))) return 'ENOENT';
		this.mkdirAll(rel, volume);
		return undefined;
	}

	remove(path: string, recursive: boolean): FsError | undefined {
		const {volume, rel, readOnly} = this.resolve(path);
		if (readOnly) return 'EROFS';
		if (volume.files.delete(rel)) return undefined;
		if (!volume.dirs.has(rel)) return 'ENOENT';
		if (!recursive) return 'EISDIR';
		for (const name of [...volume.files.keys()]) if (name.startsWith(`${rel}/`)) volume.files.delete(name);
		for (const name of [...volume.dirs]) if (name === rel || name.startsWith(`${rel}/`)) volume.dirs.delete(name);
		return undefined;
	}

	/** Names directly inside a directory, sorted (for `ls`). */
	list(path: string): string[] | FsError {
		const {volume, rel} = this.resolve(path);
		if (!volume.dirs.has(rel)) return volume.files.has(rel) ? [path.split('/').pop()!] : 'ENOENT';
		const prefix = rel === '' ? '' : `${rel}/`;
		const names = new Set<string>();
		for (const name of [...volume.files.keys(), ...volume.dirs]) {
			if (name !== rel && name.startsWith(prefix) && !name.slice(prefix.length).includes('/')) names.add(name.slice(prefix.length));
		}
		return [...names].filter(n => n !== '').sort();
	}
}
