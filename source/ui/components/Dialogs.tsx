// The scale and delete dialogs (the help overlay is its own view): their lines, drawn in a Modal.
import type {Dialog} from '../state/types.js';
import type {Theme} from '../theme.js';
import {Modal, type ModalLine, type ModalSegment} from './Modal.js';

export interface DialogProps {
	areaWidth: number;
	areaHeight: number;
	theme: Theme;
}

/** A button; the chosen one is `[ OK ]` (and highlighted in colour), the other `  OK  `, so it reads without colour. */
export function button(label: string, chosen: boolean, theme: Theme): ModalSegment {
	const text = chosen ? `[ ${label} ]` : `  ${label}  `;
	return chosen ? {text, bold: true, ...(theme.color ? {color: 'black', backgroundColor: theme.title} : {inverse: true})} : {text};
}

export function ScaleDialog({dialog, ...area}: DialogProps & {dialog: Extract<Dialog, {kind: 'scale'}>}) {
	const {theme} = area;
	const lines: ModalLine[] = [
		[{text: dialog.resource === 'replicasets' ? 'replicaset ' : 'deployment '}, {text: `${dialog.namespace}/${dialog.name}`, bold: true}],
		[],
		// The prefilled value shows selected (inverse): typing replaces it.
		[{text: 'Replicas: ', color: theme.title}, dialog.fresh ? {text: dialog.replicas, bold: true, inverse: true} : {text: dialog.replicas, bold: true}, {text: dialog.fresh ? '' : ' ', inverse: true}],
		[],
		[{text: 'digits · enter apply · esc cancel', color: theme.keyHint}],
	];
	return <Modal title=" Scale " lines={lines} width={48} {...area} />;
}

export function ConfirmDialog({dialog, ...area}: DialogProps & {dialog: Extract<Dialog, {kind: 'confirm'}>}) {
	const {theme} = area;
	const lines: ModalLine[] = [
		[{text: dialog.question, bold: true}],
		[],
		[{text: '    '}, button('Cancel', dialog.choice === 'cancel', theme), {text: '    '}, button('OK', dialog.choice === 'ok', theme)],
		[],
		[{text: 'tab/←/→ choose · enter confirm · esc cancel', color: theme.keyHint}],
	];
	return <Modal title={dialog.title} lines={lines} {...area} />;
}

export function QuitDialog({dialog, ...area}: DialogProps & {dialog: Extract<Dialog, {kind: 'quit'}>}) {
	const {theme} = area;
	const lines: ModalLine[] = [
		[{text: 'Quit kubetui?', bold: true}],
		[{text: 'The simulated cluster is not saved: it ends with kubetui.'}],
		[],
		[{text: '    '}, button('Cancel', dialog.choice === 'cancel', theme), {text: '    '}, button('OK', dialog.choice === 'ok', theme)],
		[],
		[{text: 'y quit · n/esc stay · tab choose · enter confirm', color: theme.keyHint}],
	];
	return <Modal title=" Quit " lines={lines} {...area} />;
}

export function DrainDialog({dialog, ...area}: DialogProps & {dialog: Extract<Dialog, {kind: 'drain'}>}) {
	const {theme} = area;
	const at = (i: number) => dialog.field === i;
	const field = (i: number, label: string, value: string): ModalLine => [
		{text: at(i) ? '> ' : '  '}, {text: label.padEnd(22), color: theme.title},
		at(i) && dialog.fresh ? {text: value, bold: true, inverse: true} : {text: value, bold: true},
		...(at(i) && !dialog.fresh ? [{text: ' ', inverse: true}] : []),
	];
	const box = (i: number, label: string, on: boolean): ModalLine => [
		{text: at(i) ? '> ' : '  '}, {text: label.padEnd(22), color: theme.title}, {text: on ? '[x]' : '[ ]', bold: at(i), inverse: at(i)},
	];
	const lines: ModalLine[] = [
		[{text: 'node '}, {text: dialog.node, bold: true}, {text: ': cordon, then evict its pods'}],
		[],
		field(0, 'Grace period (s)', dialog.gracePeriod),
		field(1, 'Timeout', dialog.timeout),
		box(2, 'Ignore DaemonSets', dialog.ignoreDaemonSets),
		box(3, 'Delete emptyDir data', dialog.deleteEmptyDirData),
		box(4, 'Force', dialog.force),
		[],
		[{text: 'tab/↑/↓ field · space toggle · enter drain · esc cancel', color: theme.keyHint}],
	];
	return <Modal title=" Drain " lines={lines} width={62} {...area} />;
}
