import type { Catalogue } from '../i18n/index.js';

/** Texts of the proposal form's optional image field (kept apart from the form's own catalogue). */
export interface ImageFieldTexts {
  label: string;
  hint: (maxMegabytes: string) => string;
  altLabel: string;
  altHint: string;
  remove: string;
  chosen: (fileName: string) => string;
  removed: string;
  wrongType: string;
  tooLarge: (maxMegabytes: string) => string;
  /** The server can no longer use the uploaded image: choose it again. */
  gone: string;
  uploading: string;
}

const nl: ImageFieldTexts = {
  label: 'Foto of afbeelding',
  hint: (max) => `Een JPEG-, PNG-, GIF- of WebP-bestand van hoogstens ${max} MB.`,
  altLabel: 'Wat is er op de afbeelding te zien?',
  altHint: 'Voor wie de afbeelding niet kan zien, bijvoorbeeld: Het lege grasveld aan de Parklaan.',
  remove: 'Afbeelding verwijderen',
  chosen: (name) => `Afbeelding ${name} gekozen. Beschrijf hieronder wat erop te zien is.`,
  removed: 'De afbeelding is verwijderd.',
  wrongType: 'Kies een foto of afbeelding: een JPEG-, PNG-, GIF- of WebP-bestand (geen SVG).',
  tooLarge: (max) => `Deze afbeelding is te groot. Kies er een van hoogstens ${max} MB.`,
  gone: 'Deze afbeelding is niet meer beschikbaar. Kies haar opnieuw en verstuur uw idee nog eens.',
  uploading: 'De afbeelding wordt verstuurd…',
};

export const imageFieldTexts: Catalogue<ImageFieldTexts> = {
  nl,
  en: () => import('./image-texts.en.js').then((module) => module.en),
  fr: () => import('./image-texts.fr.js').then((module) => module.fr),
};
