// SPDX-License-Identifier: Apache-2.0
//
// The reference of the echo section: a minimal ws server on this machine that answers each
// {"message": "send", "body": …} with its body, JSON-encoded, as the send route does. It accepts
// permessage-deflate as the local gateway does, so a client that asks for it gets it here too, and
// like the gateway it sends replies under 1 KB uncompressed: ws skips compression below its
// threshold (1 KB) only without context takeover, so this server takes none.
// Prints "Listening on <port>"; exits when its standard input closes, so it never outlives the
// benchmark.
import { WebSocketServer } from 'ws';

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: { serverNoContextTakeover: true } });
server.on('connection', (ws) => {
  ws.on('message', (data) => ws.send(JSON.stringify(JSON.parse(data.toString('utf8')).body)));
});
server.on('listening', () => console.log(`Listening on ${server.address().port}`));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
