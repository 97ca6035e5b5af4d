import type { ImageFieldTexts } from './image-texts.js';

/** French (Brussels): formal `vous`, French spacing before `:` and `?`. */
export const fr: ImageFieldTexts = {
  label: 'Photo ou image',
  hint: (max) => `Un fichier JPEG, PNG, GIF ou WebP de ${max}\u00a0Mo au maximum.`,
  altLabel: 'Que montre l’image\u202f?',
  altHint:
    'Pour les personnes qui ne peuvent pas la voir, par exemple\u00a0: La pelouse vide de l’avenue du Parc.',
  remove: 'Supprimer l’image',
  chosen: (name) => `Image ${name} choisie. Décrivez ci-dessous ce qu’elle montre.`,
  removed: 'L’image a été supprimée.',
  wrongType:
    'Choisissez une photo ou une image\u00a0: un fichier JPEG, PNG, GIF ou WebP (pas de SVG).',
  tooLarge: (max) => `Cette image est trop grande. Choisissez-en une de ${max}\u00a0Mo au maximum.`,
  gone: 'Cette image n’est plus disponible. Choisissez-la à nouveau et renvoyez votre idée.',
  uploading: 'Envoi de l’image…',
};
