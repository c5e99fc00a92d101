/**
 * The one inline script of the site: applies the saved colour scheme (DSFR
 * « Paramètres d'affichage », stored by the DSFR under `scheme`) before the
 * first paint, so dark mode does not flash. Its SHA-256 is added to the
 * Content-Security-Policy (astro.config.mjs): change it here only.
 */
import { createHash } from 'node:crypto';

export const SCHEME_SCRIPT =
  "(function(){try{var s=localStorage.getItem('scheme');var d=s==='dark'||((!s||s==='system')&&window.matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.setAttribute('data-fr-theme',d?'dark':'light');}catch(e){}})();";

export const SCHEME_SCRIPT_HASH = `sha256-${createHash('sha256').update(SCHEME_SCRIPT).digest('base64')}`;
