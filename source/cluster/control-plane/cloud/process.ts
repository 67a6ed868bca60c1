// The process the cloud's controllers run in (`stop cloud-controller-manager` stops them together).
export const processName = 'cloud-controller-manager';
