import { WIDGETS, escapeAttribute, type WidgetTag } from './embed';

/** The languages the preview can show a widget in. */
export const PREVIEW_LANGUAGES = ['nl', 'en', 'fr'] as const;
export type PreviewLanguage = (typeof PREVIEW_LANGUAGES)[number];

/** The round's language as one the preview offers: Dutch for `nl`, `nl-BE`, French for `fr`,
 * `fr-BE`; English otherwise. */
export const previewLanguage = (language: string): PreviewLanguage => {
  const primary = language.toLowerCase().slice(0, 2);
  return primary === 'nl' || primary === 'fr' ? primary : 'en';
};

/**
 * The whole page shown in a widget's preview frame: the real widgets bundle of this CMS and the
 * element for this round, as the embed snippet puts them on a city page, in `language`. No inline
 * script (the admin's Content-Security-Policy, which a srcdoc frame inherits, allows only scripts
 * from the CMS itself).
 */
export function previewDocument(
  cmsOrigin: string,
  roundSlug: string,
  tag: WidgetTag,
  language: PreviewLanguage
): string {
  const origin = escapeAttribute(cmsOrigin.replace(/\/+$/, ''));
  const widget = WIDGETS.find((candidate) => candidate.tag === tag)!;
  const attributes = [
    `round="${escapeAttribute(roundSlug)}"`,
    `api-base="${origin}"`,
    ...Object.entries(widget.attributes).map(
      ([name, value]) => `${name}="${escapeAttribute(value)}"`
    ),
  ].join(' ');
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${tag}</title>`,
    '<style>body{margin:12px;font-family:system-ui,sans-serif;}</style>',
    `<script type="module" src="${origin}/begroot/widgets/begroot.js"></script>`,
    '</head>',
    '<body>',
    `<${tag} ${attributes}></${tag}>`,
    '</body>',
    '</html>',
  ].join('\n');
}
