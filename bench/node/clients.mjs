// SPDX-License-Identifier: Apache-2.0
//
// Many ws clients against one WebSocket URL, as the benchmark's echo and load sections drive them.
// The only argument is a JSON object:
//   url, headers        where to connect and the handshake's headers (x-api-key, Authorization)
//   clients, perSecond  how many clients, opened perSecond a second (0: all at once)
//   deflate             offer permessage-deflate (ws's default) or not
//   messages            round trips per client, one at a time: send `message`, wait for `reply`
//   together            wait until every client is open and has made one untimed round trip
//                       before the timed ones, so that the throughput is measured under full load
//   handshakeTimeoutMs, replyTimeoutMs, deadlineMs
// Prints one JSON object on standard output at the end (see `result` below); diagnostics go to
// standard error. A client whose reply does not come within replyTimeoutMs stops there: its
// remaining round trips count as missing, and no late reply is taken for the next one.
import { createRequire } from 'node:module';
import WebSocket from 'ws';

const options = JSON.parse(process.argv[2]);
const wsVersion = createRequire(import.meta.url)('ws/package.json').version;
const outcomes = { opened: 0, refused: {}, timedOut: 0, failed: 0, errors: [] };
const roundTripsMicros = [];
let received = 0;
let wrong = 0;
let extensions = null;
const sockets = [];

function note(error) {
  if (outcomes.errors.length < 5) {
    outcomes.errors.push(error);
  }
}

/** Opens one client; resolves with the open socket, or null when it was refused, timed out or failed. */
function open() {
  return new Promise((resolve) => {
    const ws = new WebSocket(options.url, {
      headers: options.headers,
      perMessageDeflate: options.deflate,
      handshakeTimeout: options.handshakeTimeoutMs,
    });
    sockets.push(ws);
    let settled = false;
    const settle = (socket) => {
      if (!settled) {
        settled = true;
        resolve(socket);
      }
    };
    ws.on('open', () => {
      outcomes.opened++;
      extensions ??= ws.extensions;
      settle(ws);
    });
    ws.on('unexpected-response', (request, response) => {
      outcomes.refused[response.statusCode] = (outcomes.refused[response.statusCode] ?? 0) + 1;
      request.destroy();
      settle(null);
    });
    ws.on('error', (error) => {
      if (settled) {
        return;
      }
      if (error.message.includes('handshake has timed out')) {
        outcomes.timedOut++;
      } else {
        outcomes.failed++;
        note(error.message);
      }
      settle(null);
    });
  });
}

/** The time of one round trip in microseconds, or null when the reply did not come in time. */
function roundTrip(ws) {
  return new Promise((resolve) => {
    const sent = process.hrtime.bigint();
    const timer = setTimeout(() => {
      ws.off('message', onMessage);
      resolve(null);
    }, options.replyTimeoutMs);
    function onMessage(data) {
      clearTimeout(timer);
      ws.off('message', onMessage);
      if (data.toString('utf8') !== options.reply) {
        wrong++;
      }
      resolve(Number(process.hrtime.bigint() - sent) / 1000);
    }
    ws.on('message', onMessage);
    ws.send(options.message);
  });
}

async function echo(ws, timed) {
  for (let i = 0; i < options.messages; i++) {
    const micros = await roundTrip(ws);
    if (micros === null) {
      note('no reply within ' + options.replyTimeoutMs + ' ms');
      return;
    }
    if (timed) {
      received++;
      roundTripsMicros.push(micros);
    }
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function together() {
  const openSockets = (await Promise.all(Array.from({ length: options.clients }, open))).filter((ws) => ws !== null);
  const warmed = await Promise.all(openSockets.map(async (ws) => ((await roundTrip(ws)) === null ? null : ws)));
  const start = process.hrtime.bigint();
  await Promise.all(warmed.filter((ws) => ws !== null).map((ws) => echo(ws, true)));
  return process.hrtime.bigint() - start;
}

async function ramp() {
  const start = process.hrtime.bigint();
  const interval = options.perSecond > 0 ? 1000 / options.perSecond : 0;
  const clients = [];
  for (let i = 0; i < options.clients; i++) {
    const due = start + BigInt(Math.round(i * interval * 1e6));
    const wait = Number(due - process.hrtime.bigint()) / 1e6;
    if (wait > 0) {
      await sleep(wait);
    }
    clients.push(open().then((ws) => (ws === null ? null : echo(ws, true))));
  }
  await Promise.all(clients);
  return process.hrtime.bigint() - start;
}

function finish(nanos, deadlineMissed) {
  const result = {
    ws: wsVersion,
    extensions,
    ...outcomes,
    deadlineMissed,
    expected: options.clients * options.messages,
    received,
    wrong,
    seconds: Number(nanos) / 1e9,
    roundTripsMicros,
  };
  process.stdout.write(JSON.stringify(result) + '\n', () => {
    sockets.forEach((ws) => ws.terminate());
    process.exit(0);
  });
}

const began = process.hrtime.bigint();
const deadline = setTimeout(() => finish(process.hrtime.bigint() - began, true), options.deadlineMs);
const nanos = await (options.together ? together() : ramp());
clearTimeout(deadline);
finish(nanos, false);
