import { Flex, LinkButton } from '@strapi/design-system';
import { NavLink, useLocation, useParams } from 'react-router-dom';

import { useRights } from '../hooks/useRights';
import { useT } from '../hooks/useT';
import { sectionsFor, type Section } from '../lib/permissions';

export const SECTION_LABELS: Record<Section, [string, string]> = {
  rounds: ['nav.rounds', 'Rounds'],
  review: ['nav.review', 'Review queue'],
  moderation: ['nav.moderation', 'Moderation'],
  voting: ['nav.voting', 'Voting'],
  results: ['nav.results', 'Results'],
  execution: ['nav.execution', 'Execution'],
  participation: ['nav.participation', 'Participation'],
  panel: ['nav.panel', "Citizens' panel"],
};

/** A section's page for one round (the rounds section opens the round's settings). */
export const sectionPath = (section: Section, slug?: string) =>
  `/plugins/begroot/${section}${slug ? `/${encodeURIComponent(slug)}` : ''}`;

/**
 * Links to the sections the admin may open; the others are not shown. On a round's page each
 * link keeps that round, so moving between sections does not mean choosing it again.
 */
export const SectionNav = () => {
  const { t } = useT();
  const rights = useRights();
  const { pathname } = useLocation();
  const { slug } = useParams();
  const sections = sectionsFor(rights);
  if (sections.length < 2) return null;
  return (
    <Flex gap={2} tag="nav" aria-label={t('nav.label', 'Begroot sections')} wrap="wrap">
      {sections.map((section) => {
        const active = pathname.includes(`/begroot/${section}`);
        return (
          <LinkButton
            key={section}
            tag={NavLink}
            to={sectionPath(section, section === 'rounds' ? undefined : slug)}
            variant={active ? 'default' : 'tertiary'}
            size="S"
            aria-current={active ? 'page' : undefined}
          >
            {t(SECTION_LABELS[section][0], SECTION_LABELS[section][1])}
          </LinkButton>
        );
      })}
    </Flex>
  );
};
