import { Box, Flex, Typography } from '@strapi/design-system';

import { useT } from '../hooks/useT';

/** One dated line of what residents see happened to a proposal. */
export type HistoryEntry = { at: string; text: string };

/** A proposal's dated public entries under a heading, in the order given. */
export const PublicHistory = ({ title, entries }: { title: string; entries: HistoryEntry[] }) => {
  const { formatDate } = useT();
  return (
    <Box tag="section">
      <Typography variant="sigma" tag="h3">
        {title}
      </Typography>
      <Flex direction="column" alignItems="flex-start" gap={1} tag="ol" marginTop={2}>
        {entries.map((entry, index) => (
          <Typography key={`${entry.at}-${index}`} tag="li" variant="omega">
            {formatDate(entry.at, { dateStyle: 'medium' })} · {entry.text}
          </Typography>
        ))}
      </Flex>
    </Box>
  );
};
