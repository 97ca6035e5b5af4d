import { useEffect, useRef, useState } from 'react';
import { Box } from '@strapi/design-system';

import { useT } from '../hooks/useT';
import type { WidgetTag } from '../lib/embed';
import { previewDocument, type PreviewLanguage } from '../lib/preview';

/**
 * A widget of this round, live, in a sandboxed frame: the real bundle from this CMS, talking to
 * the real public API.
 *
 * Why `allow-same-origin`: the public API answers cross-origin requests only from the round's
 * allowed origins and from the CMS's own origin (middlewares/public-api-cors.ts). A srcdoc frame
 * with `allow-same-origin` has the admin page's origin, which is the CMS's own, so the preview
 * works without the official adding the CMS to the round's allowed origins. Without it the frame's
 * origin would be opaque (`Origin: null`), which the API rightly never allows: any sandboxed page
 * anywhere sends `null`. The frame's content is our own markup and our own bundle, so letting it
 * run scripts with that origin gives it nothing it did not have. (Where the admin panel is served
 * from another origin than the API, add the admin's origin to the round's allowed origins.)
 *
 * `version` changes after each save: the frame is built anew and shows the saved round.
 */
export const WidgetPreview = ({
  cmsOrigin,
  slug,
  tag,
  language,
  version,
  title,
}: {
  cmsOrigin: string;
  slug: string;
  tag: WidgetTag;
  language: PreviewLanguage;
  version: number;
  title: string;
}) => {
  const { t } = useT();
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(240);

  // Fits the frame to the widget (same origin: the admin may read the frame's size).
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    let observer: ResizeObserver | undefined;
    const watch = () => {
      const body = element.contentDocument?.body;
      if (!body) return;
      observer?.disconnect();
      observer = new ResizeObserver(() =>
        setHeight(Math.min(900, Math.max(120, body.scrollHeight + 24)))
      );
      observer.observe(body);
    };
    element.addEventListener('load', watch);
    return () => {
      element.removeEventListener('load', watch);
      observer?.disconnect();
    };
  }, [version, language, slug, tag]);

  return (
    <Box marginTop={3} borderColor="neutral200" hasRadius overflow="hidden" background="neutral0">
      <iframe
        key={`${version}:${language}:${slug}`}
        ref={frame}
        title={t('preview.frameTitle', 'Preview: {widget}', { widget: title })}
        data-preview={tag}
        sandbox="allow-scripts allow-same-origin"
        srcDoc={previewDocument(cmsOrigin, slug, tag, language)}
        style={{ width: '100%', height, border: 0, display: 'block' }}
      />
    </Box>
  );
};
