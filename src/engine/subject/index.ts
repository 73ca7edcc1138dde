/**
 * Subject requests executed on the organisation's own database: access (Art 15), rectification
 * (Art 16), erasure (Art 17), restriction (Art 18), portability (Art 20) and objection to direct
 * marketing (Art 21(2)). Each operation takes a {@link SubjectContext} and a {@link Subject}.
 */
export * from './anonymise-value.ts';
export * from './context.ts';
export * from './describe-erasure.ts';
export * from './execute-access.ts';
export * from './execute-erasure.ts';
export * from './find-subject.ts';
export * from './normalise-identifier.ts';
export * from './object.ts';
export * from './plan-access.ts';
export * from './plan-erasure.ts';
export * from './portability.ts';
export * from './rectify.ts';
export * from './render-access.ts';
export * from './render-access-html.ts';
export * from './restrict.ts';
export * from './restriction-schema.ts';
export * from './suppression.ts';
export * from './suppression-schema.ts';
