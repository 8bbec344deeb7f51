// SPDX-License-Identifier: Apache-2.0
//
// Many `ws` clients in one long-lived Node process, driven by the conformance ITs
// (dev.websocketkit.local.conformance.NodeWs): one JSON object per line on stdin is a command,
// one JSON object per line on stdout is an event. Diagnostics go to stderr only.
//
// Commands, each naming a client by "id":
//   {"op":"connect","id":"c1","url":"ws://…","headers":{…},"protocols":["a","b"],"perMessageDeflate":true}
//   {"op":"send","id":"c1","text":"…"}                         one message; ws writes it as one frame
//   {"op":"sendFragments","id":"c1","text":"…","fragmentBytes":32768}
//                                                             ws.send(part, {fin: false}) … ws.send(last, {fin: true})
//   {"op":"sendBinary","id":"c1","base64":"…"}
//   {"op":"close","id":"c1","code":1000,"reason":"done"}
//   {"op":"exit"}
// Events:
//   {"event":"ready","ws":"8.x","node":"v20…"}                once, at start
//   {"id":"c1","event":"open","protocol":"…","extensions":"…"}
//   {"id":"c1","event":"refused","status":403,"contentType":"…","connection":"close","body":"…"}
//   {"id":"c1","event":"error","message":"…"}
//   {"id":"c1","event":"message","binary":false,"text":"…"}   (binary: "base64" instead of "text")
//   {"id":"c1","event":"sent","op":"send"}                    once ws has written what a send command asked
//   {"id":"c1","event":"close","code":1000,"reason":"…"}
//   {"id":"c1","event":"failed","op":"…","message":"…"}       a command that could not be carried out

import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import WebSocket from 'ws';

const wsVersion = createRequire(import.meta.url)('ws/package.json').version;
const clients = new Map();

function emit(event) {
  process.stdout.write(JSON.stringify(event) + '\n');
}

function log(message) {
  process.stderr.write(`[driver ${new Date().toISOString()}] ${message}\n`);
}

function connect({ id, url, headers = {}, protocols = [], perMessageDeflate = true }) {
  const ws = new WebSocket(url, protocols, { headers, perMessageDeflate });
  clients.set(id, ws);
  ws.on('open', () => emit({ id, event: 'open', protocol: ws.protocol, extensions: ws.extensions }));
  ws.on('unexpected-response', (request, response) => {
    const chunks = [];
    response.on('data', (chunk) => chunks.push(chunk));
    response.on('end', () => {
      emit({
        id,
        event: 'refused',
        status: response.statusCode,
        contentType: response.headers['content-type'] ?? null,
        connection: response.headers.connection ?? null,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      request.destroy();
      clients.delete(id);
    });
    response.on('error', (error) => {
      emit({ id, event: 'error', message: `reading the refusal: ${error.message}` });
      request.destroy();
    });
  });
  ws.on('error', (error) => emit({ id, event: 'error', message: error.message }));
  ws.on('message', (data, isBinary) => {
    const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    emit(isBinary
      ? { id, event: 'message', binary: true, base64: buffer.toString('base64') }
      : { id, event: 'message', binary: false, text: buffer.toString('utf8') });
  });
  ws.on('close', (code, reason) => {
    emit({ id, event: 'close', code, reason: reason.toString('utf8') });
    clients.delete(id);
  });
}

function sent(id, op) {
  return (error) => emit(error ? { id, event: 'failed', op, message: error.message } : { id, event: 'sent', op });
}

function sendFragments(ws, id, text, fragmentBytes) {
  const bytes = Buffer.from(text, 'utf8');
  const parts = [];
  for (let start = 0; start < bytes.length; start += fragmentBytes) {
    parts.push(bytes.subarray(start, Math.min(bytes.length, start + fragmentBytes)));
  }
  parts.forEach((part, index) => {
    const fin = index === parts.length - 1;
    // binary: false keeps the text opcode for a Buffer; later parts are continuation frames.
    ws.send(part, { binary: false, fin }, fin ? sent(id, 'sendFragments') : undefined);
  });
}

const commands = {
  send: (ws, { id, text }) => ws.send(text, sent(id, 'send')),
  sendFragments: (ws, { id, text, fragmentBytes }) => sendFragments(ws, id, text, fragmentBytes),
  sendBinary: (ws, { id, base64 }) => ws.send(Buffer.from(base64, 'base64'), { binary: true }, sent(id, 'sendBinary')),
  close: (ws, { code = 1000, reason = '' }) => ws.close(code, reason),
};

function handle(line) {
  if (!line.trim()) {
    return;
  }
  const command = JSON.parse(line);
  if (command.op === 'exit') {
    clients.forEach((ws) => ws.terminate());
    process.exit(0);
  }
  if (command.op === 'connect') {
    connect(command);
    return;
  }
  const ws = clients.get(command.id);
  const run = commands[command.op];
  if (!run || !ws) {
    emit({ id: command.id, event: 'failed', op: command.op, message: run ? 'no open client with this id' : 'unknown command' });
    return;
  }
  try {
    run(ws, command);
  } catch (error) {
    emit({ id: command.id, event: 'failed', op: command.op, message: error.message });
  }
}

const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
input.on('line', (line) => {
  try {
    handle(line);
  } catch (error) {
    log(`cannot handle ${line.slice(0, 200)}: ${error.stack}`);
  }
});
// The tests' JVM is gone: nothing more will come.
input.on('close', () => process.exit(0));

log(`ws ${wsVersion} on Node ${process.version}`);
emit({ event: 'ready', ws: wsVersion, node: process.version });
