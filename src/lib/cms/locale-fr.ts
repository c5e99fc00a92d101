/**
 * The strings Decap CMS's French locale lacks (its English locale has them):
 * without them the interface would show English here and there. A test
 * (locale-fr.test.ts) fails when an upgrade of Decap adds strings the French
 * locale does not translate and this table does not either.
 */
export type Phrases = { [key: string]: string | Phrases };

export const FRENCH_COMPLEMENT: Phrases = {
  auth: { loginWithForgejo: 'Se connecter avec Forgejo' },
  collection: {
    collectionTop: { viewAsList: 'Afficher en liste', viewAsGrid: 'Afficher en grille' },
    entries: { unpublishedHeader: 'Fiches non publiées' },
  },
  editor: {
    editorControl: { field: { widgetLabel: 'Champ %{widgetLabel}' } },
    editorControlPane: {
      i18n: {
        copyFromLocale: 'Reprendre depuis une autre langue',
        copyFromLocaleConfirm: 'Reprendre le contenu de la langue %{locale} ?\nTout le contenu actuel sera remplacé.',
      },
    },
    editorInterface: { toggleNotes: 'Afficher ou masquer les notes' },
    editorNotesPane: {
      title: 'Notes',
      emptyState: 'Aucune note pour l’instant. Ajoutez la première ci-dessous pour échanger avec les relecteurs.',
      addNote: 'Ajouter la note',
      addPlaceholder: 'Ajouter une note…',
      editPlaceholder: 'Modifier la note…',
      save: 'Enregistrer',
      cancel: 'Annuler',
      edit: 'Modifier',
      delete: 'Supprimer',
      resolve: 'Marquer comme traitée',
      unresolve: 'Rouvrir',
      confirmDelete: 'Supprimer cette note ?',
      shortcut: 'Astuce : Ctrl + Entrée ajoute la note',
    },
    editorToolbar: {
      statusInfoTooltipDraft: 'La fiche est un brouillon. Pour la proposer à la relecture, passez son statut à « En cours de révision ».',
      statusInfoTooltipInReview: 'La fiche est en relecture : rien d’autre n’est à faire. Vous pouvez encore la modifier pendant la relecture.',
    },
    editorWidgets: {
      markdown: {
        strikethrough: 'Barré',
        toggleMode: { rich: 'Passer en mode texte enrichi', markdown: 'Passer en mode Markdown' },
      },
      image: { chooseMultiple: 'Choisir des images', addMore: 'Ajouter d’autres images', removeAll: 'Retirer toutes les images' },
      file: { chooseMultiple: 'Choisir des fichiers', addMore: 'Ajouter d’autres fichiers', removeAll: 'Retirer tous les fichiers' },
      datetime: { setToNow: 'Mettre %{fieldLabel} à la date du jour' },
      object: { expand: 'Déplier', collapse: 'Replier' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: 'Fermer' } },
  ui: {
    settingsDropdown: { account: 'Menu du compte' },
    toast: {
      noteAdded: 'Note ajoutée',
      onFailToAddNote: 'La note n’a pas pu être ajoutée : %{details}',
      noteUpdated: 'Note modifiée',
      onFailToUpdateNote: 'La note n’a pas pu être modifiée : %{details}',
      noteDeleted: 'Note supprimée',
      onFailToDeleteNote: 'La note n’a pas pu être supprimée : %{details}',
      noteResolved: 'Note marquée comme traitée',
      noteReopened: 'Note rouverte',
      onFailToToggleNote: 'L’état de la note n’a pas pu être changé : %{details}',
    },
  },
};

/**
 * The few French strings of Decap replaced on purpose: the « new » button is
 * a full-width plus sign (U+FF0B) that fonts without it show as an empty box,
 * and says nothing to a screen reader.
 */
export const FRENCH_OVERRIDES: Phrases = {
  collection: { collectionTop: { newButton: 'Ajouter : %{collectionLabel}' } },
};

/** `base` with `extra`'s phrases where `base` has none (never replacing a translation Decap ships). */
export function completePhrases(base: Phrases, extra: Phrases, { replace = false } = {}): Phrases {
  const out: Phrases = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    if (current === undefined || (replace && typeof value === 'string')) out[key] = value;
    else if (typeof current === 'object' && typeof value === 'object') out[key] = completePhrases(current, value, { replace });
  }
  return out;
}

/** Decap's French phrases as the interface uses them: completed, then the overrides. */
export const frenchPhrases = (shipped: Phrases): Phrases => completePhrases(completePhrases(shipped, FRENCH_COMPLEMENT), FRENCH_OVERRIDES, { replace: true });
