/**
 * axe's serious or critical findings on the editing interface that come
 * from Decap CMS's own markup, not from our configuration (labels, hints,
 * options are ours and have none). tests/cms.test.ts fails on any other, and
 * on one of these that GUIDE-EDITEUR.md does not list. To remove when Decap
 * fixes them.
 */
export const KNOWN_UPSTREAM_AXE: Readonly<Record<string, string>> = {
  'color-contrast': 'le gris des libellés et des boutons secondaires du thème de Decap est trop clair sur son fond',
  'aria-command-name': 'les poignées de réordonnancement des listes (role="button") n’ont pas de nom',
  'aria-input-field-name': 'les listes déroulantes (react-select) exposent un role="combobox" ou "listbox" sans nom',
  'aria-required-attr': 'les interrupteurs (champs oui/non) ont role="switch" sans aria-checked tant qu’ils n’ont pas été touchés',
  'button-name': 'des boutons faits d’une seule icône (replier, supprimer un élément de liste) n’ont pas de nom',
  'frame-title': 'le volet d’aperçu est un <iframe> sans attribut title',
  'nested-interactive': 'l’en-tête des groupes repliables est un bouton qui contient d’autres boutons',
};
