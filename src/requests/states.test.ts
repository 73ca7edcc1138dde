import { describe, expect, it } from 'vitest';
import { assertTransition, assertWorking, canTransition, isFinalState, REQUEST_STATES } from './states.ts';

describe('request states', () => {
  it('follow received → verifying → in_progress → (extended) → completed / refused', () => {
    expect(canTransition('received', 'verifying')).toBe(true);
    expect(canTransition('verifying', 'in_progress')).toBe(true);
    expect(canTransition('in_progress', 'extended')).toBe(true);
    expect(canTransition('extended', 'completed')).toBe(true);
    expect(canTransition('in_progress', 'completed')).toBe(true);
    expect(canTransition('verifying', 'refused')).toBe(true);
  });

  it('never leave a final state, never extend twice, never skip back', () => {
    for (const final of ['completed', 'refused', 'withdrawn'] as const) {
      expect(isFinalState(final)).toBe(true);
      for (const to of REQUEST_STATES) expect(canTransition(final, to)).toBe(false);
    }
    expect(canTransition('extended', 'extended')).toBe(false);
    expect(canTransition('in_progress', 'verifying')).toBe(false);
    expect(canTransition('verifying', 'completed')).toBe(false);
    expect(canTransition('received', 'extended')).toBe(false);
  });

  it('name the state and what it allows when a move is refused', () => {
    expect(() => assertTransition('completed', 'extended', 'extend the deadline')).toThrow(
      /cannot extend the deadline: the request is completed \(final\)/,
    );
    expect(() => assertTransition('verifying', 'extended', 'extend the deadline')).toThrow(
      /can only become verifying, in_progress, refused, withdrawn/,
    );
    expect(() => assertWorking('verifying', 'fulfil the request')).toThrow(
      expect.objectContaining({ code: 'REG_ERR_REQUESTS_TRANSITION', status: 409 }),
    );
    expect(() => assertWorking('extended', 'fulfil the request')).not.toThrow();
  });
});
