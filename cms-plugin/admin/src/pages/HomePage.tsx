import { Box, Flex, LinkButton, Main, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';

import { getTranslation } from '../utils/getTranslation';

const ROUNDS_PATH = '/content-manager/collection-types/plugin::begroot.round';

const HomePage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(id), defaultMessage });

  return (
    <Main>
      <Box padding={8}>
        <Flex direction="column" alignItems="flex-start" gap={4}>
          <Typography variant="alpha" tag="h1">
            {t('home.title', 'Begroot: participatory budgeting')}
          </Typography>
          <Typography variant="omega">
            {t(
              'home.intro',
              'Rounds are edited in the Content Manager for now; each save is checked against the round’s schema.'
            )}
          </Typography>
          <LinkButton tag={Link} to={ROUNDS_PATH}>
            {t('home.rounds', 'Open the rounds')}
          </LinkButton>
        </Flex>
      </Box>
    </Main>
  );
};

export { HomePage };
