// Preload (node --import) that appends the destination of every outbound TCP connection the process
// opens (host:port, one a line) to GIGDESK_OUTBOUND_LOG. net, tls, undici (fetch, WebSocket) and the
// Redis client all connect through net.Socket's connect, so nothing leaves the process unseen.
import { appendFileSync } from 'node:fs';
import { Socket } from 'node:net';

const log = process.env.GIGDESK_OUTBOUND_LOG ?? '';
const connect = Socket.prototype.connect;
Socket.prototype.connect = function (...args) {
  // net.connect passes its arguments normalised to [options, callback]; a direct call passes them as given.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const to =
    typeof first === 'object' && first !== null
      ? (first.path ?? `${first.host ?? 'localhost'}:${first.port}`)
      : `${args[1] ?? 'localhost'}:${first}`;
  appendFileSync(log, `${to}\n`);
  return connect.apply(this, args);
};
