/**
 * The benchmark's upstream, in its own process: GET answers 1 KiB of JSON, POST reads the
 * whole body and answers the same 1 KiB. Prints its URL on stdout.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const payload = Buffer.from(
  JSON.stringify({
    items: Array.from({ length: 12 }, (_, i) => ({ id: i, sku: `tea-${i}`, price: 450 + i, stock: 20 })),
  }).padEnd(1024, ' '),
);

const server = createServer((req, res) => {
  const reply = () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': payload.length });
    res.end(payload);
  };
  if (req.method === 'POST') {
    req.on('data', () => {});
    req.on('end', reply);
  } else reply();
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
