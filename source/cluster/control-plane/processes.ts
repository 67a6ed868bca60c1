// The control plane's processes, as `stop scheduler` and `start controller-manager` see them: components grouped by
// the process they run in (Component.process). Stopping a process pauses all of its loops: they do nothing, their
// status says stopped, and their informers keep caching, so a restart catches up with what happened meanwhile.
import type {Component} from '../client/controller.js';

/** The processes `stop` and `start` know, besides kubelet/NODE. */
export const controlPlaneProcesses = ['scheduler', 'controller-manager', 'cloud-controller-manager'];

export class Processes {
	constructor(private readonly components: () => readonly Component[]) {}

	private members(process: string): Component[] {
		if (!controlPlaneProcesses.includes(process)) {
			throw new Error(`unknown component "${process}": expected one of ${[...controlPlaneProcesses, 'kubelet/NODE'].join(', ')}`);
		}
		const members = this.components().filter(c => c.process === process);
		if (members.length === 0) throw new Error(`there is no ${process} in this cluster`);
		return members;
	}

	/** Whether every component of the process is stopped. */
	stopped(process: string): boolean {
		return this.members(process).every(c => c.stopped);
	}

	/** Stop the process; false when it was already stopped. */
	stop(process: string): boolean {
		const members = this.members(process);
		if (members.every(c => c.stopped)) return false;
		for (const c of members) c.pause();
		return true;
	}

	start(process: string): boolean {
		const members = this.members(process);
		if (members.every(c => !c.stopped)) return false;
		for (const c of members) c.resume();
		return true;
	}
}
