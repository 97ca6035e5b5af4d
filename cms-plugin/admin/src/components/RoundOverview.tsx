import { Badge, Box, Flex, LinkButton, Typography } from '@strapi/design-system';
import type { Phase } from '@begroot/core';
import { Link } from 'react-router-dom';

import { useRights } from '../hooks/useRights';
import { useT } from '../hooks/useT';
import { nextStep } from '../lib/nextStep';
import { canOpen } from '../lib/permissions';
import { SECTION_LABELS, sectionPath } from './SectionNav';

/** What each moment of a round asks of the content team, in plain words. */
const ADVICE: Record<string, string> = {
  before:
    'Check the settings below and put the widgets on the city’s website before the first phase starts.',
  between: 'No phase is running. Check the dates of the next phase below.',
  after: 'All phases are over. Keep residents informed with updates on the funded proposals.',
  ideas: 'Residents are sending in proposals. Check each new one in the review queue.',
  review:
    'Give every proposal its official cost, a status and a public reason in the review queue.',
  deliberation: 'Residents discuss the proposals. Handle reported arguments in moderation.',
  voting: 'Issue voting codes, enter paper ballots and set up kiosks.',
  results: 'Count the votes, compare the outcome with greedy and publish the results.',
  execution: 'Post the progress and the money spent for every funded proposal.',
};

/**
 * A round's "where are we and what now": the phase running and the work it asks for, with a link
 * to the section where it is done (the section links above lead to the round's other pages).
 */
export const RoundOverview = ({
  slug,
  phases,
}: {
  slug: string;
  phases: ReadonlyArray<Pick<Phase, 'kind' | 'start' | 'end' | 'closedAt'>>;
}) => {
  const { t, formatDate } = useT();
  const rights = useRights();
  const step = nextStep(phases, new Date());
  const day = (instant: string) => formatDate(instant, { dateStyle: 'long' });
  const phaseName = (kind: string) => t(`phase.${kind}`, kind);
  const adviceKey = step.phase ?? step.stage;
  const where =
    step.stage === 'running'
      ? t('overview.running', '{phase} phase, until {date}.', {
          phase: phaseName(step.phase!),
          date: day(step.until!),
        })
      : step.stage === 'after'
        ? t('overview.over', 'All phases are over.')
        : !step.upcoming
          ? t('overview.noPhases', 'The round has no phases yet: add them below.')
          : t('overview.upcoming', 'The {phase} phase starts on {date}.', {
              phase: phaseName(step.upcoming!.kind),
              date: day(step.upcoming!.start),
            });
  return (
    <Box
      background="primary100"
      borderColor="primary200"
      padding={6}
      hasRadius
      tag="section"
      aria-labelledby="begroot-overview"
    >
      <Flex direction="column" alignItems="flex-start" gap={3}>
        <Typography variant="delta" tag="h2" id="begroot-overview">
          {t('overview.title', 'Where this round stands')}
        </Typography>
        <Flex gap={2} wrap="wrap">
          <Badge>
            {step.phase ? phaseName(step.phase) : t(`overview.stage.${step.stage}`, step.stage)}
          </Badge>
          <Typography>{where}</Typography>
        </Flex>
        <Typography tag="p">
          <Typography fontWeight="bold">{t('overview.now', 'What to do now:')}</Typography>{' '}
          {t(`overview.next.${adviceKey}`, ADVICE[adviceKey]!)}
        </Typography>
        {step.section !== 'rounds' && canOpen(rights, step.section) ? (
          <LinkButton tag={Link} to={sectionPath(step.section, slug)}>
            {t('overview.go', 'Go to {section}', {
              section: t(SECTION_LABELS[step.section][0], SECTION_LABELS[step.section][1]),
            })}
          </LinkButton>
        ) : null}
      </Flex>
    </Box>
  );
};
