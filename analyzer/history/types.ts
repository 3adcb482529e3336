/** The part of a repository's history the co-change signal needs, as plain data. */
export interface ChangeCommit {
  hash: string;
  /** Files changed, relative to the analysed root, POSIX separators. */
  files: string[];
}

export interface ChangeHistory {
  commits: ChangeCommit[];
  /** Commits left out because they touched more than `maxFilesPerCommit` files. */
  skippedHuge: number;
}

export interface HistoryOptions {
  /** Read at most this many recent non-merge commits. */
  maxCommits: number;
  /** A commit touching more files than this (a reformat, a rename sweep) says nothing about coupling. */
  maxFilesPerCommit: number;
}

export const DEFAULT_HISTORY_OPTIONS: Readonly<HistoryOptions> = Object.freeze({
  maxCommits: 1000,
  maxFilesPerCommit: 30,
});
