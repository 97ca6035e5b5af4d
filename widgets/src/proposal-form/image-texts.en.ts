import type { ImageFieldTexts } from './image-texts.js';

/** English. */
export const en: ImageFieldTexts = {
  label: 'Photo or picture',
  hint: (max) => `A JPEG, PNG, GIF or WebP file of at most ${max} MB.`,
  altLabel: 'What does the picture show?',
  altHint: 'For people who cannot see it, for example: The empty lawn on Parklaan.',
  remove: 'Remove the picture',
  chosen: (name) => `Picture ${name} chosen. Describe below what it shows.`,
  removed: 'The picture has been removed.',
  wrongType: 'Choose a photo or picture: a JPEG, PNG, GIF or WebP file (not SVG).',
  tooLarge: (max) => `This picture is too large. Choose one of at most ${max} MB.`,
  gone: 'This image is no longer available. Choose it again and send your idea once more.',
  uploading: 'Sending the picture…',
};
