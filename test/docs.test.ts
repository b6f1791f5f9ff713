// The README is the newcomer's page: short, every command on one line; docs/commands.md has the rest.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/commands/index.js';

const readme = readFileSync('README.md', 'utf8');
const topLevel = [...new Set(commands.map((c) => c.name.split(' ')[0]))];

describe('README and docs', () => {
  it('keeps the README to about 150 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(150);
  });

  it('gives every top-level command exactly one line in the README table', () => {
    for (const name of topLevel) {
      const rows = readme.split('\n').filter((line) => line.startsWith(`| \`/${name}\``));
      expect(rows, `/${name}`).toHaveLength(1);
    }
  });

  it('documents every command, sub-commands included, in docs/commands.md', () => {
    const page = readFileSync('docs/commands.md', 'utf8');
    for (const command of commands) {
      const [group, sub] = command.name.split(' ');
      const mentioned = sub ? new RegExp(`/${group}\\b(?:[^|\\n]|\\\\\\|)*\\b${sub}\\b`) : new RegExp(`\`/${group}\\b`);
      expect(page, `/${command.name}`).toMatch(mentioned);
    }
  });

  it('links only to pages that exist', () => {
    const links = [...readme.matchAll(/\]\(([^)#]+)\)/g)].map((m) => m[1] ?? '');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(existsSync(link), link).toBe(true);
  });
});
