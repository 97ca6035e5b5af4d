import { useEffect, useState } from 'react';
import {
  Badge,
  EmptyStateLayout,
  Flex,
  LinkButton,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';

import { ApiError, useBegrootApi, type RoundRow } from '../api/begroot';
import { SECTION_LABELS, SectionNav, sectionPath } from '../components/SectionNav';
import { useRights } from '../hooks/useRights';
import { useT } from '../hooks/useT';
import { nextStep } from '../lib/nextStep';
import { canOpen } from '../lib/permissions';
import { currentPhaseEnd } from '../lib/phases';

type Counts = Record<string, number | null>;

/** Every round with its current phase and how many proposals it has. */
export const RoundsPage = () => {
  const { t, formatNumber, formatDate } = useT();
  const api = useBegrootApi();
  const rights = useRights();
  const [rounds, setRounds] = useState<RoundRow[] | null>(null);
  const [counts, setCounts] = useState<Counts>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .listRounds()
      .then(async (list) => {
        if (cancelled) return;
        setRounds(list);
        if (!rights.reviewProposals) return;
        const entries = await Promise.all(
          list.map(async (round) => {
            try {
              const page = await api.listProposals(round.slug, 1, 1);
              return [round.slug, page.meta.pagination.total] as const;
            } catch {
              return [round.slug, null] as const;
            }
          })
        );
        if (!cancelled) setCounts(Object.fromEntries(entries));
      })
      .catch((reason: unknown) => {
        if (!cancelled) setError(reason instanceof ApiError ? reason.message : String(reason));
      });
    return () => {
      cancelled = true;
    };
  }, [api, rights.reviewProposals]);

  if (error) return <Page.Error />;
  if (!rounds) return <Page.Loading />;

  const now = new Date();
  /** A link to where the round's work is now, e.g. its voting page while residents vote. */
  const nextLink = (round: RoundRow) => {
    const { section } = nextStep(round.phases, now);
    if (section === 'rounds' || !canOpen(rights, section)) return null;
    const name = t(SECTION_LABELS[section][0], SECTION_LABELS[section][1]);
    return (
      <LinkButton
        tag={Link}
        to={sectionPath(section, round.slug)}
        variant="tertiary"
        size="S"
        aria-label={t('rounds.nextLabel', '{section} of {title}', {
          section: name,
          title: round.title,
        })}
      >
        {t('rounds.next', 'Now: {section}', { section: name })}
      </LinkButton>
    );
  };

  const money = (round: RoundRow, amount: number) =>
    formatNumber(amount, { style: 'currency', currency: round.currency, maximumFractionDigits: 0 });

  return (
    <Page.Main>
      <Page.Title>{t('rounds.title', 'Rounds')}</Page.Title>
      <Layouts.Header
        title={t('rounds.title', 'Rounds')}
        subtitle={t(
          'rounds.subtitle',
          'Each round of participatory budgeting, from ideas to execution.'
        )}
        primaryAction={
          <LinkButton tag={Link} to="/plugins/begroot/rounds/new">
            {t('rounds.new', 'New round')}
          </LinkButton>
        }
        navigationAction={<SectionNav />}
      />
      <Layouts.Content>
        {rounds.length === 0 ? (
          <EmptyStateLayout
            content={t('rounds.empty', 'There is no round yet. Start one from a template.')}
            action={
              <LinkButton tag={Link} to="/plugins/begroot/rounds/new" variant="secondary">
                {t('rounds.new', 'New round')}
              </LinkButton>
            }
          />
        ) : (
          <Table colCount={6} rowCount={rounds.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('rounds.column.title', 'Round')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">
                    {t('rounds.column.phase', 'Current phase')}
                  </Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('rounds.column.budget', 'Budget')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">
                    {t('rounds.column.districts', 'Districts')}
                  </Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">
                    {t('rounds.column.proposals', 'Proposals')}
                  </Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('rounds.column.actions', 'Actions')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {rounds.map((round) => (
                <Tr key={round.slug}>
                  <Td>
                    <Flex direction="column" alignItems="flex-start">
                      <Typography fontWeight="bold">{round.title}</Typography>
                      <Typography variant="pi" textColor="neutral600">
                        {round.slug} ·{' '}
                        {round.mode === 'advise'
                          ? t('mode.advise', 'Advisory')
                          : t('mode.decide', 'Binding')}
                      </Typography>
                    </Flex>
                  </Td>
                  <Td>
                    {round.currentPhase ? (
                      <Flex direction="column" alignItems="flex-start" gap={1}>
                        <Badge>{t(`phase.${round.currentPhase}`, round.currentPhase)}</Badge>
                        <Typography variant="pi" textColor="neutral600">
                          {t('rounds.until', 'until {date}', {
                            date: formatDate(currentPhaseEnd(round.phases, round.currentPhase)!, {
                              dateStyle: 'medium',
                            }),
                          })}
                        </Typography>
                        {nextLink(round)}
                      </Flex>
                    ) : (
                      <Flex direction="column" alignItems="flex-start" gap={1}>
                        <Typography textColor="neutral600">
                          {t('rounds.noPhase', 'Between phases')}
                        </Typography>
                        {nextLink(round)}
                      </Flex>
                    )}
                  </Td>
                  <Td>
                    <Typography>{money(round, round.budget)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{round.districts.length}</Typography>
                  </Td>
                  <Td>
                    <Typography>
                      {counts[round.slug] == null ? '–' : formatNumber(counts[round.slug]!)}
                    </Typography>
                  </Td>
                  <Td>
                    <Flex gap={2}>
                      <LinkButton
                        tag={Link}
                        to={`/plugins/begroot/rounds/${round.slug}`}
                        variant="secondary"
                        size="S"
                        aria-label={t('rounds.editLabel', 'Edit {title}', { title: round.title })}
                      >
                        {t('rounds.edit', 'Edit')}
                      </LinkButton>
                      {rights.reviewProposals ? (
                        <LinkButton
                          tag={Link}
                          to={`/plugins/begroot/review/${round.slug}`}
                          variant="tertiary"
                          size="S"
                          aria-label={t('rounds.reviewLabel', 'Review the proposals of {title}', {
                            title: round.title,
                          })}
                        >
                          {t('rounds.review', 'Review')}
                        </LinkButton>
                      ) : null}
                    </Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
