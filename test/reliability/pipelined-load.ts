/**
 * A load generator cheap enough to send a million requests through the proxy in CI: raw
 * keep-alive sockets, each with up to `depth` GET requests pipelined (RFC 9112 §9.3.2), and a
 * minimal response reader (status line and Content-Length only, which is what the proxy
 * relays from the cheap upstream). An undici client costs more CPU per request than the
 * proxy it measures, on the same two cores.
 */
import { connect, type Socket } from 'node:net';

export interface LoadResult {
  sent: number;
  /** Responses that were not 200, plus requests lost with a broken connection. */
  failed: number;
}

export interface LoadOptions {
  /** `host:port` of the proxy. */
  host: string;
  port: number;
  count: number;
  connections: number;
  depth: number;
  /** The request head for the i-th request (must end with a blank line). */
  head: (i: number) => string;
}

export function sendPipelined(options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  let failed = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const socket: Socket = connect(options.port, options.host);
      socket.setNoDelay(true);
      let inFlight = 0;
      let pending: Buffer = Buffer.alloc(0);
      const fill = () => {
        let batch = '';
        while (inFlight < options.depth && next < options.count) {
          batch += options.head(next++);
          inFlight++;
        }
        if (batch) socket.write(batch);
        else if (inFlight === 0) socket.end();
      };
      socket.on('connect', fill);
      socket.on('data', (chunk: Buffer) => {
        pending = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
        for (;;) {
          const headEnd = pending.indexOf('\r\n\r\n');
          if (headEnd === -1) break;
          const head = pending.toString('latin1', 0, headEnd);
          const length = /\r\ncontent-length: *(\d+)/i.exec(head);
          if (!length) {
            // Not a response this reader understands: count the rest of the connection as lost.
            failed += inFlight;
            inFlight = 0;
            socket.destroy();
            return;
          }
          const total = headEnd + 4 + Number(length[1]);
          if (pending.length < total) break;
          if (!head.startsWith('HTTP/1.1 200 ')) failed++;
          inFlight--;
          pending = pending.subarray(total);
        }
        fill();
      });
      socket.on('error', () => {});
      socket.on('close', () => {
        failed += inFlight;
        resolve();
      });
    });
  return Promise.all(Array.from({ length: options.connections }, one)).then(() => ({
    sent: next,
    failed,
  }));
}
