import { defineErrors } from '../../errors/index.ts';

/** Failures loading the proxy configuration (file or flags). */
export const PROXY_CONFIG_ERRORS = defineErrors({
  PROXY_CONFIG_NOT_FOUND: {
    hint: 'Check the path passed to `--config`, e.g. `strangler proxy --config ./proxy.yaml`.',
  },
  PROXY_CONFIG_SYNTAX: {
    hint: 'The file is not valid YAML or JSON; fix the line named in the message.',
  },
  PROXY_CONFIG_INVALID: {
    hint: 'Fix each field named in the message; `strangler proxy --print-schema` prints every field and its type.',
  },
  PROXY_CONFIG_LISTEN: {
    hint: 'Another process uses the port, or the address is not local; pick another `--port`/`--admin-port` (0 picks a free one).',
  },
  PROXY_CONFIG_FLAGS: {
    hint: 'Pass either `--config FILE` or at least `--monolith URL`, e.g. `strangler proxy --monolith http://127.0.0.1:3000 --port 8080`.',
    exitCode: 2,
  },
  PROXY_CONFIG_SESSIONS_FLAG: {
    hint: '`--sessions` takes `authorization` (the Bearer token, the default), `header:NAME` or `cookie:NAME`, e.g. `--sessions cookie:sid`.',
    exitCode: 2,
  },
});
