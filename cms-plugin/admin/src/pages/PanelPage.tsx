import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Box,
  Button,
  Dialog,
  Field,
  Flex,
  LinkButton,
  NumberInput,
  Table,
  Tbody,
  Td,
  TextInput,
  Textarea,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';

import { ApiError } from '../api/begroot';
import { drawFileUrl, usePanelApi, type PanelAdminView, type PanelPerson } from '../api/panel';
import { FieldErrors } from '../components/FieldErrors';
import { RoundPicker, useRoundList, withRoundTitle } from '../components/RoundPicker';
import { SectionNav } from '../components/SectionNav';
import { useT } from '../hooks/useT';
import type { FieldError } from '../lib/issues';
import { readFileText, shortOf, stratumLabel } from '../lib/panel';

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius tag="section">
    <Typography variant="beta" tag="h2">
      {title}
    </Typography>
    <Box marginTop={4}>{children}</Box>
  </Box>
);

type Busy = 'load' | 'save' | 'close' | 'remove' | 'import' | 'draw' | 'void' | 'invite' | null;

/** An ISO moment as a `datetime-local` value (local time), and back. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);

/**
 * The citizens' panel of a round: volunteers per group against the population's share, a CSV
 * import, seats and the public seed, the draw (once, confirmed by repeating the seed), the
 * selected and reserve lists with contact details, invitations, and voiding a draw.
 */
