import { join } from 'node:path';
import { openRouteStore } from '../../../proxy/store/sqlite-route-store.ts';
import { describeRouteStoreContract } from './route-store.contract.ts';

describeRouteStoreContract('SQLite', (dir) => openRouteStore(join(dir, 'proxy.db')));
