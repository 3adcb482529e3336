// Entry of the scan's helper thread (see scan-files.ts). A worker thread does not inherit the
// TypeScript loader of the thread that started it, so it registers tsx before loading the code.
import { register } from 'tsx/esm/api';

register();
await import('./scan-helper.ts');
