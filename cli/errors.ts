import { defineErrors } from '../errors/index.ts';

export const CLI_ERRORS = defineErrors({
  CLI_USAGE: {
    hint: 'Run `strangler <command> --help` to see the arguments the command takes.',
    exitCode: 2,
  },
  CLI_NOT_IMPLEMENTED: {
    hint: 'This command is planned but not built yet; see README.md for what works today.',
  },
  CLI_UNEXPECTED: {
    hint: 'This is a bug in strangler. Re-run with STRANGLER_DEBUG=1 for the stack trace and report it.',
  },
});
