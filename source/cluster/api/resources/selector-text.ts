import type {LabelSelector} from '../../objects/types.js';
import {fromLabelSelector} from '../../objects/labels.js';

/** A LabelSelector as the string form the scale subresource reports in status.selector. */
export const formatSelector = (selector: LabelSelector | undefined) => fromLabelSelector(selector).toString();
