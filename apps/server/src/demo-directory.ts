/**
 * The demo's agencies and officials as plain data, for the browser tests that need to find a demo
 * person by post (`@tinhso/server/demo-directory`): importing the server's whole entry point into a
 * Playwright worker would load the database drivers for nothing.
 */
export { AGENCY } from './modules/organisation/demo/agencies.ts';
export { officials } from './modules/organisation/demo/officials.ts';
