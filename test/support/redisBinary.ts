// Vitest global setup: finds a redis-server for the tests once, or stops the run with one line.
// The PATH's redis-server comes first (CI installs Debian's); otherwise redis-memory-server
// builds one into its cache, which needs the internet the first time.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const HOW =
  'No Redis server for the tests: install redis-server (apt-get install redis-server, brew install redis), ' +
  'or let redis-memory-server download and build one (needs the internet once).';

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

async function built(): Promise<string | undefined> {
  // Its own download errors would come before our one line; ours says what to do.
  const quiet = console.error;
  console.error = () => {};
  try {
    const { RedisBinary } = await import('redis-memory-server');
    return await RedisBinary.getPath();
  } catch {
    return undefined;
  } finally {
    console.error = quiet;
  }
}

export default async function setup(): Promise<void> {
  const binary = process.env.GIGDESK_TEST_REDIS_SERVER || onPath('redis-server') || (await built());
  if (!binary) {
    console.error(HOW);
    process.exit(1);
  }
  // Test workers start after this and inherit the environment.
  process.env.GIGDESK_TEST_REDIS_SERVER = binary;
}
