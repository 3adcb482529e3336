/**
 * The cheapest upstream that still speaks HTTP/1.1 keep-alive, for the memory test's million
 * requests: a raw TCP server that answers every request head it reads with one fixed 200
 * response, so the machine's cores go to the proxy under test, not to the upstream.
 * Bodyless requests only (GET, as the proxy forwards them and its shadow mirrors them);
 * anything else would be answered before its body arrived.
 */

import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';

export interface CheapUpstream {
  url: string;
  /** Request heads answered so far. */
  answered(): number;
  close(): Promise<void>;
}

const END_OF_HEAD = Buffer.from('\r\n\r\n');

export async function startCheapUpstream(name: string): Promise<CheapUpstream> {
  const body = JSON.stringify({ servedBy: name });
  const response = Buffer.from(
    `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nkeep-alive: timeout=60\r\n\r\n${body}`,
  );
  let answered = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    // The tail of the last chunk: a head's blank line may be split across two reads.
    let tail: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      const data = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
      let heads = 0;
      let at = data.indexOf(END_OF_HEAD);
      let end = 0;
      while (at !== -1) {
        heads++;
        end = at + END_OF_HEAD.length;
        at = data.indexOf(END_OF_HEAD, end);
      }
      tail = data.subarray(Math.max(end, data.length - 3));
      if (heads === 0) return;
      answered += heads;
      socket.write(heads === 1 ? response : Buffer.concat(Array.from({ length: heads }, () => response)));
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answered: () => answered,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
