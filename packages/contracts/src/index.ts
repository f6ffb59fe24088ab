export * from './common.ts';
export * from './permissions.ts';
export * from './org.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './procedures.ts';
export * from './calendar.ts';
export * from './dossiers.ts';
