/** axe and the page's console, network and cookies on every page, in the dark scheme (tests/e2e/axe-audit.ts). */
import { auditEveryPage } from './axe-audit.ts';

auditEveryPage('dark');
