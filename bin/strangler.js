#!/usr/bin/env node
// The installed `strangler` command. The sources are TypeScript run through tsx, so `npm ci`
// is the only build step and nothing is downloaded or compiled ahead of time.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
