#!/usr/bin/env node
// `npm run monolith`: the sample shop on PORT (default 3000) with its database at DB_FILE.
// The sample uses a tsconfig path alias (`@shop/*`), so tsx is pointed at its own tsconfig.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../sample-monolith/tsconfig.json', import.meta.url)) });
await import('../sample-monolith/src/server.ts');
