export * from './append-audit.ts';
export * from './operations.ts';
export * from './schema.ts';
export * from './subject-ref.ts';
export * from './verify-audit.ts';
