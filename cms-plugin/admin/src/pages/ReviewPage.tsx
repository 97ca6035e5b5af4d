import { useCallback, useEffect, useState, type ChangeEvent } from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Modal,
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
import {
  PROPOSAL_STATUSES,
  proposalReviewSchema,
  type ProposalReview,
  type ProposalStatus,
} from '@begroot/core';

import { ApiError, allProposals, useBegrootApi, type ProposalRow } from '../api/begroot';
import { DialogFooter } from '../components/DialogFooter';
import { FieldErrors } from '../components/FieldErrors';
import { PublicHistory } from '../components/PublicHistory';
import { RoundPicker, useRoundList, withRoundTitle } from '../components/RoundPicker';
import { SectionNav } from '../components/SectionNav';
import { useSubmit } from '../hooks/useSubmit';
import { useT } from '../hooks/useT';
import { toFieldErrors } from '../lib/issues';
import {
  bulkTargets,
  countByStatus,
  daysLeft,
  deadlineState,
  filterQueue,
  needsReason,
  nextStatuses,
  sortQueue,
  type QueueFilter,
} from '../lib/review';

const DEADLINE_COLOUR = {
  past: 'danger600',
  near: 'warning600',
  ok: 'neutral800',
  none: 'neutral600',
};

type Draft = {
  status: ProposalStatus;
  officialCost: number | null;
  publicReason: string;
  mergedInto: string;
  update: string;
  publicTitle: string;
};

