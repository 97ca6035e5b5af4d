import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Textarea,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import type { RoundPublicView } from '@begroot/core';

import { ApiError } from '../api/begroot';
import { downloadText, useVotingApi } from '../api/voting';
import { FieldErrors } from '../components/FieldErrors';
import { RoundPicker, useRoundList } from '../components/RoundPicker';
import { SectionNav } from '../components/SectionNav';
import { useRights } from '../hooks/useRights';
import { useSubmit } from '../hooks/useSubmit';
import { useT } from '../hooks/useT';
import {
  CHANNELS,
  ballotProposals,
  checkPaperBallot,
  codesCsv,
  codesFilename,
  draftSelections,
  emptyDraft,
  kioskInput,
  kioskSnippet,
  kioskState,
  knapsackTotals,
  numberField,
  parseCodesCsv,
  placeIssues,
  pointsLeft,
  totalCounts,
  type CodeCounts,
  type Kiosk,
  type KioskDraft,
  type PaperDraft,
  type PaperForm,
  type PlacedIssues,
} from '../lib/voting';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

type Districts = RoundPublicView['districts'];

/** Issued, used, unused and voided codes, and ballots per channel, per district. */
const CountsTable = ({
  counts,
  districtName,
}: {
  counts: CodeCounts[];
  districtName: (slug: string | null) => string;
}) => {
  const { t, formatNumber } = useT();
  const total = totalCounts(counts);
  const columns: Array<[string, string]> = [
    ['vote.counts.issued', 'Issued'],
    ['vote.counts.used', 'Used'],
    ['vote.counts.unused', 'Unused'],
    ['vote.counts.voided', 'Voided'],
    ['vote.channel.online', 'Online'],
    ['vote.channel.kiosk', 'Kiosk'],
    ['vote.channel.paper', 'Paper'],
  ];
  const cells = (row: Omit<CodeCounts, 'district'>) =>
    [
      row.issued,
      row.used,
      row.unused,
      row.voided,
      ...CHANNELS.map((channel) => row.ballots?.[channel] ?? 0),
    ].map((value, index) => (
      <Td key={index}>
        <Typography>{formatNumber(value)}</Typography>
      </Td>
    ));
  return (
    <Table
      colCount={8}
      rowCount={counts.length + 2}
      aria-label={t('vote.counts.title', 'Codes and ballots')}
    >
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('vote.counts.district', 'District')}</Typography>
          </Th>
          {columns.map(([id, text]) => (
            <Th key={id}>
              <Typography variant="sigma">{t(id, text)}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {counts.map((row) => (
          <Tr key={row.district ?? ''}>
            <Td>
              <Typography>{districtName(row.district)}</Typography>
            </Td>
            {cells(row)}
          </Tr>
        ))}
        <Tr>
          <Td>
            <Typography fontWeight="bold">{t('vote.counts.total', 'Total')}</Typography>
          </Td>
          {cells(total)}
        </Tr>
      </Tbody>
    </Table>
  );
};

/** Code batches per district (downloaded once), counts, and voiding or reissuing one code. */
const CodesSection = ({
  slug,
  districts,
  districtName,
  version,
}: {
  slug: string;
  districts: Districts;
  districtName: (slug: string | null) => string;
  /** Changes when a ballot was entered on this page: the counts are read again. */
  version: number;
}) => {
  const { t } = useT();
  const api = useVotingApi();
  const { toggleNotification } = useNotification();
  const [counts, setCounts] = useState<CodeCounts[] | null>(null);
  const [district, setDistrict] = useState<string>(districts[0]?.slug ?? '');
  const [count, setCount] = useState<number | undefined>(100);
  const { busy, errors: batchErrors, setErrors: setBatchErrors, submit } = useSubmit();
  const [typed, setTyped] = useState('');
  const [voidError, setVoidError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    api
      .codeCounts(slug)
      .then(setCounts, (error: unknown) => setBatchErrors([{ path: '', message: message(error) }]));
  }, [api, slug, setBatchErrors]);
  useEffect(refresh, [refresh, version]);

  const generate = () =>
    submit(async () => {
      const csv = await api.createCodes(slug, district || null, count ?? 0);
      const rows = parseCodesCsv(csv);
      downloadText(codesFilename(slug, district || null), csv);
      toggleNotification({
        type: 'success',
        message: t('vote.codes.downloaded', '{count} codes downloaded.', { count: rows.length }),
      });
      refresh();
    });

  const voidCode = async (reissue: boolean) => {
    setVoidError(null);
    try {
      const result = await api.voidCode(typed, reissue);
      if (result.reissued) {
        downloadText(
          codesFilename(slug, result.district, 'reissued'),
          codesCsv([{ code: result.reissued, district: result.district ?? '' }])
        );
      }
      toggleNotification({
        type: 'success',
        message: result.reissued
          ? t('vote.codes.reissued', 'The code is voided; its replacement is downloaded.')
          : t('vote.codes.voided', 'The code is voided.'),
      });
      setTyped('');
      refresh();
    } catch (error) {
      setVoidError(message(error));
    }
  };

  return (
    <Box
      tag="section"
      aria-labelledby="begroot-codes"
      background="neutral0"
      padding={6}
      hasRadius
      shadow="filterShadow"
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2" id="begroot-codes">
          {t('vote.codes.title', 'Voting codes')}
        </Typography>
        <Typography textColor="neutral600">
          {t(
            'vote.codes.once',
            'The codes exist in plain text only in the file you download now: Begroot keeps only a fingerprint of each and can never show them again. Keep the file safe for the mail merge and delete it afterwards.'
          )}
        </Typography>
        <Flex gap={4} alignItems="flex-end" wrap="wrap">
          {districts.length > 0 ? (
            <Field.Root name="codeDistrict">
              <Field.Label>{t('vote.codes.district', 'District')}</Field.Label>
              <SingleSelect
                value={district}
                onChange={(value: string | number) => setDistrict(String(value))}
              >
                {districts.map((item) => (
                  <SingleSelectOption key={item.slug} value={item.slug}>
                    {item.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          ) : null}
          <Field.Root name="codeCount">
            <Field.Label>{t('vote.codes.count', 'Number of codes')}</Field.Label>
            <NumberInput
              value={count}
              onValueChange={(value: number | undefined) => setCount(value)}
            />
          </Field.Root>
          <Button onClick={generate} loading={busy} disabled={busy || !count}>
            {t('vote.codes.generate', 'Generate and download')}
          </Button>
        </Flex>
        <FieldErrors errors={batchErrors} />
        {counts ? <CountsTable counts={counts} districtName={districtName} /> : null}
        <Flex gap={4} alignItems="flex-end" wrap="wrap">
          <Field.Root
            name="voidCode"
            error={voidError ?? undefined}
            hint={t(
              'vote.codes.voidHint',
              'A lost or damaged letter: void its code, or void it and download a new one for the same district.'
            )}
          >
            <Field.Label>{t('vote.codes.voidCode', 'Code to void')}</Field.Label>
            <TextInput
              value={typed}
              autoComplete="off"
              onChange={(event: ChangeEvent<HTMLInputElement>) => setTyped(event.target.value)}
            />
            <Field.Error />
            <Field.Hint />
          </Field.Root>
          <Button variant="danger-light" disabled={!typed.trim()} onClick={() => voidCode(false)}>
            {t('vote.codes.void', 'Void')}
          </Button>
          <Button variant="secondary" disabled={!typed.trim()} onClick={() => voidCode(true)}>
            {t('vote.codes.voidReissue', 'Void and reissue')}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};

/** One ballot entered by hand: the letter's code, then its proposals in the round's method. */
const PaperBallotSection = ({
  slug,
  districtName,
  onEntered,
}: {
  slug: string;
  districtName: (slug: string | null) => string;
  onEntered: () => void;
}) => {
  const { t, formatNumber } = useT();
  const api = useVotingApi();
  const codeRef = useRef<HTMLInputElement>(null);
  const choicesRef = useRef<HTMLDivElement>(null);
  const [code, setCode] = useState('');
  const [form, setForm] = useState<{ code: string; form: PaperForm } | null>(null);
  const [draft, setDraft] = useState<PaperDraft>(emptyDraft());
  const [serverIssues, setServerIssues] = useState<PlacedIssues | null>(null);
  const [busy, setBusy] = useState(false);
  const [showLocal, setShowLocal] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const current = form && form.code === code.trim() ? form.form : null;
  const { selections, problems } = current
    ? draftSelections(current, draft)
    : { selections: [], problems: [] };
  const local = current ? placeIssues(checkPaperBallot(current, selections), selections) : null;
  for (const problem of problems) {
    (local!.byProposal[problem.proposal] ??= []).push(
      t('vote.paper.wholeNumber', 'Type a whole number from 1 to 1000.')
    );
  }
  const valid =
    !!local &&
    problems.length === 0 &&
    local.ballot.length === 0 &&
    Object.keys(local.byProposal).length === 0;
  const shownLocal = showLocal || selections.length > 0 ? local : null;
  const messagesFor = (proposal: string) => [
    ...(shownLocal?.byProposal[proposal] ?? []),
    ...(serverIssues?.byProposal[proposal] ?? []),
  ];

  const reset = (text: string) => {
    setCode('');
    setForm(null);
    setDraft(emptyDraft());
    setServerIssues(null);
    setShowLocal(false);
    setAnnouncement(text);
    codeRef.current?.focus();
  };

  const lookUp = async () => {
    const typed = code.trim();
    if (!typed) return;
    setBusy(true);
    setServerIssues(null);
    setAnnouncement('');
    try {
      const loaded = await api.paperBallotForm(slug, typed);
      setForm({ code: typed, form: loaded });
      setDraft(emptyDraft());
      setShowLocal(false);
      setAnnouncement(
        t('vote.paper.ready', 'Code for {district}: enter the choices.', {
          district: districtName(loaded.district),
        })
      );
      // Straight on to the first choice, keyboard only.
      requestAnimationFrame(() =>
        choicesRef.current?.querySelector<HTMLElement>('button[role="checkbox"], input')?.focus()
      );
    } catch (error) {
      setForm(null);
      setServerIssues({
        code: [
          error instanceof ApiError && error.errors.length
            ? error.errors.map((item) => item.message).join(' ')
            : message(error),
        ],
        byProposal: {},
        ballot: [],
      });
      codeRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (!current) return;
    setShowLocal(true);
    if (!valid) return;
    setBusy(true);
    setServerIssues(null);
    try {
      await api.castPaperBallot(slug, code.trim(), selections);
      onEntered();
      reset(
        t('vote.paper.entered', 'Ballot entered for {district}. Next code.', {
          district: districtName(current.district),
        })
      );
    } catch (error) {
      const errors = error instanceof ApiError ? error.errors : [];
      const placed = placeIssues(
        errors.length ? errors : [{ path: '', message: message(error) }],
        selections
      );
      // A used code (409) or an unknown one belongs at the code field.
      if (error instanceof ApiError && error.status === 409) {
        placed.code.push(...placed.ballot);
        placed.ballot = [];
      }
      setServerIssues(placed);
      if (placed.code.length) codeRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (current) void submit();
    else void lookUp();
  };

  const field = current ? numberField(current.voting.method) : null;
  const left = current ? pointsLeft(current, selections) : null;
  const codeError = serverIssues?.code.join(' ') || undefined;
  const ballotMessages = [...(shownLocal?.ballot ?? []), ...(serverIssues?.ballot ?? [])];

  return (
    <Box
      tag="section"
      aria-labelledby="begroot-paper"
      background="neutral0"
      padding={6}
      hasRadius
      shadow="filterShadow"
    >
      <form onSubmit={onSubmit} noValidate>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography variant="delta" tag="h2" id="begroot-paper">
            {t('vote.paper.title', 'Paper ballots')}
          </Typography>
          <Typography textColor="neutral600">
            {t(
              'vote.paper.intro',
              'Type the code printed on the letter and press Enter, then the choices on the form. The code is used up, so it can no longer vote online.'
            )}
          </Typography>
          <Flex gap={4} alignItems="flex-end">
            <Field.Root name="paperCode" error={codeError} required>
              <Field.Label>{t('vote.paper.code', 'Code on the letter')}</Field.Label>
              <TextInput
                ref={codeRef}
                value={code}
                autoComplete="off"
                spellCheck={false}
                onChange={(event: ChangeEvent<HTMLInputElement>) => {
                  setCode(event.target.value);
                  setServerIssues(null);
                }}
              />
              <Field.Error />
            </Field.Root>
            {!current ? (
              <Button type="submit" loading={busy} disabled={busy || !code.trim()}>
                {t('vote.paper.lookUp', 'Look up the code')}
              </Button>
            ) : null}
          </Flex>

          {current ? (
            <div ref={choicesRef}>
              <Flex direction="column" alignItems="stretch" gap={3}>
                <Typography fontWeight="bold">
                  {t('vote.paper.district', 'District: {district}', {
                    district: districtName(current.district),
                  })}
                </Typography>
                <Typography textColor="neutral600">
                  {t(`vote.paper.method.${current.voting.method}`, current.voting.method, {
                    min: current.voting.minSelections,
                    max: current.voting.maxSelections ?? '–',
                    points: current.voting.points ?? 0,
                  })}
                </Typography>
                <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
                  {ballotProposals(current).map((proposal) => {
                    const messages = messagesFor(proposal.documentId);
                    const label = `${proposal.title} · ${formatNumber(proposal.cost)}${
                      current.voting.districtScope !== 'own'
                        ? ` · ${districtName(proposal.district)}`
                        : ''
                    }`;
                    return (
                      <Box tag="li" key={proposal.documentId}>
                        {field ? (
                          <Field.Root
                            name={`${field}-${proposal.documentId}`}
                            error={messages.join(' ') || undefined}
                          >
                            <Field.Label>{label}</Field.Label>
                            <TextInput
                              inputMode="numeric"
                              autoComplete="off"
                              aria-description={
                                field === 'points'
                                  ? t('vote.paper.pointsHint', 'Points; leave empty for none.')
                                  : t(
                                      'vote.paper.rankHint',
                                      'Rank (1 is first); leave empty if not ranked.'
                                    )
                              }
                              value={draft.numbers[proposal.documentId] ?? ''}
                              onChange={(event: ChangeEvent<HTMLInputElement>) =>
                                setDraft({
                                  ...draft,
                                  numbers: {
                                    ...draft.numbers,
                                    [proposal.documentId]: event.target.value,
                                  },
                                })
                              }
                            />
                            <Field.Error />
                          </Field.Root>
                        ) : (
                          <Flex direction="column" alignItems="flex-start" gap={1}>
                            <Checkbox
                              checked={draft.checked.includes(proposal.documentId)}
                              onCheckedChange={(checked: boolean) =>
                                setDraft({
                                  ...draft,
                                  checked: checked
                                    ? [...draft.checked, proposal.documentId]
                                    : draft.checked.filter((id) => id !== proposal.documentId),
                                })
                              }
                            >
                              {label}
                            </Checkbox>
                            {messages.length ? (
                              <Typography variant="pi" textColor="danger600">
                                {messages.join(' ')}
                              </Typography>
                            ) : null}
                          </Flex>
                        )}
                      </Box>
                    );
                  })}
                </Flex>
                {current.voting.method === 'knapsack'
                  ? knapsackTotals(current, selections).map((total) => (
                      <Typography
                        key={total.district ?? ''}
                        fontWeight="bold"
                        textColor={
                          total.budget !== null && total.spent > total.budget
                            ? 'danger600'
                            : undefined
                        }
                      >
                        {t('vote.paper.total', 'Chosen {spent} of {budget} ({district})', {
                          spent: formatNumber(total.spent),
                          budget: total.budget === null ? '–' : formatNumber(total.budget),
                          district: districtName(total.district),
                        })}
                      </Typography>
                    ))
                  : null}
                {left !== null ? (
                  <Typography fontWeight="bold" textColor={left < 0 ? 'danger600' : undefined}>
                    {t('vote.paper.pointsLeft', '{count} points left to spread', { count: left })}
                  </Typography>
                ) : null}
                <FieldErrors errors={ballotMessages.map((text) => ({ path: '', message: text }))} />
                <Flex gap={2}>
                  <Button type="submit" loading={busy} disabled={busy}>
                    {t('vote.paper.enter', 'Enter the ballot')}
                  </Button>
                  <Button variant="tertiary" onClick={() => reset('')}>
                    {t('vote.paper.clear', 'Clear')}
                  </Button>
                </Flex>
              </Flex>
            </div>
          ) : null}
          <Box role="status" aria-live="polite">
            {announcement ? <Typography textColor="success600">{announcement}</Typography> : null}
          </Box>
        </Flex>
      </form>
    </Box>
  );
};

/** Event devices: set up (key and snippet shown once), list and revoke. */
const KiosksSection = ({
  slug,
  districts,
  districtName,
}: {
  slug: string;
  districts: Districts;
  districtName: (slug: string | null) => string;
}) => {
  const { t, formatDate } = useT();
  const api = useVotingApi();
  const { toggleNotification } = useNotification();
  const [kiosks, setKiosks] = useState<Kiosk[] | null>(null);
  const [draft, setDraft] = useState<KioskDraft>({ name: '', districts: [], from: '', until: '' });
  const { busy, errors, setErrors, submit } = useSubmit();
  const [created, setCreated] = useState<{ kiosk: Kiosk; key: string } | null>(null);
  const now = new Date();

  const refresh = useCallback(() => {
    api
      .listKiosks(slug)
      .then(setKiosks, (error: unknown) => setErrors([{ path: '', message: message(error) }]));
  }, [api, slug, setErrors]);
  useEffect(refresh, [refresh]);

  const create = () =>
    submit(async () => {
      setCreated(await api.createKiosk(slug, kioskInput(draft)));
      setDraft({ name: '', districts: [], from: '', until: '' });
      refresh();
    });
  const revoke = async (kiosk: Kiosk) => {
    try {
      await api.revokeKiosk(kiosk.id);
      toggleNotification({
        type: 'success',
        message: t('vote.kiosk.revokedNotice', '{name} can no longer verify codes.', {
          name: kiosk.name,
        }),
      });
      refresh();
    } catch (error) {
      toggleNotification({ type: 'danger', message: message(error) });
    }
  };
  const errorAt = (path: string) =>
    errors
      .filter((error) => error.path === path || error.path.startsWith(`${path}.`))
      .map((e) => e.message)
      .join(' ') || undefined;
  const when = (value: string | null) =>
    value ? formatDate(value, { dateStyle: 'medium', timeStyle: 'short' }) : '…';
  const origin = window.location.origin;

  return (
    <Box
      tag="section"
      aria-labelledby="begroot-kiosks"
      background="neutral0"
      padding={6}
      hasRadius
      shadow="filterShadow"
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2" id="begroot-kiosks">
          {t('vote.kiosk.title', 'Kiosks')}
        </Typography>
        <Typography textColor="neutral600">
          {t(
            'vote.kiosk.intro',
            'A device at a library or market stand where visitors vote with a code handed out there. It takes codes only, is not held to the per-address limit, and starts over after each vote.'
          )}
        </Typography>
        {kiosks && kiosks.length > 0 ? (
          <Table colCount={5} rowCount={kiosks.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('vote.kiosk.name', 'Name or place')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('vote.kiosk.districts', 'Districts')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('vote.kiosk.window', 'Active')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('vote.kiosk.state', 'State')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('vote.kiosk.actions', 'Actions')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {kiosks.map((kiosk) => {
                const state = kioskState(kiosk, now);
                return (
                  <Tr key={kiosk.id}>
                    <Td>
                      <Typography>{kiosk.name}</Typography>
                    </Td>
                    <Td>
                      <Typography>
                        {kiosk.districts.length
                          ? kiosk.districts.map((slugItem) => districtName(slugItem)).join(', ')
                          : t('vote.kiosk.allDistricts', 'All districts')}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography>
                        {kiosk.activeFrom || kiosk.activeUntil
                          ? `${when(kiosk.activeFrom)} – ${when(kiosk.activeUntil)}`
                          : t('vote.kiosk.always', 'While voting is open')}
                      </Typography>
                    </Td>
                    <Td>
                      <Badge>{t(`vote.kiosk.state.${state}`, state)}</Badge>
                    </Td>
                    <Td>
                      {state !== 'revoked' ? (
                        <Button variant="danger-light" size="S" onClick={() => revoke(kiosk)}>
                          {t('vote.kiosk.revoke', 'Revoke {name}', { name: kiosk.name })}
                        </Button>
                      ) : null}
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
        ) : null}
        {created ? (
          <Box background="success100" borderColor="success200" padding={4} hasRadius>
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Typography fontWeight="bold">
                {t(
                  'vote.kiosk.keyOnce',
                  'The key of {name}, shown only now: put this snippet on the page the device opens.',
                  { name: created.kiosk.name }
                )}
              </Typography>
              <Field.Root name="kioskSnippet">
                <Field.Label>{t('vote.kiosk.snippet', 'Embed snippet for the kiosk')}</Field.Label>
                <Textarea readOnly value={kioskSnippet(origin, slug, created.key)} />
              </Field.Root>
              <Button variant="tertiary" onClick={() => setCreated(null)}>
                {t('vote.kiosk.done', 'I have copied it')}
              </Button>
            </Flex>
          </Box>
        ) : null}
        <Flex gap={4} alignItems="flex-start" wrap="wrap">
          <Field.Root name="kioskName" error={errorAt('name')} required>
            <Field.Label>{t('vote.kiosk.name', 'Name or place')}</Field.Label>
            <TextInput
              value={draft.name}
              onChange={(event: ChangeEvent<HTMLInputElement>) =>
                setDraft({ ...draft, name: event.target.value })
              }
            />
            <Field.Error />
          </Field.Root>
          <Field.Root name="kioskFrom" error={errorAt('activeFrom')}>
            <Field.Label>{t('vote.kiosk.from', 'Active from (optional)')}</Field.Label>
            <TextInput
              type="datetime-local"
              value={draft.from}
              onChange={(event: ChangeEvent<HTMLInputElement>) =>
                setDraft({ ...draft, from: event.target.value })
              }
            />
            <Field.Error />
          </Field.Root>
          <Field.Root name="kioskUntil" error={errorAt('activeUntil')}>
            <Field.Label>{t('vote.kiosk.until', 'Active until (optional)')}</Field.Label>
            <TextInput
              type="datetime-local"
              value={draft.until}
              onChange={(event: ChangeEvent<HTMLInputElement>) =>
                setDraft({ ...draft, until: event.target.value })
              }
            />
            <Field.Error />
          </Field.Root>
        </Flex>
        {districts.length > 0 ? (
          <Box tag="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Typography tag="legend" variant="pi" fontWeight="bold">
              {t('vote.kiosk.districtsHint', 'Districts whose codes it takes (none ticked: all)')}
            </Typography>
            <Flex gap={4} wrap="wrap" marginTop={2}>
              {districts.map((item) => (
                <Checkbox
                  key={item.slug}
                  checked={draft.districts.includes(item.slug)}
                  onCheckedChange={(checked: boolean) =>
                    setDraft({
                      ...draft,
                      districts: checked
                        ? [...draft.districts, item.slug]
                        : draft.districts.filter((d) => d !== item.slug),
                    })
                  }
                >
                  {item.name}
                </Checkbox>
              ))}
            </Flex>
            {errorAt('districts') ? (
              <Typography variant="pi" textColor="danger600">
                {errorAt('districts')}
              </Typography>
            ) : null}
          </Box>
        ) : null}
        <FieldErrors errors={errors.filter((error) => error.path === '')} />
        <Flex>
          <Button onClick={create} loading={busy} disabled={busy || !draft.name.trim()}>
            {t('vote.kiosk.create', 'Set up the kiosk')}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};

/**
 * Voting for one round: codes and counts and kiosks (codes right), paper-ballot entry (paper
 * ballots right). Never shows which code voted for what.
 */
export const VotingPage = () => {
  const { slug = '' } = useParams();
  const { t } = useT();
  const rights = useRights();
  const api = useVotingApi();
  const rounds = useRoundList();
  const [round, setRound] = useState<RoundPublicView | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [entered, setEntered] = useState(0);

  useEffect(() => {
    setRound(null);
    setFailed(null);
    if (!slug) return;
    api.publicRound(slug).then(setRound, (error: unknown) => setFailed(message(error)));
  }, [api, slug]);

  const header = (
    <Layouts.Header
      title={round ? `${t('vote.title', 'Voting')}: ${round.title}` : t('vote.title', 'Voting')}
      subtitle={t(
        'vote.subtitle',
        'Codes, paper ballots and kiosks. Nobody can see who voted for what.'
      )}
      navigationAction={<SectionNav />}
    />
  );

  if (!slug || failed) {
    return (
      <Page.Main>
        <Page.Title>{t('vote.title', 'Voting')}</Page.Title>
        {header}
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <RoundPicker slug={slug} rounds={rounds} base="/plugins/begroot/voting" />
            {failed ? <FieldErrors errors={[{ path: '', message: failed }]} /> : null}
          </Flex>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!round) return <Page.Loading />;

  const names = new Map(round.districts.map((district) => [district.slug, district.name]));
  const districtName = (district: string | null) =>
    district ? (names.get(district) ?? district) : t('vote.cityWide', 'Whole city');

  return (
    <Page.Main>
      <Page.Title>{t('vote.title', 'Voting')}</Page.Title>
      {header}
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <RoundPicker slug={slug} rounds={rounds} base="/plugins/begroot/voting" />
          {rights.manageCodes ? (
            <CodesSection
              slug={slug}
              districts={round.districts}
              districtName={districtName}
              version={entered}
            />
          ) : null}
          {rights.enterPaperBallots ? (
            <PaperBallotSection
              slug={slug}
              districtName={districtName}
              onEntered={() => setEntered((n) => n + 1)}
            />
          ) : null}
          {rights.manageCodes ? (
            <KiosksSection slug={slug} districts={round.districts} districtName={districtName} />
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
