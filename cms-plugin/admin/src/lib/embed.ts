/** The widgets a round can show on a city's pages, with what each one is for. */
export const WIDGETS = [
  { tag: 'begroot-budget-meter', attributes: {} },
  { tag: 'begroot-proposal-form', attributes: {} },
  { tag: 'begroot-deliberation-board', attributes: {} },
  { tag: 'begroot-vote-ballot', attributes: { 'discussion-url': '/meepraten?voorstel={id}' } },
  { tag: 'begroot-round-timeline', attributes: {} },
  { tag: 'begroot-project-tracker', attributes: { show: 'all' } },
  { tag: 'begroot-panel-signup', attributes: {} },
] as const;

export type WidgetTag = (typeof WIDGETS)[number]['tag'];

/** A value made safe inside a double-quoted HTML attribute. */
export const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The script tag that loads the widgets from this CMS (once per page). */
export function scriptTag(cmsOrigin: string): string {
  return `<script type="module" src="${escapeAttribute(cmsOrigin.replace(/\/+$/, ''))}/begroot/widgets/begroot.js"></script>`;
}

/** Copy-paste HTML for one widget of a round, script tag included. */
export function embedSnippet(cmsOrigin: string, roundSlug: string, tag: WidgetTag): string {
  const widget = WIDGETS.find((candidate) => candidate.tag === tag)!;
  const attributes = [
    `round="${escapeAttribute(roundSlug)}"`,
    ...Object.entries(widget.attributes).map(
      ([name, value]) => `${name}="${escapeAttribute(value)}"`
    ),
  ].join(' ');
  return `${scriptTag(cmsOrigin)}\n\n<${tag} ${attributes}></${tag}>`;
}
