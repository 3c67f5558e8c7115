// The Node `ws` peer of bench/arena_live_bench.sh: the best-known off-the-shelf way to broadcast a
// message to many WebSocket clients, one loop on one thread. POST /broadcast sends the same
// message as lingyan (a sample it sent, given as a file) with the next seq and the send time
// stamped, serialized once, to every client of /live; it answers with the seq.
// usage: WS_MODULE=/path/to/node_modules/ws node ws_peer.cjs PORT SAMPLE.json
const http = require('http');
const fs = require('fs');
const { WebSocketServer } = require(process.env.WS_MODULE || 'ws');

const port = Number(process.argv[2] || 0);
const template = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
delete template.seq;
delete template.sent_at_ms;
let seq = 0;

const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/broadcast') {
    req.resume();
    seq += 1;
    const text = JSON.stringify({ seq, sent_at_ms: performance.timeOrigin + performance.now(), ...template });
    for (const client of wss.clients) if (client.readyState === 1) client.send(text);
    res.end(String(seq));
    return;
  }
  res.statusCode = 404;
  res.end();
});
const wss = new WebSocketServer({ server, path: '/live', perMessageDeflate: false });
server.listen(port, '127.0.0.1', () => console.log(`listening on port ${server.address().port}`));
