import { Box, Flex, Typography } from '@strapi/design-system';

import { useT } from '../hooks/useT';
import type { Explanation } from '../lib/explain';

/** The plain-language lines under a setting: what the choice means for residents. */
export const Explanations = ({ lines }: { lines: Explanation[] }) => {
  const { t } = useT();
  return (
    <Box background="primary100" padding={3} hasRadius marginTop={2}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        {lines.map((line) => (
          <Typography key={line.id} variant="omega" textColor="primary700">
            {t(line.id, line.id, line.values)}
          </Typography>
        ))}
      </Flex>
    </Box>
  );
};
