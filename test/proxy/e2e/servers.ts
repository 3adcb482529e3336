/** Small real upstreams for the end-to-end tests: each answers who it is. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Upstream {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Answers `{ servedBy: name, path }`; `/slow` answers after `slowMs`. */
export async function startUpstream(name: string, slowMs = 300): Promise<Upstream> {
  const server = createServer((req, res) => {
    const answer = () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ servedBy: name, path: req.url }));
    };
    if (req.url?.startsWith('/slow')) setTimeout(answer, slowMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