export const PanelPage = () => {
  const { slug = '' } = useParams();
  const { t, formatDate } = useT();
  const api = usePanelApi();
  const rounds = useRoundList();
  const [view, setView] = useState<PanelAdminView | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [seats, setSeats] = useState<number | undefined>(undefined);
  const [seed, setSeed] = useState('');
  const [enabled, setEnabled] = useState(false);
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [closing, setClosing] = useState(false);
  const [confirmSeed, setConfirmSeed] = useState('');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);

  const show = (next: PanelAdminView) => {
    setView(next);
    setSeats(next.settings.seats ?? undefined);
    setSeed(next.settings.seed ?? '');
    setEnabled(next.settings.enabled);
    setOpensAt(toLocalInput(next.settings.signupOpensAt));
    setClosesAt(toLocalInput(next.settings.signupClosesAt));
    setClosing(false);
  };
  const fail = (error: unknown) => {
    if (error instanceof ApiError) {
      const listed = error.errors.filter((e) => e.message !== error.message);
      setErrors([{ path: '', message: error.message }, ...listed]);
    } else setErrors([{ path: '', message: String(error) }]);
  };
  const run = async <T,>(what: Busy, action: () => Promise<T>, done?: (result: T) => void) => {
    setBusy(what);
    setErrors([]);
    setNotice(null);
    try {
      const result = await action();
      done?.(result);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const load = useCallback(() => {
    if (!slug) return;
    setBusy('load');
    setErrors([]);
    api.view(slug).then(
      (next) => {
        show(next);
        setBusy(null);
      },
      (error: unknown) => {
        fail(error);
        setBusy(null);
      }
    );
  }, [api, slug]);
  useEffect(load, [load]);

  const districtNames = useMemo(
    () =>
      new Map(
        (rounds?.find((round) => round.slug === slug)?.districts ?? []).map((d) => [d.slug, d.name])
      ),
    [rounds, slug]
  );
  const label = (stratum: Record<string, string>) =>
    stratumLabel(
      stratum,
      districtNames,
      t('panel.everyone', 'Everyone'),
      t('panel.notGiven', 'Not given')
    );
  const date = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const title = t('panel.title', "Citizens' panel");
  const drawn = view?.activeDraw ?? null;
  const notInvited = drawn?.selected.filter((person) => !person.invitedAt).length ?? 0;
  // Claimed but not taken by the mail server (failed, or never confirmed): can be sent again.
  const unsent =
    drawn?.selected.filter(
      (person) =>
        person.invitedAt &&
        !person.invitationSentAt &&
        (person.invitationFailedAt || Date.now() - Date.parse(person.invitedAt) > 10 * 60 * 1000)
    ).length ?? 0;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={withRoundTitle(title, rounds, slug)}
        subtitle={t(
          'panel.subtitle',
          'A panel drawn by lot that resembles the residents: anyone can recompute the draw from its public file.'
        )}
        primaryAction={
          slug ? (
            <Button variant="secondary" onClick={load} loading={busy === 'load'}>
              {t('panel.refresh', 'Refresh')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <SectionNav />
          <Box maxWidth="40rem">
            <RoundPicker slug={slug} rounds={rounds} base="/plugins/begroot/panel" />
          </Box>
          <FieldErrors errors={errors} />
          {notice ? (
            <Box background="success100" padding={4} hasRadius role="status">
              <Typography>{notice}</Typography>
            </Box>
          ) : null}
          {!slug ? (
            <Typography>{t('panel.choose', 'Choose a round to see its panel.')}</Typography>
          ) : null}

          {view && view.round === slug ? (
            <>
              <Section title={t('panel.status.title', 'Where the panel stands')}>
                <Flex direction="column" alignItems="flex-start" gap={2}>
                  <Typography tag="p" fontWeight="bold">
                    {view.status === 'open'
                      ? view.signup?.open
                        ? t('panel.status.open', 'Sign-up is open.')
                        : t(
                            'panel.status.openNoSignup',
                            'The pool is open, but residents cannot sign up now (switched off or outside the window).'
                          )
                      : view.status === 'closed'
                        ? view.seed
                          ? t(
                              'panel.status.closed',
                              'The seed is set: sign-up is closed and the pool is fixed.'
                            )
                          : t(
                              'panel.status.closedNoSeed',
                              'The pool is closed and frozen. Announce the seed publicly, then enter it.'
                            )
                        : t('panel.status.drawn', 'The panel has been drawn.')}
                  </Typography>
                  {view.closedAt && view.closedPoolSha256 ? (
                    <Typography tag="p" textColor="neutral600">
                      {t(
                        'panel.closedAt',
                        'Pool closed {date} with fingerprint {hash}: the draw must use exactly this pool.',
                        { date: date(view.closedAt), hash: view.closedPoolSha256 }
                      )}
                    </Typography>
                  ) : null}
                  <Typography tag="p">
                    {t(
                      'panel.volunteers',
                      '{count, plural, one {# volunteer} other {# volunteers}} in the pool.',
                      {
                        count: view.volunteers,
                      }
                    )}
                  </Typography>
                  <Typography tag="p" textColor="neutral600">
                    {t('panel.poolHash', 'Pool fingerprint (SHA-256): {hash}', {
                      hash: view.poolSha256,
                    })}
                  </Typography>
                  {view.stratifyBy.length === 0 ? (
                    <Typography tag="p" textColor="neutral600">
                      {t(
                        'panel.unstratified',
                        'This round has no districts: a simple draw among all volunteers.'
                      )}
                    </Typography>
                  ) : null}
                </Flex>
              </Section>

              <Section title={t('panel.strata.title', 'Volunteers per group')}>
                {view.strata.length === 0 ? (
                  <Typography>{t('panel.strata.empty', 'No volunteers yet.')}</Typography>
                ) : (
                  <Table colCount={5} rowCount={view.strata.length + 1}>
                    <Thead>
                      <Tr>
                        <Th>
                          <Typography variant="sigma">
                            {t('panel.strata.group', 'Group')}
                          </Typography>
                        </Th>
                        <Th>
                          <Typography variant="sigma">
                            {t('panel.strata.target', 'Seats by share')}
                          </Typography>
                        </Th>
                        <Th>
                          <Typography variant="sigma">
                            {t('panel.strata.volunteers', 'Volunteers')}
                          </Typography>
                        </Th>
                        <Th>
                          <Typography variant="sigma">
                            {t('panel.strata.selected', 'Selected')}
                          </Typography>
                        </Th>
                        <Th>
                          <Typography variant="sigma">{t('panel.strata.note', 'Note')}</Typography>
                        </Th>
                      </Tr>
                    </Thead>
                    <Tbody>
                      {view.strata.map((stratum) => (
                        <Tr key={JSON.stringify(stratum.stratum)}>
                          <Td>
                            <Typography>{label(stratum.stratum)}</Typography>
                          </Td>
                          <Td>
                            <Typography>{view.seats ? stratum.target : '–'}</Typography>
                          </Td>
                          <Td>
                            <Typography>{stratum.volunteers}</Typography>
                          </Td>
                          <Td>
                            <Typography>{stratum.selected ?? '–'}</Typography>
                          </Td>
                          <Td>
                            <Typography
                              textColor={shortOf(stratum) > 0 ? 'danger600' : 'neutral800'}
                            >
                              {shortOf(stratum) > 0
                                ? t(
                                    'panel.strata.short',
                                    '{count} short: those seats go to other groups',
                                    {
                                      count: shortOf(stratum),
                                    }
                                  )
                                : ''}
                            </Typography>
                          </Td>
                        </Tr>
                      ))}
                    </Tbody>
                  </Table>
                )}
              </Section>

              {view.status === 'open' ? (
                <Section title={t('panel.import.title', 'Import candidates')}>
                  <Flex direction="column" alignItems="flex-start" gap={3}>
                    <Typography tag="p">
                      {t(
                        'panel.import.help',
                        'A CSV file with a header line: name, email, district, age band (commas or semicolons). Every row is checked; nothing is imported when a row is wrong.'
                      )}
                    </Typography>
                    <Field.Root name="panelCsv" id="begroot-panel-csv">
                      <Field.Label>{t('panel.import.file', 'CSV file')}</Field.Label>
                      <input
                        id="begroot-panel-csv"
                        type="file"
                        accept=".csv,text/csv"
                        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                      />
                    </Field.Root>
                    <Button
                      disabled={!file || busy !== null}
                      loading={busy === 'import'}
                      onClick={() =>
                        void run(
                          'import',
                          async () => {
                            const result = await api.importCsv(slug, await readFileText(file!));
                            show(await api.view(slug));
                            return result;
                          },
                          (result) =>
                            setNotice(
                              t(
                                'panel.import.done',
                                '{count, plural, one {# candidate} other {# candidates}} imported.',
                                {
                                  count: result.imported,
                                }
                              )
                            )
                        )
                      }
                    >
                      {t('panel.import.submit', 'Import')}
                    </Button>
                  </Flex>
                </Section>
              ) : null}

              {!drawn ? (
                <Section title={t('panel.settings.title', 'Seats and seed')}>
                  <Flex direction="column" alignItems="stretch" gap={4} maxWidth="40rem">
                    <Field.Root
                      name="panelSeats"
                      hint={
                        view.seed
                          ? t(
                              'panel.settings.seatsFixed',
                              'The seed is set: the number of seats can no longer change.'
                            )
                          : undefined
                      }
                    >
                      <Field.Label>{t('panel.settings.seats', 'Number of seats')}</Field.Label>
                      <NumberInput
                        value={seats}
                        disabled={Boolean(view.seed)}
                        onValueChange={(value: number | undefined) => setSeats(value)}
                      />
                      <Field.Hint />
                    </Field.Root>
                    {view.status === 'open' ? (
                      <>
                        <Flex gap={2} tag="label">
                          <input
                            type="checkbox"
                            checked={enabled}
                            onChange={(event) => setEnabled(event.target.checked)}
                          />
                          <Typography>
                            {t('panel.settings.enabled', 'Residents can sign up for this panel')}
                          </Typography>
                        </Flex>
                        <Field.Root
                          name="panelOpensAt"
                          id="begroot-panel-opens"
                          hint={t(
                            'panel.settings.windowHint',
                            'Optional. Outside this window the sign-up form answers that sign-up is not open.'
                          )}
                        >
                          <Field.Label>
                            {t('panel.settings.opensAt', 'Sign-up opens (optional)')}
                          </Field.Label>
                          <input
                            id="begroot-panel-opens"
                            type="datetime-local"
                            value={opensAt}
                            onChange={(event) => setOpensAt(event.target.value)}
                          />
                          <Field.Hint />
                        </Field.Root>
                        <Field.Root name="panelClosesAt" id="begroot-panel-closes">
                          <Field.Label>
                            {t('panel.settings.closesAt', 'Sign-up closes (optional)')}
                          </Field.Label>
                          <input
                            id="begroot-panel-closes"
                            type="datetime-local"
                            value={closesAt}
                            onChange={(event) => setClosesAt(event.target.value)}
                          />
                        </Field.Root>
                      </>
                    ) : null}
                    {view.status === 'closed' ? (
                      <Field.Root
                        name="panelSeed"
                        hint={
                          view.seed
                            ? t(
                                'panel.settings.seedSet',
                                'The seed is set for good: it cannot be changed or cleared.'
                              )
                            : t(
                                'panel.settings.seedHint',
                                'Announce the seed publicly first (a lottery draw, dice at a council meeting), after the pool was closed. It can be entered once and never changed.'
                              )
                        }
                      >
                        <Field.Label>{t('panel.settings.seed', 'Public seed')}</Field.Label>
                        <TextInput
                          value={seed}
                          disabled={Boolean(view.seed)}
                          onChange={(e: { target: { value: string } }) => setSeed(e.target.value)}
                        />
                        <Field.Hint />
                      </Field.Root>
                    ) : null}
                    <Box>
                      <Button
                        disabled={!seats || busy !== null}
                        loading={busy === 'save'}
                        onClick={() =>
                          void run(
                            'save',
                            () =>
                              api.saveSettings(
                                slug,
                                view.status === 'open'
                                  ? {
                                      seats: seats ?? 0,
                                      enabled,
                                      signupOpensAt: fromLocalInput(opensAt),
                                      signupClosesAt: fromLocalInput(closesAt),
                                    }
                                  : {
                                      seats: seats ?? 0,
                                      ...(view.seed || seed.trim() === ''
                                        ? {}
                                        : { seed: seed.trim() }),
                                    }
                              ),
                            (next) => {
                              show(next);
                              setNotice(t('panel.settings.saved', 'Seats and seed saved.'));
                            }
                          )
                        }
                      >
                        {t('panel.settings.save', 'Save')}
                      </Button>
                    </Box>
                  </Flex>
                </Section>
              ) : null}

              {view.status === 'open' ? (
                <Section title={t('panel.close.title', 'Close the pool')}>
                  <Flex direction="column" alignItems="flex-start" gap={3}>
                    <Typography tag="p">
                      {t(
                        'panel.close.help',
                        'Closing stops sign-ups and imports for good and publishes the pool’s fingerprint. Close the pool before the seed is announced: the seed is accepted only after closing.'
                      )}
                    </Typography>
                    {closing ? (
                      <Flex gap={2}>
                        <Button
                          variant="danger"
                          loading={busy === 'close'}
                          disabled={busy !== null}
                          onClick={() =>
                            void run(
                              'close',
                              () => api.close(slug),
                              (next) => {
                                show(next);
                                setNotice(t('panel.close.done', 'The pool is closed.'));
                              }
                            )
                          }
                        >
                          {t('panel.close.confirm', 'Close the pool for good')}
                        </Button>
                        <Button variant="tertiary" onClick={() => setClosing(false)}>
                          {t('panel.close.cancel', 'Cancel')}
                        </Button>
                      </Flex>
                    ) : (
                      <Button
                        variant="secondary"
                        disabled={busy !== null || view.volunteers === 0}
                        onClick={() => setClosing(true)}
                      >
                        {t('panel.close.open', 'Close the pool…')}
                      </Button>
                    )}
                  </Flex>
                </Section>
              ) : null}

              {view.status === 'open' && view.candidates.length > 0 ? (
                <Section title={t('panel.remove.title', 'Remove a volunteer on request')}>
                  <Flex direction="column" alignItems="stretch" gap={2}>
                    <Typography tag="p">
                      {t(
                        'panel.remove.help',
                        'When someone asks for their data to be removed: possible while the pool is open. The removal is recorded publicly, without the person.'
                      )}
                    </Typography>
                    <Table colCount={3} rowCount={view.candidates.length + 1}>
                      <Thead>
                        <Tr>
                          <Th>
                            <Typography variant="sigma">
                              {t('panel.result.name', 'Name')}
                            </Typography>
                          </Th>
                          <Th>
                            <Typography variant="sigma">
                              {t('panel.result.email', 'E-mail')}
                            </Typography>
                          </Th>
                          <Th>
                            <Typography variant="sigma">
                              {t('panel.remove.action', 'Remove')}
                            </Typography>
                          </Th>
                        </Tr>
                      </Thead>
                      <Tbody>
                        {view.candidates.map((c) => (
                          <Tr key={c.id}>
                            <Td>
                              <Typography>{c.displayName}</Typography>
                            </Td>
                            <Td>
                              <Typography>{c.email}</Typography>
                            </Td>
                            <Td>
                              <Button
                                variant="danger-light"
                                size="S"
                                disabled={busy !== null}
                                onClick={() =>
                                  void run(
                                    'remove',
                                    () => api.removeCandidate(slug, c.id),
                                    (next) => {
                                      show(next);
                                      setNotice(
                                        t('panel.remove.done', 'The volunteer is removed.')
                                      );
                                    }
                                  )
                                }
                              >
                                {t('panel.remove.button', 'Remove {name}', {
                                  name: c.displayName,
                                })}
                              </Button>
                            </Td>
                          </Tr>
                        ))}
                      </Tbody>
                    </Table>
                  </Flex>
                </Section>
              ) : null}

              {view.status === 'closed' ? (
                <Section title={t('panel.draw.title', 'Draw the panel')}>
                  <Flex direction="column" alignItems="flex-start" gap={3}>
                    <Typography tag="p">
                      {t(
                        'panel.draw.help',
                        '{seats} seats from {count} volunteers with seed “{seed}”. The draw is final: a new one needs this one voided, publicly.',
                        {
                          seats: view.seats ?? 0,
                          count: view.volunteers,
                          seed: view.seed ?? '',
                        }
                      )}
                    </Typography>
                    <Dialog.Root onOpenChange={() => setConfirmSeed('')}>
                      <Dialog.Trigger>
                        <Button disabled={busy !== null}>
                          {t('panel.draw.open', 'Draw the panel…')}
                        </Button>
                      </Dialog.Trigger>
                      <Dialog.Content>
                        <Dialog.Header>
                          {t('panel.draw.confirmTitle', 'Draw the panel?')}
                        </Dialog.Header>
                        <Dialog.Body>
                          <Flex direction="column" alignItems="stretch" gap={3}>
                            <Typography tag="p">
                              {t(
                                'panel.draw.confirmText',
                                'Type the public seed again to confirm.'
                              )}
                            </Typography>
                            <Field.Root name="panelConfirmSeed">
                              <Field.Label>{t('panel.settings.seed', 'Public seed')}</Field.Label>
                              <TextInput
                                value={confirmSeed}
                                onChange={(e: { target: { value: string } }) =>
                                  setConfirmSeed(e.target.value)
                                }
                              />
                            </Field.Root>
                          </Flex>
                        </Dialog.Body>
                        <Dialog.Footer>
                          <Dialog.Cancel>
                            <Button fullWidth variant="tertiary">
                              {t('cancel', 'Cancel')}
                            </Button>
                          </Dialog.Cancel>
                          <Dialog.Action>
                            <Button
                              fullWidth
                              disabled={confirmSeed.trim() !== (view.seed ?? '')}
                              onClick={() =>
                                void run(
                                  'draw',
                                  () => api.draw(slug, confirmSeed.trim()),
                                  (next) => {
                                    show(next);
                                    setNotice(t('panel.draw.done', 'The panel has been drawn.'));
                                  }
                                )
                              }
                            >
                              {t('panel.draw.confirm', 'Draw')}
                            </Button>
                          </Dialog.Action>
                        </Dialog.Footer>
                      </Dialog.Content>
                    </Dialog.Root>
                  </Flex>
                </Section>
              ) : null}

              {drawn ? (
                <Section
                  title={t('panel.result.title', 'Draw {number} of {date}', {
                    number: drawn.number,
                    date: date(drawn.drawnAt),
                  })}
                >
                  <Flex direction="column" alignItems="stretch" gap={4}>
                    <Typography tag="p" textColor="neutral600">
                      {t('panel.result.hash', 'Draw file fingerprint (SHA-256): {hash}', {
                        hash: drawn.sha256,
                      })}
                    </Typography>
                    {drawn.unfilled > 0 ? (
                      <Typography tag="p" textColor="danger600">
                        {t(
                          'panel.result.unfilled',
                          '{count, plural, one {# seat stays} other {# seats stay}} empty: there were too few volunteers.',
                          {
                            count: drawn.unfilled,
                          }
                        )}
                      </Typography>
                    ) : null}
                    <Flex gap={3} wrap="wrap">
                      <Button
                        disabled={busy !== null || notInvited === 0}
                        loading={busy === 'invite'}
                        onClick={() =>
                          void run(
                            'invite',
                            async () => {
                              const result = await api.invite(slug);
                              show(await api.view(slug));
                              return result;
                            },
                            (result) =>
                              setNotice(
                                t(
                                  'panel.invite.done',
                                  '{count, plural, one {# invitation} other {# invitations}} sent.',
                                  {
                                    count: result.invited,
                                  }
                                )
                              )
                          )
                        }
                      >
                        {notInvited === 0
                          ? t('panel.invite.allSent', 'Everyone selected is invited')
                          : t('panel.invite.send', 'Invite the {count} selected by e-mail', {
                              count: notInvited,
                            })}
                      </Button>
                      {unsent > 0 ? (
                        <Button
                          variant="secondary"
                          disabled={busy !== null}
                          loading={busy === 'invite'}
                          onClick={() =>
                            void run(
                              'invite',
                              async () => {
                                const result = await api.invite(slug, true);
                                show(await api.view(slug));
                                return result;
                              },
                              (result) =>
                                setNotice(
                                  t(
                                    'panel.invite.done',
                                    '{count, plural, one {# invitation} other {# invitations}} sent.',
                                    { count: result.invited }
                                  )
                                )
                            )
                          }
                        >
                          {t('panel.invite.retry', 'Send the {count} unsent invitations again', {
                            count: unsent,
                          })}
                        </Button>
                      ) : null}
                      <LinkButton variant="tertiary" href={drawFileUrl(slug)}>
                        {t('panel.result.download', 'Download the draw file (draw.json)')}
                      </LinkButton>
                      <Dialog.Root onOpenChange={() => setReason('')}>
                        <Dialog.Trigger>
                          <Button variant="danger-light" disabled={busy !== null}>
                            {t('panel.void.open', 'Void this draw…')}
                          </Button>
                        </Dialog.Trigger>
                        <Dialog.Content>
                          <Dialog.Header>{t('panel.void.title', 'Void this draw?')}</Dialog.Header>
                          <Dialog.Body>
                            <Field.Root name="panelVoidReason">
                              <Field.Label>
                                {t(
                                  'panel.void.reason',
                                  'Public reason (shown with the draw in the history)'
                                )}
                              </Field.Label>
                              <Textarea
                                value={reason}
                                onChange={(e: { target: { value: string } }) =>
                                  setReason(e.target.value)
                                }
                              />
                            </Field.Root>
                          </Dialog.Body>
                          <Dialog.Footer>
                            <Dialog.Cancel>
                              <Button fullWidth variant="tertiary">
                                {t('cancel', 'Cancel')}
                              </Button>
                            </Dialog.Cancel>
                            <Dialog.Action>
                              <Button
                                fullWidth
                                variant="danger"
                                disabled={reason.trim().length < 5}
                                onClick={() =>
                                  void run(
                                    'void',
                                    () => api.voidDraw(slug, reason.trim()),
                                    (next) => {
                                      show(next);
                                      setNotice(
                                        t(
                                          'panel.void.done',
                                          'The draw is voided; it stays in the history.'
                                        )
                                      );
                                    }
                                  )
                                }
                              >
                                {t('panel.void.confirm', 'Void the draw')}
                              </Button>
                            </Dialog.Action>
                          </Dialog.Footer>
                        </Dialog.Content>
                      </Dialog.Root>
                    </Flex>
                    <People
                      caption={t('panel.result.selected', 'Selected, in draw order')}
                      people={drawn.selected}
                      label={label}
                      date={date}
                      showInvited
                    />
                    <People
                      caption={t('panel.result.reserves', 'Reserves, in the order to ask them')}
                      people={drawn.reserves}
                      label={label}
                      date={date}
                    />
                  </Flex>
                </Section>
              ) : null}

              {view.voidedDraws.length > 0 ? (
                <Section title={t('panel.history.title', 'Voided draws')}>
                  <Flex direction="column" alignItems="flex-start" gap={2} tag="ul">
                    {view.voidedDraws.map((draw) => (
                      <Typography key={draw.number} tag="li">
                        {t(
                          'panel.history.item',
                          'Draw {number} of {drawnAt}, voided {voidedAt}: {reason}',
                          {
                            number: draw.number,
                            drawnAt: date(draw.drawnAt),
                            voidedAt: date(draw.voidedAt),
                            reason: draw.reason,
                          }
                        )}{' '}
                        <a href={drawFileUrl(slug, draw.number)}>
                          {t('panel.history.download', 'draw file')}
                        </a>
                      </Typography>
                    ))}
                  </Flex>
                </Section>
              ) : null}
            </>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

const People = ({
  caption,
  people,
  label,
  date,
  showInvited = false,
}: {
  caption: string;
  people: PanelPerson[];
  label: (stratum: Record<string, string>) => string;
  date: (iso: string) => string;
  showInvited?: boolean;
}) => {
  const { t } = useT();
  return (
    <Box>
      <Typography variant="delta" tag="h3">
        {caption}
      </Typography>
      {people.length === 0 ? (
        <Typography tag="p">{t('panel.result.nobody', 'Nobody.')}</Typography>
      ) : (
        <Table colCount={showInvited ? 6 : 5} rowCount={people.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">#</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('panel.result.name', 'Name')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('panel.result.email', 'E-mail')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('panel.strata.group', 'Group')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('panel.result.lot', 'Lot number')}</Typography>
              </Th>
              {showInvited ? (
                <Th>
                  <Typography variant="sigma">{t('panel.result.invited', 'Invited')}</Typography>
                </Th>
              ) : null}
            </Tr>
          </Thead>
          <Tbody>
            {people.map((person) => (
              <Tr key={person.lotNumber}>
                <Td>
                  <Typography>{person.position}</Typography>
                </Td>
                <Td>
                  <Typography>{person.displayName ?? '–'}</Typography>
                </Td>
                <Td>
                  <Typography>{person.email ?? '–'}</Typography>
                </Td>
                <Td>
                  <Typography>
                    {label(
                      Object.fromEntries(
                        [
                          ['district', person.district ?? ''],
                          ['ageBand', person.ageBand ?? ''],
                        ].filter(([, value]) => value !== '')
                      )
                    )}
                  </Typography>
                </Td>
                <Td>
                  <Typography>{person.lotNumber}</Typography>
                </Td>
                {showInvited ? (
                  <Td>
                    <Typography>
                      {person.invitedAt
                        ? person.invitationFailedAt
                          ? t('panel.result.failed', 'Mail failed {date}', {
                              date: date(person.invitationFailedAt),
                            })
                          : date(person.invitedAt)
                        : t('panel.result.notInvited', 'Not yet')}
                    </Typography>
                  </Td>
                ) : null}
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Box>
  );
};
