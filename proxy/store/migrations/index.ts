/**
 * Every schema migration, in order. To add one, create `NNN-what-it-does.ts` next to this
 * file exporting a `Migration` with the next version number, and append it here.
 */
import { routesAndHistory } from './001-routes-and-history.ts';
import { shadowResults } from './002-shadow-results.ts';
import { trafficSessions } from './003-traffic-sessions.ts';
import type { Migration } from './migration.ts';

export type { Migration } from './migration.ts';

export const MIGRATIONS: readonly Migration[] = [routesAndHistory, shadowResults, trafficSessions];
