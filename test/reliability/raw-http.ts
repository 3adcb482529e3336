/** Raw bytes over a TCP socket: what a hostile client can send that fetch() would refuse to. */
import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  /** The status of the first response, or null when the connection closed without one. */
  status: number | null;
  bytes: number;
  /** True when the proxy closed the connection (or it errored) before `waitMs` ran out. */
  closed: boolean;
}

export function sendRaw(port: number, data: Buffer | string, waitMs = 1500): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : null, bytes: text.length, closed });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.write(data);
  });
}

/** Opens a connection that sends a request head one byte every `everyMs`, never finishing it. */
export function slowloris(
  port: number,
  everyMs: number,
): { socket: Socket; stop(): void; closedByServer(): boolean } {
  const socket = connect(port, '127.0.0.1');
  const head = 'GET /api/orders/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ';
  let at = 0;
  let closed = false;
  socket.on('error', () => {});
  socket.on('close', () => {
    closed = true;
  });
  const timer = setInterval(() => {
    if (closed) return clearInterval(timer);
    socket.write(at < head.length ? head[at++]! : 'a');
  }, everyMs);
  return {
    socket,
    stop: () => {
      clearInterval(timer);
      socket.destroy();
    },
    closedByServer: () => closed,
  };
}
