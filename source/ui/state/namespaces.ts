// The namespace the dashboard shows (k9s: `0` all, `1`-`9` favourites, `:ns` to pick one, Enter on a namespace).
import type {Transition, UiState} from './types.js';

const favouriteLimit = 9;

/** Show `namespace` and put it first among the favourites. */
export function rememberNamespace(state: UiState, namespace: string): UiState {
	const favourites = [namespace, ...state.favourites.filter(n => n !== namespace)].slice(0, favouriteLimit);
	return {...state, namespace, favourites};
}

export function allNamespaces(state: UiState): Transition {
	const {namespace: _ns, ...rest} = state;
	return {state: rest, effects: [{type: 'flash', level: 'info', text: 'all namespaces'}]};
}

/** `1`-`9`: the favourite at that position (the order stays as listed, so each key keeps its namespace). */
export function favourite(state: UiState, digit: string): Transition {
	const namespace = state.favourites[Number(digit) - 1];
	if (!namespace) return {state, effects: [{type: 'flash', level: 'warn', text: `no favourite namespace on ${digit} (favourites: ${state.favourites.map((n, i) => `${i + 1} ${n}`).join(', ')}; :ns to pick one)`}]};
	return {state: {...state, namespace}, effects: [{type: 'flash', level: 'info', text: `namespace ${namespace}`}]};
}
