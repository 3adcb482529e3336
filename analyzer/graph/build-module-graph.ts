import type { ProjectFacts } from '../facts/types.ts';
import type { ChangeHistory } from '../history/types.ts';
import { getCochangeEdges } from './cochange-signal.ts';
import { getDataEdges } from './data-signal.ts';
import { getStaticEdges } from './static-signal.ts';
import { getTrafficEdges, type TrafficInput } from './traffic-signal.ts';
import { type CouplingEdge, compareEdges, type ModuleGraph } from './types.ts';
import { type CouplingWeights, DEFAULT_WEIGHTS } from './weights.ts';

export interface SignalInputs {
  weights?: CouplingWeights;
  /** Recent commits, when the git signal is on. */
  history?: ChangeHistory | null;
  /** Sessions from the proxy, when a traffic file is given. */
  traffic?: TrafficInput | null;
}

/** One weighted module graph from every signal that has input. Pure and deterministic. */
export function buildModuleGraph(facts: ProjectFacts, inputs: SignalInputs = {}): ModuleGraph {
  const weights = inputs.weights ?? DEFAULT_WEIGHTS;
  const modules = facts.files.map((file) => file.id).sort();
  const known = new Set(modules);
  const edges: CouplingEdge[] = [
    ...getStaticEdges(
      facts.imports.filter((edge) => known.has(edge.from) && known.has(edge.to)),
      weights,
    ),
    ...getDataEdges(
      facts.tableAccesses.filter((access) => known.has(access.file)),
      facts.transactions,
      weights,
    ),
  ];
  if (inputs.history) edges.push(...getCochangeEdges(inputs.history, known, weights));
  if (inputs.traffic) {
    const endpointModule = new Map(facts.endpoints.map((endpoint) => [endpoint.id, endpoint.file]));
    edges.push(...getTrafficEdges(inputs.traffic, endpointModule, weights));
  }
  return {
    modules,
    edges: edges.filter((edge) => known.has(edge.from) && known.has(edge.to)).sort(compareEdges),
  };
}

/** The signals a graph was built from, for `settings.signals`. */
export function getSignals(inputs: SignalInputs): string[] {
  return ['static', 'data', ...(inputs.history ? ['cochange'] : []), ...(inputs.traffic ? ['traffic'] : [])];
}
