// /dashboard: drawn by the page module of the same name (issue #10); until then, the shell and the role check.
import { mountShell } from './app.js';

await mountShell('dashboard');
