// /steward (issue #10)
import { mountShell } from './app.js';

await mountShell('steward');
