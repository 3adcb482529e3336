// madge ships no typings; this is the part of its API we use (a prebuilt tree in, cycles out).
declare module 'madge' {
  interface MadgeResult {
    circular(): string[][];
    orphans(): string[];
    obj(): Record<string, string[]>;
  }
  function madge(
    tree: Record<string, string[]> | string,
    config?: Record<string, unknown>,
  ): Promise<MadgeResult>;
  export default madge;
}
