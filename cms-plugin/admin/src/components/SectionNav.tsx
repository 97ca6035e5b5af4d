import { Flex, LinkButton } from '@strapi/design-system';
import { NavLink, useLocation } from 'react-router-dom';

import { useRights } from '../hooks/useRights';
import { useT } from '../hooks/useT';
import { sectionsFor, type Section } from '../lib/permissions';

const LABELS: Record<Section, [string, string]> = {
  rounds: ['nav.rounds', 'Rounds'],
  review: ['nav.review', 'Review queue'],
  moderation: ['nav.moderation', 'Moderation'],
  voting: ['nav.voting', 'Voting'],
  results: ['nav.results', 'Results'],
  execution: ['nav.execution', 'Execution'],
  participation: ['nav.participation', 'Participation'],
};

/** Links to the sections the admin may open; the others are not shown. */
export const SectionNav = () => {
  const { t } = useT();
  const rights = useRights();
  const { pathname } = useLocation();
  const sections = sectionsFor(rights);
  if (sections.length < 2) return null;
  return (
    <Flex gap={2} tag="nav" aria-label={t('nav.label', 'Begroot sections')}>
      {sections.map((section) => {
        const active = pathname.includes(`/begroot/${section}`);
        return (
          <LinkButton
            key={section}
            tag={NavLink}
            to={`/plugins/begroot/${section}`}
            variant={active ? 'default' : 'tertiary'}
            size="S"
            aria-current={active ? 'page' : undefined}
          >
            {t(LABELS[section][0], LABELS[section][1])}
          </LinkButton>
        );
      })}
    </Flex>
  );
};
