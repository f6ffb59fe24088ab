/** A flag passed in the navigation state by the page that sent the person here. */
export function hasFlag(state: unknown, flag: 'registered' | 'signedOut'): boolean {
  return typeof state === 'object' && state !== null && flag in state;
}
