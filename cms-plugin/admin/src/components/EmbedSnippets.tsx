import type { ReactNode } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useClipboard, useNotification } from '@strapi/strapi/admin';

import { useT } from '../hooks/useT';
import { WIDGETS, embedSnippet, type WidgetTag } from '../lib/embed';

/**
 * The copy-paste HTML for each widget of the round, loading the widgets from this CMS; with
 * `preview`, each widget's live preview beside its snippet.
 */
export const EmbedSnippets = ({
  slug,
  preview,
}: {
  slug: string;
  preview?: (tag: WidgetTag, title: string) => ReactNode;
}) => {
  const { t } = useT();
  const { copy } = useClipboard();
  const { toggleNotification } = useNotification();
  const origin =
    (window as { strapi?: { backendURL?: string } }).strapi?.backendURL || window.location.origin;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="omega">
        {t(
          'embed.intro',
          'Paste a snippet into the city’s page where the widget should appear. The script line is needed once per page.'
        )}
      </Typography>
      {WIDGETS.map(({ tag }) => {
        const snippet = embedSnippet(origin, slug, tag);
        return (
          <Box key={tag} borderColor="neutral200" hasRadius padding={3}>
            <Flex justifyContent="space-between" alignItems="center" gap={2}>
              <Typography variant="delta" tag="h3">
                {t(`embed.widget.${tag}`, tag)}
              </Typography>
              <Button
                variant="secondary"
                size="S"
                onClick={async () => {
                  if (await copy(snippet)) {
                    toggleNotification({ type: 'success', message: t('embed.copied', 'Copied') });
                  }
                }}
              >
                {t('embed.copy', 'Copy')}
              </Button>
            </Flex>
            <Box
              tag="pre"
              marginTop={2}
              padding={2}
              background="neutral100"
              style={{ whiteSpace: 'pre-wrap', fontSize: '1.2rem', overflowX: 'auto' }}
            >
              <code>{snippet}</code>
            </Box>
            {preview?.(tag, t(`embed.widget.${tag}`, tag))}
          </Box>
        );
      })}
    </Flex>
  );
};
