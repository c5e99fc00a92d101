/** axe and the page's console, network and cookies on every page, in the light scheme (tests/e2e/axe-audit.ts). */
import { auditEveryPage } from './axe-audit.ts';

auditEveryPage('light');
