import type { Analysis } from '../analyzer/analysis.ts';
import type { StranglerProxy } from '../proxy/index.ts';
import type { Narrator } from './narrator.ts';
import type { Supervisor } from './supervisor.ts';
import type { TrafficGenerator } from './traffic/generator.ts';

export interface WalkthroughOptions {
  /** The repository root: sample-monolith/, extracted/, bin/ live here. */
  root: string;
  narrator: Narrator;
  /** Shortens every wait (CI, impatient people). */
  speed: 'normal' | 'fast';
  signal: AbortSignal;
  /** Environment for the child processes. */
  env: NodeJS.ProcessEnv;
  /** Where reports and the proxy's history are kept after the run. */
  outDir: string;
}

/** What the steps share while the migration runs. */
export interface RunContext extends WalkthroughOptions {
  tmp: string;
  supervisor: Supervisor;
  /** Seconds, scaled by speed. */
  wait(seconds: number): Promise<void>;
  monolith?: { url: string; db: string };
  traffic?: TrafficGenerator;
  analysis?: Analysis;
  proxy?: StranglerProxy;
  proxyUrl?: string;
  admin?: { url: string; token: string };
  /** Extracted services started so far: name -> URL. */
  services: Map<string, string>;
}
