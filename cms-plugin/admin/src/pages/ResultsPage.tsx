import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Dialog,
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
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';

import { ApiError, openDataUrl, useBegrootApi, type PublishedResults } from '../api/begroot';
import { FieldErrors } from '../components/FieldErrors';
import { RoundPicker, useRoundList, withRoundTitle } from '../components/RoundPicker';
import { SectionNav } from '../components/SectionNav';
import { useRights } from '../hooks/useRights';
import { useT } from '../hooks/useT';
import type { Explanation } from '../lib/explain';
import {
  compareOutcomes,
  differences,
  type ComparedDistrict,
  type CountedResults,
} from '../lib/results';

const CHANGE_BACKGROUND = { same: undefined, onlyRule: 'success100', onlyGreedy: 'warning100' };

/** Funded or not, in colours that keep 4.5:1 contrast (Strapi's active badge does not). */
const FundedBadge = ({ funded, yes, no }: { funded: boolean; yes: string; no: string }) => (
  <Badge
    backgroundColor={funded ? 'success100' : 'neutral150'}
    textColor={funded ? 'success700' : 'neutral800'}
  >
    {funded ? yes : no}
  </Badge>
);

/** One district: budget and spending, every proposal under both rules, and why. */
const DistrictOutcome = ({
  district,
  ruleName,
}: {
  district: ComparedDistrict;
  ruleName: string;
}) => {
  const { t, formatNumber } = useT();
  const say = (line: Explanation) => t(line.id, line.id, line.values);
  const name = district.district ?? t('results.cityWide', 'City-wide');
  const yes = t('results.yes', 'Funded');
  const no = t('results.no', 'Not funded');
  const withGreedy = district.spentByGreedy !== null;
  return (
    <Box tag="section" aria-label={name}>
      <Typography variant="delta" tag="h2">
        {name}
      </Typography>
      <Typography tag="p" textColor="neutral700">
        {district.spentByGreedy !== null
          ? t(
              'results.districtSummary',
              'Budget {budget}; spent {spent} ({rule}), {greedy} by greedy',
              {
                budget: formatNumber(district.budget),
                spent: formatNumber(district.spent),
                rule: ruleName,
                greedy: formatNumber(district.spentByGreedy),
              }
            )
          : t('results.districtSpent', 'Budget {budget}; spent {spent} ({rule})', {
              budget: formatNumber(district.budget),
              spent: formatNumber(district.spent),
              rule: ruleName,
            })}
      </Typography>
      <Box marginTop={2}>
        <Table colCount={withGreedy ? 6 : 5} rowCount={district.proposals.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('results.column.proposal', 'Proposal')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('results.column.votes', 'Votes')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('results.column.cost', 'Cost')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{ruleName}</Typography>
              </Th>
              {withGreedy ? (
                <Th>
                  <Typography variant="sigma">{t('results.column.greedy', 'Greedy')}</Typography>
                </Th>
              ) : null}
              <Th>
                <Typography variant="sigma">{t('results.column.why', 'Why')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {district.proposals.map((proposal) => (
              <Tr
                key={proposal.documentId}
                background={CHANGE_BACKGROUND[proposal.change]}
                data-change={proposal.change}
              >
                <Td>
                  <Typography fontWeight="bold">{proposal.title}</Typography>
                </Td>
                <Td>
                  <Typography>{formatNumber(proposal.votes)}</Typography>
                </Td>
                <Td>
                  <Typography>{formatNumber(proposal.cost)}</Typography>
                </Td>
                <Td>
                  <FundedBadge funded={proposal.funded} yes={yes} no={no} />
                </Td>
                {proposal.fundedByGreedy !== null ? (
                  <Td>
                    <FundedBadge funded={proposal.fundedByGreedy} yes={yes} no={no} />
                  </Td>
                ) : null}
                <Td style={{ whiteSpace: 'normal' }}>
                  <Typography tag="p">{say(proposal.explanation)}</Typography>
                  {proposal.difference ? (
                    <Typography tag="p" fontWeight="bold" textColor="neutral800">
                      {say(proposal.difference)}
                    </Typography>
                  ) : null}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Box>
    </Box>
  );
};

/** Count a round, compare its outcome with greedy, publish it and download its open data. */
export const ResultsPage = () => {
  const { slug = '' } = useParams();
  const { t, formatDate, formatNumber } = useT();
  const api = useBegrootApi();
  const rights = useRights();
  const rounds = useRoundList();
  const { toggleNotification } = useNotification();
  const [counted, setCounted] = useState<CountedResults | null>(null);
  const [published, setPublished] = useState<PublishedResults | null | undefined>(undefined);
  const [busy, setBusy] = useState<'count' | 'publish' | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const loadPublished = useCallback(() => {
    if (!slug) return;
    setPublished(undefined);
    // Not published is an answer (null); a failed load leaves it unknown, so the page never
    // offers to publish for the first time on the strength of an error.
    api.publishedResults(slug).then(setPublished, (error: unknown) => {
      setFailed(error instanceof ApiError ? error.message : String(error));
    });
  }, [api, slug]);
  useEffect(() => {
    setCounted(null);
    setFailed(null);
    loadPublished();
  }, [loadPublished]);

  const run = async (kind: 'count' | 'publish') => {
    setBusy(kind);
    setFailed(null);
    try {
      if (kind === 'count') setCounted(await api.countResults(slug));
      else {
        await api.publishResults(slug);
        toggleNotification({
          type: 'success',
          message: t(
            'results.publishedNotice',
            'The results and the anonymous ballots are public.'
          ),
        });
        loadPublished();
      }
    } catch (error) {
      setFailed(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };

  const ruleName = (rule: unknown) =>
    (rule as { rule?: string }).rule === 'greedy'
      ? t('results.rule.greedy', 'Greedy')
      : t('results.rule.mes', 'Equal shares');
  // The last count beside greedy; else the published outcome alone.
  const compared = counted
    ? compareOutcomes(counted)
    : published
      ? compareOutcomes({ results: published.data, greedy: null })
      : null;
  const shownRule = counted?.results.rule ?? published?.data.rule;

  return (
    <Page.Main>
      <Page.Title>{t('results.title', 'Results')}</Page.Title>
      <Layouts.Header
        title={withRoundTitle(t('results.title', 'Results'), rounds, slug)}
        subtitle={t(
          'results.subtitle',
          'Count the votes, compare the outcome with greedy, publish it with its open data.'
        )}
        navigationAction={<SectionNav />}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <RoundPicker slug={slug} rounds={rounds} base="/plugins/begroot/results" />
          {failed ? <FieldErrors errors={[{ path: '', message: failed }]} /> : null}
          {slug ? (
            <Flex gap={3} wrap="wrap" alignItems="center">
              {rights.countResults ? (
                <Button
                  onClick={() => void run('count')}
                  loading={busy === 'count'}
                  disabled={busy !== null}
                >
                  {t('results.count', 'Count the votes')}
                </Button>
              ) : null}
              {rights.publishResults ? (
                <Dialog.Root>
                  <Dialog.Trigger>
                    <Button variant="secondary" disabled={busy !== null || published === undefined}>
                      {published
                        ? t('results.publishAgain', 'Publish the last count again')
                        : t('results.publish', 'Publish the results')}
                    </Button>
                  </Dialog.Trigger>
                  <Dialog.Content>
                    <Dialog.Header>
                      {t('results.confirmTitle', 'Publish the results?')}
                    </Dialog.Header>
                    <Dialog.Body>
                      <Typography tag="p">
                        {t(
                          'results.confirmText',
                          'The last count becomes public, with the anonymous ballots so anyone can count again; every counted proposal becomes funded or not funded. This cannot be undone.'
                        )}
                      </Typography>
                    </Dialog.Body>
                    <Dialog.Footer>
                      <Dialog.Cancel>
                        <Button fullWidth variant="tertiary">
                          {t('cancel', 'Cancel')}
                        </Button>
                      </Dialog.Cancel>
                      <Dialog.Action>
                        <Button fullWidth onClick={() => void run('publish')}>
                          {t('results.confirmPublish', 'Publish')}
                        </Button>
                      </Dialog.Action>
                    </Dialog.Footer>
                  </Dialog.Content>
                </Dialog.Root>
              ) : null}
              {published ? (
                <LinkButton variant="tertiary" href={openDataUrl(slug)} download>
                  {t('results.download', 'Download the open data package (.zip)')}
                </LinkButton>
              ) : null}
            </Flex>
          ) : null}

          {slug && published ? (
            <Box background="success100" padding={4} hasRadius>
              <Typography tag="p">
                {t('results.publishedAt', 'Published: the count of {date}, {ballots} ballots.', {
                  date: formatDate(published.meta.countedAt, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  }),
                  ballots: formatNumber(published.meta.ballots),
                })}
              </Typography>
            </Box>
          ) : slug && published === null ? (
            <Typography textColor="neutral600" tag="p">
              {t('results.notPublished', 'The results of this round are not published yet.')}
            </Typography>
          ) : null}

          {compared && shownRule ? (
            <Flex direction="column" alignItems="stretch" gap={6}>
              {counted ? (
                <Box background="primary100" padding={4} hasRadius>
                  <Typography tag="p">
                    {t(
                      'results.countedAt',
                      'Counted {date}: {ballots} ballots. {changes} proposals fare differently under greedy (marked).',
                      {
                        date: formatDate(counted.countedAt, {
                          dateStyle: 'medium',
                          timeStyle: 'short',
                        }),
                        ballots: formatNumber(counted.ballots),
                        changes: differences(compared),
                      }
                    )}
                  </Typography>
                </Box>
              ) : null}
              {compared.map((district) => (
                <DistrictOutcome
                  key={district.district ?? ''}
                  district={district}
                  ruleName={ruleName(district.rule ?? shownRule)}
                />
              ))}
            </Flex>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
