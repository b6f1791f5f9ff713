// The Context most command tests need: one console user on a fresh in-memory store, on a fixed day.
import { beforeEach } from 'vitest';
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

/**
 * A Discord server's admin and one member, sharing a fresh in-memory store in each test (call at the top
 * of a test file or describe block): `admin()`, `member()`, either with overrides.
 */
export function serverPeople() {
  let store = memoryStore();
  beforeEach(() => {
    store = memoryStore();
  });
  const admin = (over: Partial<Context> = {}) =>
    testContext({ platform: 'discord', workspaceId: 'g1', userId: 'admin1', isAdmin: true, store, ...over });
  const member = (over: Partial<Context> = {}) => admin({ userId: 'member1', isAdmin: false, ...over });
  return { admin, member };
}
