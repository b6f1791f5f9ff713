// The Context most command tests need: one console user on a fresh in-memory store, on a fixed day.
import type { Context } from '../../src/core/runtime/command.js';
import { memoryStore } from '../../src/core/store/store.js';

export const TEST_NOW = new Date('2026-11-22T12:00:00Z');

export function testContext(over: Partial<Context> = {}): Context {
  return {
    platform: 'console',
    workspaceId: 'w1',
    userId: 'u1',
    isAdmin: false,
    now: TEST_NOW,
    store: memoryStore(),
    ...over,
  };
}
