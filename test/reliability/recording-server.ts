/**
 * A real upstream that records what it received: request id, method, path, body bytes and
 * sha256. It can be killed and restarted on the same port, and told to answer slowly.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  id: string | undefined;
  method: string;
  url: string;
  host: string | undefined;
  bytes: number;
  sha256: string;
}

export interface RecordingServer {
  readonly name: string;
  readonly url: string;
  readonly received: Received[];
  /** Request ids read off a socket, whether or not the request completed (one entry per read). */
  readonly arrived: string[];
  /** Extra delay before each answer, in ms. */
  delayMs: number;
  kill(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** `echo`: answer with the request body itself (octet-stream) instead of a JSON summary. */
export async function startRecordingServer(
  name: string,
  options: { echo?: boolean } = {},
): Promise<RecordingServer> {
  const received: Received[] = [];
  const arrived: string[] = [];
  let port = 0;
  let server: Server;
  const state = { delayMs: 0 };
  const open = async () => {
    server = createServer((req, res) => {
      const hash = createHash('sha256');
      let bytes = 0;
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => {
        if (options.echo) chunks.push(chunk);
        hash.update(chunk);
        bytes += chunk.length;
      });
      req.on('end', () => {
        const id = req.headers['x-request-id'] as string | undefined;
        const sha256 = hash.digest('hex');
        received.push({
          id,
          method: req.method ?? '',
          url: req.url ?? '',
          host: req.headers.host,
          bytes,
          sha256,
        });
        const answer = () => {
          if (res.destroyed) return;
          if (options.echo) {
            res.setHeader('content-type', 'application/octet-stream');
            res.end(Buffer.concat(chunks));
            return;
          }
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ servedBy: name, url: req.url, bytes, sha256 }));
        };
        if (state.delayMs > 0) setTimeout(answer, state.delayMs);
        else answer();
      });
    });
    server.keepAliveTimeout = 60_000;
    // Bytes read off the socket count as received even when the kill interrupts the parser.
    server.on('connection', (socket) =>
      socket.on('data', (chunk: Buffer) => {
        for (const match of chunk.toString('latin1').matchAll(/x-request-id: ([^\r\n]+)/gi))
          arrived.push(match[1]!);
      }),
    );
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };
  await open();
  const kill = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    received,
    arrived,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    kill,
    restart: open,
    close: kill,
  };
}
