// Discord's HTTP interactions end to end: signed POSTs over loopback, the answer in the HTTP response.
// gigdesk is compared with the least such an endpoint can do: check the Ed25519 signature, parse the
// body, answer with the same bytes gigdesk gave. Rounds alternate between the two, as in slack.ts.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INTERACTIONS_PATH } from '../src/adapters/discord/http.js';
import { isSignedByDiscord, publicKeyFromHex } from '../src/adapters/discord/signature.js';
import { commands } from '../src/commands/index.js';
import { useButtonSecret } from '../src/core/runtime/buttonTokens.js';
import { memoryStore } from '../src/core/store/store.js';
import { slashPayload } from '../test/adapters/discord/fake.js';
import { PUBLIC_KEY, signed, startSignedHttp } from '../test/adapters/discord/signed.js';
import { type BenchRow, measure, type Timing, timingRow } from './lib.js';

const ROUNDS = 5;
const RUNS_PER_ROUND = 300;

/** Answers every signed POST with `answer`, after the checks any HTTP interactions endpoint must make. */
function noopEndpoint(answer: string): Server {
  const key = publicKeyFromHex(PUBLIC_KEY);
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const header = (name: string) => String(req.headers[name] ?? '');
      if (!isSignedByDiscord(key, header('x-signature-ed25519'), header('x-signature-timestamp'), body)) {
        res.writeHead(401).end();
        return;
      }
      JSON.parse(body.toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function bench(): Promise<BenchRow[]> {
  useButtonSecret(randomBytes(32));
  const store = memoryStore();
  const bot = await startSignedHttp({
    store,
    upstream: async () => new Response(null, { status: 204 }),
  });
  const body = JSON.stringify(slashPayload(commands, 'jss', { successful: 7, negative: 1, total: 8 }));
  const post = async (url: string) => {
    const response = await fetch(url, { method: 'POST', body, headers: signed(body) });
    if (response.status !== 200) throw new Error(`bench: ${url} answered HTTP ${response.status}`);
    return response.text();
  };
  const gigdesk = `http://127.0.0.1:${bot.port}${INTERACTIONS_PATH}`;
  const answer = await post(gigdesk);
  if (!answer.includes('"custom_id"')) throw new Error('bench: gigdesk answered without its buttons');
  const noop = noopEndpoint(answer);
  await new Promise<void>((listening) => noop.listen(0, '127.0.0.1', listening));
  const least = `http://127.0.0.1:${(noop.address() as AddressInfo).port}${INTERACTIONS_PATH}`;
  try {
    const rounds = { gigdesk: [] as Timing[], least: [] as Timing[], ratios: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      const a = await measure('least', () => post(least), RUNS_PER_ROUND);
      const b = await measure('gigdesk', () => post(gigdesk), RUNS_PER_ROUND);
      rounds.least.push(a);
      rounds.gigdesk.push(b);
      rounds.ratios.push(b.p50Ms / a.p50Ms);
    }
    const pick = (name: string, timings: Timing[]): Timing => ({
      name,
      runs: ROUNDS * RUNS_PER_ROUND,
      p50Ms: median(timings.map((t) => t.p50Ms)),
      p99Ms: Math.max(...timings.map((t) => t.p99Ms)),
      perSecond: median(timings.map((t) => t.perSecond)),
    });
    return [
      timingRow(
        pick('HTTP interactions, an endpoint that checks the signature and answers the same bytes', rounds.least),
      ),
      timingRow(pick('HTTP interactions, gigdesk /jss 7 1 8', rounds.gigdesk)),
      {
        what: 'discord over HTTP: gigdesk / the least endpoint (p50)',
        value: `${median(rounds.ratios).toFixed(2)}x`,
        note: `median of ${ROUNDS} alternating rounds of ${RUNS_PER_ROUND} signed loopback POSTs; the issue's target is 1.15x`,
      },
    ];
  } finally {
    noop.close();
    await bot.stop();
    await store.close();
    useButtonSecret(undefined);
  }
}
