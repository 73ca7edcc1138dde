export * from './due-dates.ts';
export * from './duration.ts';
