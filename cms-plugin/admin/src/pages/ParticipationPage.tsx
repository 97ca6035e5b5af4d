import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Box, Button, Flex, Grid, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import type { ParticipationFigures } from '@begroot/core';

import { ApiError, useBegrootApi } from '../api/begroot';
import { DailyChart, HeaderRow, ShareChart } from '../components/ParticipationCharts';
import { RoundPicker, useRoundList, withRoundTitle } from '../components/RoundPicker';
import { SectionNav } from '../components/SectionNav';
import { useT } from '../hooks/useT';
import { allDistricts, bandShares, perDay, share, whoIsMissing } from '../lib/participation';

const STATE_COLOUR = {
  under: 'danger600',
  over: 'neutral800',
  fair: 'success600',
  unknown: 'neutral600',
} as const;

/**
 * Who takes part in a round while it runs: votes and proposals over time, per district against
 * its population, and age bands against the residents, so officials see who is missing in time.
 */
export const ParticipationPage = () => {
  const { slug = '' } = useParams();
  const { t, formatNumber, formatDate } = useT();
  const api = useBegrootApi();
  const rounds = useRoundList();
  const [figures, setFigures] = useState<ParticipationFigures | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(() => {
    if (!slug) return;
    setLoading(true);
    setProblem(null);
    api.participation(slug).then(
      (data) => {
        setFigures(data);
        setLoading(false);
      },
      (error: unknown) => {
        setFigures(null);
        setProblem(error instanceof ApiError ? error.message : String(error));
        setLoading(false);
      }
    );
  }, [api, slug]);
  useEffect(load, [load]);

  const percent = (value: number | null) =>
    value === null ? '–' : formatNumber(value, { style: 'percent', maximumFractionDigits: 1 });
  const dayLabel = (day: string) =>
    formatDate(`${day}T12:00:00Z`, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const districtName = (name: string, slugOf: string | null) =>
    slugOf === null ? t('participation.noDistrict', 'No district') : name;

  return (
    <Page.Main>
      <Page.Title>{t('participation.title', 'Participation')}</Page.Title>
      <Layouts.Header
        title={withRoundTitle(t('participation.title', 'Participation'), rounds, slug)}
        subtitle={t(
          'participation.subtitle',
          'Who takes part while the round runs: votes and proposals over time, districts and age groups.'
        )}
        primaryAction={
          slug ? (
            <Button variant="secondary" onClick={load} loading={loading}>
              {t('participation.refresh', 'Refresh')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <SectionNav />
          <Box maxWidth="40rem">
            <RoundPicker slug={slug} rounds={rounds} base="/plugins/begroot/participation" />
          </Box>
          {problem ? (
            <Typography textColor="danger600" role="alert">
              {problem}
            </Typography>
          ) : null}
          {!slug ? (
            <Typography>
              {t('participation.choose', 'Choose a round to see who takes part.')}
            </Typography>
          ) : null}
          {figures && figures.round.slug === slug ? (
            <Figures
              figures={figures}
              percent={percent}
              dayLabel={dayLabel}
              districtName={districtName}
            />
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

const Panel = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius tag="section">
    <Typography variant="beta" tag="h2">
      {title}
    </Typography>
    <Box marginTop={4}>{children}</Box>
  </Box>
);

const Figures = ({
  figures,
  percent,
  dayLabel,
  districtName,
}: {
  figures: ParticipationFigures;
  percent: (value: number | null) => string;
  dayLabel: (day: string) => string;
  districtName: (name: string, slug: string | null) => string;
}) => {
  const { t } = useT();
  const today = new Date().toISOString().slice(0, 10);
  const open = figures.round.currentPhase === 'voting';
  const votes = perDay(figures.votesPerDay, open ? { until: today } : {});
  const proposals = perDay(figures.proposalsPerDay);
  const whole = allDistricts(figures);
  const missing = whoIsMissing(figures);
  const channelCount = (channel: string) =>
    figures.channels.find((row) => row.channel === channel)?.count ?? 0;

  return (
    <>
      <Grid.Root gap={4}>
        {[
          [t('participation.ballots', 'Ballots'), String(figures.totals.ballots)],
          [
            t('participation.turnout', 'Turnout'),
            percent(share(figures.totals.ballots, whole.population)),
          ],
          [t('participation.proposals', 'Proposals'), String(figures.totals.proposals)],
          [
            t('participation.channels', 'Online / kiosk / paper'),
            `${channelCount('online')} / ${channelCount('kiosk')} / ${channelCount('paper')}`,
          ],
        ].map(([label, value]) => (
          <Grid.Item key={label} col={3} s={6} direction="column" alignItems="stretch">
            <Box background="neutral0" padding={4} shadow="filterShadow" hasRadius>
              <Typography variant="sigma" textColor="neutral600" tag="p">
                {label}
              </Typography>
              <Typography variant="alpha" tag="p" data-figure={label}>
                {value}
              </Typography>
            </Box>
          </Grid.Item>
        ))}
      </Grid.Root>

      <Panel title={t('participation.missing', 'Who is missing')}>
        {missing.length === 0 ? (
          <Typography>
            {t(
              'participation.noneMissing',
              'No district or age group is well below its share so far.'
            )}
          </Typography>
        ) : (
          <ul style={{ paddingInlineStart: '2rem', listStyle: 'disc' }}>
            {missing.map((item) => (
              <li key={item.kind === 'band' ? `${item.district}:${item.band}` : item.district}>
                <Typography>
                  {item.kind === 'district'
                    ? t(
                        'participation.missingDistrict',
                        '{district}: turnout {turnout}, against {average} in the whole round.',
                        {
                          district: item.district,
                          turnout: percent(item.turnout),
                          average: percent(item.average),
                        }
                      )
                    : t(
                        'participation.missingBand',
                        '{district}: residents aged {band} vote {ratio} as often as their share.',
                        {
                          district: item.district ?? t('participation.wholeRound', 'Whole round'),
                          band: item.band,
                          ratio: percent(item.ratio),
                        }
                      )}
                </Typography>
              </li>
            ))}
          </ul>
        )}
      </Panel>

      <Panel title={t('participation.overTime', 'Over time')}>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <DailyChart
            title={t('participation.votesPerDay', 'Ballots per day')}
            summary={t('participation.votesSummary', '{count} ballots over {days} days.', {
              count: figures.totals.ballots,
              days: votes.length,
            })}
            series={votes}
            dayLabel={dayLabel}
            dayHeader={t('participation.day', 'Day')}
            countHeader={t('participation.ballots', 'Ballots')}
          />
          <DailyChart
            title={t('participation.proposalsPerDay', 'Proposals per day')}
            summary={t('participation.proposalsSummary', '{count} proposals over {days} days.', {
              count: figures.totals.proposals,
              days: proposals.length,
            })}
            series={proposals}
            dayLabel={dayLabel}
            dayHeader={t('participation.day', 'Day')}
            countHeader={t('participation.proposals', 'Proposals')}
          />
        </Flex>
      </Panel>

      <Panel title={t('participation.districts', 'Per district')}>
        <Table colCount={5} rowCount={figures.districts.length + 1}>
          <HeaderRow
            headers={[
              t('participation.district', 'District'),
              t('participation.population', 'Residents'),
              t('participation.ballots', 'Ballots'),
              t('participation.turnout', 'Turnout'),
              t('participation.proposals', 'Proposals'),
            ]}
          />
          <Tbody>
            {figures.districts.map((district) => (
              <Tr key={district.slug ?? ''} data-district={district.slug ?? ''}>
                <Td>
                  <Typography fontWeight="bold">
                    {districtName(district.name, district.slug)}
                  </Typography>
                </Td>
                <Td>
                  <Typography>{district.population ?? '–'}</Typography>
                </Td>
                <Td>
                  <Typography>{district.ballots}</Typography>
                </Td>
                <Td>
                  <Typography>{percent(share(district.ballots, district.population))}</Typography>
                </Td>
                <Td>
                  <Typography>{district.proposals}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Panel>

      {figures.askAgeBand || figures.ageBands.length > 0 ? (
        <Panel title={t('participation.ageBands', 'Age groups')}>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {t(
              'participation.ageBandsHint',
              'Voters may give their age group on the ballot; it is counted apart from their vote. Shares are of the voters who gave one.'
            )}
          </Typography>
          <Flex direction="column" alignItems="stretch" gap={6} marginTop={4}>
            {[whole, ...figures.districts.filter(() => figures.districts.length > 1)].map(
              (district) => {
                const bands = bandShares(district);
                const name =
                  district === whole
                    ? t('participation.wholeRound', 'Whole round')
                    : districtName(district.name, district.slug);
                return (
                  <Box key={district === whole ? '*' : (district.slug ?? '')}>
                    <Typography variant="delta" tag="h3">
                      {name}
                    </Typography>
                    <ShareChart
                      title={t('participation.shareChart', 'Age groups in {district}', {
                        district: name,
                      })}
                      bands={bands}
                      votersLabel={t('participation.voters', 'Share of voters')}
                      residentsLabel={t('participation.residents', 'Share of residents')}
                      percent={(value) => percent(value)}
                    />
                    <Table colCount={5} rowCount={bands.length + 2}>
                      <HeaderRow
                        headers={[
                          t('participation.band', 'Age'),
                          t('participation.ballots', 'Ballots'),
                          t('participation.voters', 'Share of voters'),
                          t('participation.residents', 'Share of residents'),
                          t('participation.state', 'Taking part'),
                        ]}
                      />
                      <Tbody>
                        {bands.map((band) => (
                          <Tr key={band.band}>
                            <Td>
                              <Typography>{band.band}</Typography>
                            </Td>
                            <Td>
                              <Typography>{band.participants}</Typography>
                            </Td>
                            <Td>
                              <Typography>{percent(band.participantShare)}</Typography>
                            </Td>
                            <Td>
                              <Typography>{percent(band.populationShare)}</Typography>
                            </Td>
                            <Td>
                              <Typography textColor={STATE_COLOUR[band.state]}>
                                {t(`participation.state.${band.state}`, band.state)}
                              </Typography>
                            </Td>
                          </Tr>
                        ))}
                        <Tr>
                          <Td>
                            <Typography>{t('participation.notGiven', 'Not given')}</Typography>
                          </Td>
                          <Td>
                            <Typography>{district.ageBandNotGiven}</Typography>
                          </Td>
                          <Td />
                          <Td />
                          <Td />
                        </Tr>
                      </Tbody>
                    </Table>
                  </Box>
                );
              }
            )}
          </Flex>
        </Panel>
      ) : null}
    </>
  );
};
