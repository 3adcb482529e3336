/**
 * Request bodies are streamed, except when a retry on the monolith must stay possible: a
 * request routed to a service has its body read ahead up to `cap` bytes, so it can be sent
 * again. Over the cap the body streams once (no retry for it) and nothing is held in memory.
 */
import type { IncomingMessage } from 'node:http';
import { PassThrough, type Readable, Transform } from 'node:stream';

export type PreparedBody = { kind: 'buffer'; body: Buffer } | { kind: 'stream'; body: Readable };

export function readReplayableBody(req: IncomingMessage, cap: number): Promise<PreparedBody> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > cap) return Promise.resolve({ kind: 'stream', body: req });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size <= cap) return;
      // Chunked and bigger than the cap: hand over what was read, then the rest, as one stream.
      req.pause();
      cleanup();
      const rest = new PassThrough();
      for (const c of chunks) rest.write(c);
      req.pipe(rest);
      resolve({ kind: 'stream', body: rest });
    };
    const onEnd = () => {
      cleanup();
      resolve({ kind: 'buffer', body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) });
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** Collects up to `cap` bytes of what passes through; `bytes()` is null once over the cap. */
export interface Capture {
  add(chunk: Buffer): void;
  bytes(): Buffer | null;
}

export function createCapture(cap: number): Capture {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  return {
    add(chunk) {
      if (overflow) return;
      size += chunk.length;
      if (size > cap) {
        overflow = true;
        chunks.length = 0;
      } else chunks.push(chunk);
    },
    bytes: () => (overflow ? null : Buffer.concat(chunks, size)),
  };
}

/** A pass-through stream that copies what flows through it into `capture`, never slowing it. */
export function teeInto(source: Readable, capture: Capture): Readable {
  const tee = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      capture.add(chunk);
      done(null, chunk);
    },
  });
  source.pipe(tee);
  return tee;
}
