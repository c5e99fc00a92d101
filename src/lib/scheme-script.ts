/**
 * The one inline script of the site, run before the first paint: applies the
 * saved colour scheme (DSFR « Paramètres d'affichage », stored by the DSFR
 * under `scheme`) so dark mode does not flash, and marks <html> with
 * `js-actif` so that controls needing JavaScript show without a pop-in.
 * Its SHA-256 is added to the Content-Security-Policy (astro.config.mjs):
 * change it here only.
 */
import { createHash } from 'node:crypto';

export const SCHEME_SCRIPT =
  "(function(){try{var s=localStorage.getItem('scheme');var d=s==='dark'||((!s||s==='system')&&window.matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.setAttribute('data-fr-theme',d?'dark':'light');}catch(e){}document.documentElement.classList.add('js-actif');})();";

export const SCHEME_SCRIPT_HASH: `sha256-${string}` = `sha256-${createHash('sha256').update(SCHEME_SCRIPT).digest('base64')}`;