/** Everything an official decides about one proposal, checked with core's review schema. */
const ReviewDialog = ({
  proposal,
  others,
  onClose,
  onSaved,
}: {
  proposal: ProposalRow;
  others: ProposalRow[];
  onClose: () => void;
  onSaved: (row: ProposalRow) => void;
}) => {
  const { t, formatDate } = useT();
  const api = useBegrootApi();
  const [draft, setDraft] = useState<Draft>({
    status: proposal.status,
    officialCost: proposal.officialCost,
    publicReason: proposal.publicReason ?? '',
    mergedInto: proposal.mergedInto ?? '',
    update: '',
    // Rejecting starts from the resident's title (one keystroke to keep it); a rejected proposal
    // shows the public title it has (empty: the neutral "Idea 12 (rejected)").
    // Empty unless an official gave one: the neutral numbered title is what a rejection publishes
    // by default; using the resident's own words is a deliberate step (the button below).
    publicTitle: proposal.status === 'rejected' ? (proposal.publicTitle ?? '') : '',
  });
  const { busy: saving, errors, submit } = useSubmit();
  const statusName = (status: string) => t(`status.${status}`, status);

  const review: ProposalReview = {
    ...(draft.status !== proposal.status ? { status: draft.status } : {}),
    ...(draft.officialCost !== proposal.officialCost ? { officialCost: draft.officialCost } : {}),
    ...(draft.publicReason !== (proposal.publicReason ?? '')
      ? { publicReason: draft.publicReason.trim() || null }
      : draft.status !== proposal.status && draft.publicReason.trim()
        ? { publicReason: draft.publicReason.trim() }
        : {}),
    ...(draft.status === 'merged' ? { mergedInto: draft.mergedInto || null } : {}),
    ...(draft.update.trim() ? { update: draft.update.trim() } : {}),
    ...(draft.status === 'rejected' &&
    (proposal.status !== 'rejected' || draft.publicTitle !== (proposal.publicTitle ?? ''))
      ? { publicTitle: draft.publicTitle.trim() || null }
      : {}),
  };
  const check = proposalReviewSchema.safeParse(review);
  const localErrors = check.success ? [] : toFieldErrors(check.error.issues);
  const shown = [...localErrors, ...errors];
  const errorAt = (path: string) => shown.find((error) => error.path === path)?.message;
  const nothingToSave = Object.keys(review).length === 0;

  const save = async () => {
    if (!check.success) return;
    const saved = await submit(() => api.reviewProposal(proposal.documentId, check.data));
    if (saved) onSaved(saved);
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{proposal.title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Box>
              <Typography variant="omega" style={{ whiteSpace: 'pre-wrap' }}>
                {proposal.description}
              </Typography>
              <Typography variant="pi" textColor="neutral600" tag="p">
                {t('review.by', 'By {name} · {email} · submitted {date}', {
                  name: proposal.authorName ?? '–',
                  email: proposal.email ?? '–',
                  date: formatDate(proposal.submittedAt, { dateStyle: 'medium' }),
                })}
                {proposal.estimatedCost != null
                  ? ` · ${t('review.estimate', 'resident’s estimate {amount}', { amount: proposal.estimatedCost })}`
                  : ''}
              </Typography>
            </Box>
            <Field.Root name="status" error={errorAt('status')}>
              <Field.Label>{t('review.status', 'Status')}</Field.Label>
              <SingleSelect
                value={draft.status}
                onChange={(value: string | number) =>
                  setDraft({ ...draft, status: String(value) as ProposalStatus })
                }
              >
                {[proposal.status, ...nextStatuses(proposal.status)].map((status) => (
                  <SingleSelectOption key={status} value={status}>
                    {statusName(status)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Error />
            </Field.Root>
            {draft.status === 'merged' ? (
              <Field.Root name="mergedInto" error={errorAt('mergedInto')}>
                <Field.Label>{t('review.mergedInto', 'Merged into')}</Field.Label>
                <SingleSelect
                  value={draft.mergedInto || undefined}
                  onChange={(value: string | number) =>
                    setDraft({ ...draft, mergedInto: String(value) })
                  }
                  placeholder={t('review.chooseProposal', 'Choose the proposal it joins')}
                >
                  {others.map((other) => (
                    <SingleSelectOption key={other.documentId} value={other.documentId}>
                      {other.title}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Error />
              </Field.Root>
            ) : null}
            <Field.Root
              name="publicReason"
              error={errorAt('publicReason')}
              required={needsReason(draft.status)}
              hint={t(
                'review.reasonHint',
                'Shown to everyone with the proposal, and sent to the submitter.'
              )}
            >
              <Field.Label>{t('review.reason', 'Public reason')}</Field.Label>
              <Textarea
                value={draft.publicReason}
                onChange={(event: ChangeEvent<HTMLTextAreaElement>) =>
                  setDraft({ ...draft, publicReason: event.target.value })
                }
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
            {draft.status === 'rejected' ? (
              <Field.Root
                name="publicTitle"
                error={errorAt('publicTitle')}
                hint={t(
                  'review.publicTitleHint',
                  'The title everyone sees for this rejected idea. Left empty, it is listed by its number, as in “Idea 12 (rejected)”. Use the resident’s own title only if it is fit to publish (no names, addresses or insults).'
                )}
              >
                <Field.Label>{t('review.publicTitle', 'Public title')}</Field.Label>
                <TextInput
                  value={draft.publicTitle}
                  onChange={(event: ChangeEvent<HTMLInputElement>) =>
                    setDraft({ ...draft, publicTitle: event.target.value })
                  }
                />
                <Field.Error />
                <Field.Hint />
                <Box paddingTop={2}>
                  <Button
                    variant="tertiary"
                    size="S"
                    onClick={() => setDraft({ ...draft, publicTitle: proposal.title })}
                  >
                    {t('review.useResidentTitle', 'Use the resident’s title')}
                  </Button>
                </Box>
              </Field.Root>
            ) : null}
            <Field.Root
              name="officialCost"
              error={errorAt('officialCost')}
              hint={t(
                'review.costHint',
                'What the city expects the proposal to cost; voters see this amount.'
              )}
            >
              <Field.Label>{t('review.officialCost', 'Official cost')}</Field.Label>
              <NumberInput
                value={draft.officialCost ?? undefined}
                onValueChange={(value: number | undefined) =>
                  setDraft({ ...draft, officialCost: value ?? null })
                }
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
            <Field.Root
              name="update"
              error={errorAt('update')}
              hint={t('review.updateHint', 'A dated note in the proposal’s public history.')}
            >
              <Field.Label>{t('review.update', 'Public update')}</Field.Label>
              <Textarea
                value={draft.update}
                onChange={(event: ChangeEvent<HTMLTextAreaElement>) =>
                  setDraft({ ...draft, update: event.target.value })
                }
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
            <FieldErrors errors={errors.filter((error) => error.path === '')} />
            <PublicHistory
              title={t('review.history', 'Public history')}
              entries={[
                ...proposal.history.map((change) => ({
                  at: change.at,
                  text: `${statusName(change.status)}${change.reason ? `: ${change.reason}` : ''}`,
                })),
                ...proposal.updates.map((update) => ({ at: update.date, text: update.text })),
              ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))}
            />
          </Flex>
        </Modal.Body>
        <DialogFooter
          saveLabel={t('review.save', 'Save the review')}
          onSave={save}
          canSave={check.success && !nothingToSave}
          busy={saving}
        />
      </Modal.Content>
    </Modal.Root>
  );
};

/** The review queue of one round: every proposal, the nearest deadlines first. */
export const ReviewPage = () => {
  const { slug = '' } = useParams();
  const { t, formatNumber, formatDate } = useT();
  const api = useBegrootApi();
  const { toggleNotification } = useNotification();
  const rounds = useRoundList();
  const [rows, setRows] = useState<ProposalRow[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [filter, setFilter] = useState<QueueFilter>({ status: 'all', district: 'all' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<ProposalRow | null>(null);
  const [bulkStatus, setBulkStatus] = useState<ProposalStatus | ''>('');
  const [bulkReason, setBulkReason] = useState('');
  const [bulkBusy, setBulkBusy] = useState(false);
  const now = new Date();

  const load = useCallback(() => {
    if (!slug) return;
    setFailed(null);
    allProposals(api, slug).then(setRows, (error: unknown) =>
      setFailed(error instanceof ApiError ? error.message : String(error))
    );
  }, [api, slug]);
  useEffect(load, [load]);

  const statusName = (status: string) => t(`status.${status}`, status);
  const header = (
    <Layouts.Header
      title={withRoundTitle(t('review.title', 'Review queue'), rounds, slug)}
      subtitle={t('review.subtitle', 'Answer every proposal within its response deadline.')}
      navigationAction={<SectionNav />}
    />
  );

  if (!slug || failed) {
    return (
      <Page.Main>
        <Page.Title>{t('review.title', 'Review queue')}</Page.Title>
        {header}
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <RoundPicker slug={slug} rounds={rounds} base="/plugins/begroot/review" />
            {failed ? <FieldErrors errors={[{ path: '', message: failed }]} /> : null}
          </Flex>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!rows) return <Page.Loading />;

  const counts = countByStatus(rows);
  const districtNames = new Map(
    (rounds?.find((round) => round.slug === slug)?.districts ?? []).map((district) => [
      district.slug,
      district.name,
    ])
  );
  const districtName = (district: string | null) =>
    district ? (districtNames.get(district) ?? district) : '–';
  const districts = [...new Set(rows.map((row) => row.district).filter((d): d is string => !!d))];
  const visible = sortQueue(filterQueue(rows, filter));
  const chosen = rows.filter((row) => selected.has(row.documentId));
  const targets = bulkTargets(chosen.map((row) => row.status));
  const replace = (row: ProposalRow) =>
    setRows(
      (current) => current?.map((item) => (item.documentId === row.documentId ? row : item)) ?? null
    );

  const applyBulk = async () => {
    if (!bulkStatus) return;
    const review = {
      status: bulkStatus,
      ...(bulkReason.trim() ? { publicReason: bulkReason.trim() } : {}),
    };
    const check = proposalReviewSchema.safeParse(review);
    if (!check.success) {
      toggleNotification({ type: 'danger', message: check.error.issues[0]!.message });
      return;
    }
    setBulkBusy(true);
    let done = 0;
    const refused: string[] = [];
    for (const row of chosen) {
      try {
        replace(await api.reviewProposal(row.documentId, check.data));
        done += 1;
      } catch (error) {
        refused.push(`${row.title}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    setBulkBusy(false);
    setSelected(new Set());
    setBulkStatus('');
    setBulkReason('');
    toggleNotification({
      type: refused.length ? 'warning' : 'success',
      message:
        t('review.bulkDone', '{done} of {total} proposals changed.', {
          done,
          total: chosen.length,
        }) + (refused.length ? ` ${refused.join('; ')}` : ''),
    });
  };

  return (
    <Page.Main>
      <Page.Title>{t('review.title', 'Review queue')}</Page.Title>
      {header}
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={4} alignItems="flex-end" wrap="wrap">
            <RoundPicker slug={slug} rounds={rounds} base="/plugins/begroot/review" />
            <Field.Root name="statusFilter">
              <Field.Label>{t('review.filterStatus', 'Status')}</Field.Label>
              <SingleSelect
                value={filter.status}
                onChange={(value: string | number) =>
                  setFilter({ ...filter, status: String(value) as QueueFilter['status'] })
                }
              >
                <SingleSelectOption value="all">
                  {t('review.all', 'All ({count})', { count: rows.length })}
                </SingleSelectOption>
                {PROPOSAL_STATUSES.filter((status) => counts[status] > 0).map((status) => (
                  <SingleSelectOption key={status} value={status}>
                    {`${statusName(status)} (${counts[status]})`}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            {districts.length > 0 ? (
              <Field.Root name="districtFilter">
                <Field.Label>{t('review.filterDistrict', 'District')}</Field.Label>
                <SingleSelect
                  value={filter.district}
                  onChange={(value: string | number) =>
                    setFilter({ ...filter, district: String(value) })
                  }
                >
                  <SingleSelectOption value="all">
                    {t('review.allDistricts', 'All districts')}
                  </SingleSelectOption>
                  {districts.map((district) => (
                    <SingleSelectOption key={district} value={district}>
                      {districtName(district)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            ) : null}
          </Flex>

          {chosen.length > 0 ? (
            <Box background="primary100" padding={4} hasRadius>
              <Flex gap={4} alignItems="flex-end" wrap="wrap">
                <Typography fontWeight="bold">
                  {t('review.selected', '{count} selected', { count: chosen.length })}
                </Typography>
                {targets.length === 0 ? (
                  <Typography textColor="neutral600">
                    {t('review.noCommonMove', 'These proposals have no status change in common.')}
                  </Typography>
                ) : (
                  <>
                    <Field.Root name="bulkStatus">
                      <Field.Label>{t('review.bulkStatus', 'New status')}</Field.Label>
                      <SingleSelect
                        value={bulkStatus || undefined}
                        onChange={(value: string | number) =>
                          setBulkStatus(String(value) as ProposalStatus)
                        }
                        placeholder={t('review.choose', 'Choose')}
                      >
                        {targets.map((status) => (
                          <SingleSelectOption key={status} value={status}>
                            {statusName(status)}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                    </Field.Root>
                    <Field.Root
                      name="bulkReason"
                      required={bulkStatus !== '' && needsReason(bulkStatus)}
                    >
                      <Field.Label>{t('review.reason', 'Public reason')}</Field.Label>
                      <TextInput
                        value={bulkReason}
                        onChange={(event: ChangeEvent<HTMLInputElement>) =>
                          setBulkReason(event.target.value)
                        }
                      />
                    </Field.Root>
                    <Button
                      onClick={applyBulk}
                      loading={bulkBusy}
                      disabled={!bulkStatus || bulkBusy}
                    >
                      {t('review.apply', 'Apply to the selection')}
                    </Button>
                  </>
                )}
              </Flex>
            </Box>
          ) : null}

          {visible.length === 0 ? (
            <Typography textColor="neutral600">
              {rows.length === 0
                ? t(
                    'review.emptyRound',
                    'No proposals yet. Residents send them in with the proposal form on the city’s website while the ideas phase runs; each one appears here to review.'
                  )
                : t('review.empty', 'No proposals here.')}
            </Typography>
          ) : (
            <Table colCount={6} rowCount={visible.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Checkbox
                      aria-label={t('review.selectAll', 'Select all shown')}
                      checked={
                        visible.length > 0 && visible.every((row) => selected.has(row.documentId))
                      }
                      onCheckedChange={(checked: boolean) =>
                        setSelected(
                          checked ? new Set(visible.map((row) => row.documentId)) : new Set()
                        )
                      }
                    />
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('review.column.title', 'Proposal')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">
                      {t('review.column.district', 'District')}
                    </Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('review.column.status', 'Status')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">
                      {t('review.column.deadline', 'Answer by')}
                    </Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">
                      {t('review.column.cost', 'Official cost')}
                    </Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {visible.map((row) => {
                  const state = deadlineState(row.responseDeadline, row.status, now);
                  return (
                    <Tr key={row.documentId}>
                      <Td>
                        <Checkbox
                          aria-label={t('review.select', 'Select {title}', { title: row.title })}
                          checked={selected.has(row.documentId)}
                          onCheckedChange={(checked: boolean) =>
                            setSelected((current) => {
                              const next = new Set(current);
                              if (checked) next.add(row.documentId);
                              else next.delete(row.documentId);
                              return next;
                            })
                          }
                        />
                      </Td>
                      <Td>
                        <Button variant="ghost" onClick={() => setOpen(row)}>
                          {row.title}
                        </Button>
                      </Td>
                      <Td>
                        <Typography>{districtName(row.district)}</Typography>
                      </Td>
                      <Td>
                        <Badge>{statusName(row.status)}</Badge>
                      </Td>
                      <Td>
                        {row.responseDeadline ? (
                          <Typography
                            textColor={DEADLINE_COLOUR[state]}
                            fontWeight={state === 'past' || state === 'near' ? 'bold' : undefined}
                          >
                            {formatDate(row.responseDeadline, { dateStyle: 'medium' })}
                            {state === 'past'
                              ? ` · ${t('review.overdue', '{days} days overdue', { days: -daysLeft(row.responseDeadline, now) })}`
                              : state === 'near'
                                ? ` · ${t('review.daysLeft', '{days} days left', { days: daysLeft(row.responseDeadline, now) })}`
                                : ''}
                          </Typography>
                        ) : (
                          <Typography textColor="neutral600">–</Typography>
                        )}
                      </Td>
                      <Td>
                        <Typography>
                          {row.officialCost == null ? '–' : formatNumber(row.officialCost)}
                        </Typography>
                      </Td>
                    </Tr>
                  );
                })}
              </Tbody>
            </Table>
          )}
        </Flex>
        {open ? (
          <ReviewDialog
            proposal={open}
            others={rows.filter(
              (row) => row.documentId !== open.documentId && row.status !== 'merged'
            )}
            onClose={() => setOpen(null)}
            onSaved={(row) => {
              replace(row);
              setOpen(null);
              toggleNotification({
                type: 'success',
                message: t('review.saved', 'The review is saved.'),
              });
            }}
          />
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
};
