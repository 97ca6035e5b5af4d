import { Box, Flex, Typography } from '@strapi/design-system';

import { useT } from '../hooks/useT';
import type { FieldError } from '../lib/issues';

/** Errors listed with the path of the field each is about (`voting.points`). */
export const FieldErrors = ({
  errors,
  withPaths = false,
}: {
  errors: FieldError[];
  withPaths?: boolean;
}) => {
  const { t } = useT();
  if (errors.length === 0) return null;
  return (
    <Box background="danger100" borderColor="danger200" hasRadius padding={3} role="alert">
      <Flex direction="column" alignItems="flex-start" gap={1} tag="ul">
        {errors.map((error, index) => (
          <Typography key={`${error.path}-${index}`} tag="li" textColor="danger700">
            {withPaths ? (
              <Typography fontWeight="bold" textColor="danger700">
                {error.path === '' ? t('errors.document', 'Document') : error.path}:{' '}
              </Typography>
            ) : null}
            {error.message}
          </Typography>
        ))}
      </Flex>
    </Box>
  );
};
