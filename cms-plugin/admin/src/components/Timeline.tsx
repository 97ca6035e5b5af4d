import { Box, Flex, Typography } from '@strapi/design-system';

import { useT } from '../hooks/useT';
import { computeTimeline, type TimelinePhase } from '../lib/timeline';

/** Dark enough for the white phase names on them (at least 4.5:1). */
const COLOURS: Record<string, string> = {
  ideas: '#4945ff',
  review: '#271fe0',
  deliberation: '#006096',
  voting: '#2f6846',
  results: '#9a4a00',
  execution: '#4a4a6a',
};

/** The phases on one line, with gaps and overlaps spelled out under it. */
export const Timeline = ({ phases }: { phases: TimelinePhase[] }) => {
  const { t } = useT();
  const timeline = computeTimeline(phases);
  const phaseName = (kind: string) => t(`phase.${kind}`, kind);
  return (
    <Box>
      <Box
        position="relative"
        height="3.2rem"
        background="neutral150"
        hasRadius
        aria-hidden="true"
        overflow="hidden"
      >
        {timeline.bars.map((bar, index) => (
          <Box
            key={bar.kind}
            position="absolute"
            top={index % 2 === 0 ? 0 : '1.6rem'}
            height="1.6rem"
            style={{
              left: `${bar.offset}%`,
              width: `${Math.max(bar.width, 0.5)}%`,
              background: COLOURS[bar.kind],
            }}
            title={phaseName(bar.kind)}
          >
            <Typography variant="pi" textColor="neutral0" ellipsis style={{ paddingInline: 4 }}>
              {phaseName(bar.kind)}
            </Typography>
          </Box>
        ))}
      </Box>
      <Flex direction="column" alignItems="flex-start" gap={1} marginTop={2} role="status">
        {timeline.issues.length === 0 && timeline.bars.length > 0 ? (
          <Typography variant="omega" textColor="success600">
            {t('timeline.ok', 'The phases follow on without gaps or overlaps.')}
          </Typography>
        ) : null}
        {timeline.issues.map((issue) => (
          <Typography
            key={`${issue.type}-${issue.phases.join('-')}`}
            variant="omega"
            textColor={issue.type === 'gap' ? 'warning600' : 'danger600'}
          >
            {issue.type === 'invalid'
              ? t('timeline.invalid', 'The {phase} phase must end after it starts.', {
                  phase: phaseName(issue.phases[0]!),
                })
              : t(
                  `timeline.${issue.type}`,
                  issue.type === 'gap'
                    ? 'No phase runs for {days} days between {first} and {second}.'
                    : '{first} and {second} overlap by {days} days.',
                  {
                    days: issue.days,
                    first: phaseName(issue.phases[0]!),
                    second: phaseName(issue.phases[1]!),
                  }
                )}
          </Typography>
        ))}
      </Flex>
    </Box>
  );
};
