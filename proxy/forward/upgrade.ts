/**
 * WebSocket (and any HTTP/1.1 Upgrade) pass-through with node:http: send the handshake to
 * the upstream, relay its 101 head verbatim, then splice the two sockets. A refusal before
 * anything was written goes to `onUnreachable` so the pipeline can fall back to the monolith.
 */
import { request as httpRequest } from 'node:http';
import type { Duplex } from 'node:stream';
import type { UpgradeRequest } from './engine.ts';
import { classifyError } from './engine.ts';

export function forwardUpgrade(upgrade: UpgradeRequest): void {
  const { req, socket, head } = upgrade;
  const target = new URL(upgrade.upstream.url);
  const outbound = httpRequest({
    host: target.hostname,
    port: target.port,
    method: req.method,
    path: upgrade.path,
    headers: upgrade.headers,
  });
  let settled = false;
  outbound.on('upgrade', (response, upstreamSocket, upstreamHead) => {
    settled = true;
    const lines = [`HTTP/1.1 ${response.statusCode} ${response.statusMessage}`];
    for (let i = 0; i < response.rawHeaders.length; i += 2) {
      lines.push(`${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}`);
    }
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (upstreamHead.length > 0) socket.write(upstreamHead);
    if (head.length > 0) upstreamSocket.write(head);
    splice(socket, upstreamSocket);
  });
  outbound.on('response', (response) => {
    // The upstream refused the upgrade: relay its answer and close.
    settled = true;
    const lines = [`HTTP/1.1 ${response.statusCode} ${response.statusMessage}`];
    for (let i = 0; i < response.rawHeaders.length; i += 2) {
      const name = response.rawHeaders[i]!.toLowerCase();
      if (name !== 'connection' && name !== 'transfer-encoding')
        lines.push(`${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}`);
    }
    lines.push('Connection: close');
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    response.pipe(socket);
  });
  outbound.on('error', (error) => {
    if (!settled && classifyError(error) === 'unreachable') {
      settled = true;
      upgrade.onUnreachable(error);
      return;
    }
    socket.destroy();
  });
  socket.on('error', () => outbound.destroy());
  outbound.end();
}

function splice(client: Duplex, upstream: Duplex): void {
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => client.destroy());
  upstream.pipe(client);
  client.pipe(upstream);
}
