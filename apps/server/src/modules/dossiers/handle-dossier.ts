/** Every action on a dossier, by stage: reception, processing, decision and end. */
export type { Command } from './command.ts';
export * from './receive-dossier.ts';
export * from './process-dossier.ts';
export * from './decide-dossier.ts';
