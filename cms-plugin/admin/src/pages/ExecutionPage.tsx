import { useCallback, useEffect, useState, type ChangeEvent } from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Modal,
  NumberInput,
  ProgressBar,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Textarea,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import { executionChangeSchema } from '@begroot/core';

import { ApiError, useBegrootApi, type ExecutionRow } from '../api/begroot';
import { DialogFooter } from '../components/DialogFooter';
import { FieldErrors } from '../components/FieldErrors';
import { PublicHistory } from '../components/PublicHistory';
import { RoundPicker, useRoundList, withRoundTitle } from '../components/RoundPicker';
import { SectionNav } from '../components/SectionNav';
import { useSubmit } from '../hooks/useSubmit';
import { useT } from '../hooks/useT';
import {
  byDistrict,
  changeOf,
  draftOf,
  executionMoves,
  spendState,
  spentPercent,
  type ExecutionDraft,
} from '../lib/execution';
import { toFieldErrors } from '../lib/issues';

const SPEND_COLOUR = {
  none: 'neutral600',
  ok: 'neutral800',
  near: 'warning600',
  over: 'danger600',
} as const;

/** Status, progress, money spent and a dated public update of one funded proposal. */
const ExecutionDialog = ({
  row,
  onClose,
  onSaved,
}: {
  row: ExecutionRow;
  onClose: () => void;
  onSaved: (row: ExecutionRow) => void;
}) => {
  const { t, formatNumber } = useT();
  const api = useBegrootApi();
  const [draft, setDraft] = useState<ExecutionDraft>(draftOf(row.execution));
  const { busy: saving, errors, submit } = useSubmit();
  const change = changeOf(row.execution, draft);
  const check = executionChangeSchema.safeParse(change);
  const nothingToSave = Object.keys(change).length === 0;
  const shown = [
    ...(check.success || nothingToSave ? [] : toFieldErrors(check.error.issues)),
    ...errors,
  ];
  const errorAt = (path: string) => shown.find((error) => error.path === path)?.message;
  const statusName = (status: string) => t(`status.${status}`, status);

  const save = async () => {
    if (!check.success) return;
    const saved = await submit(() => api.changeExecution(row.documentId, check.data));
    if (saved) onSaved(saved);
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{row.title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="status" error={errorAt('status')}>
              <Field.Label>{t('execution.status', 'Status')}</Field.Label>
              <SingleSelect
                value={draft.status}
                onChange={(value: string | number) =>
                  setDraft({ ...draft, status: String(value) as ExecutionDraft['status'] })
                }
              >
                {executionMoves(row.execution.status).map((status) => (
                  <SingleSelectOption key={status} value={status}>
                    {statusName(status)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Error />
            </Field.Root>
            {draft.status !== row.execution.status ? (
              <Field.Root
                name="publicReason"
                error={errorAt('publicReason')}
                hint={t(
                  'execution.reasonHint',
                  'Shown with the status change in the public history.'
                )}
              >
                <Field.Label>
                  {t('execution.reason', 'Public note with the status change')}
                </Field.Label>
                <Textarea
                  value={draft.publicReason}
                  onChange={(event: ChangeEvent<HTMLTextAreaElement>) =>
                    setDraft({ ...draft, publicReason: event.target.value })
                  }
                />
                <Field.Error />
                <Field.Hint />
              </Field.Root>
            ) : null}
            <Field.Root
              name="progress"
              error={errorAt('progress')}
              hint={t('execution.progressHint', 'How far the work is, 0 to 100.')}
            >
              <Field.Label>{t('execution.progress', 'Progress (%)')}</Field.Label>
              <NumberInput
                value={draft.progress ?? undefined}
                onValueChange={(value: number | undefined) =>
                  setDraft({ ...draft, progress: value ?? null })
                }
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
            <Field.Root
              name="spent"
              error={errorAt('spent')}
              hint={t('execution.spentHint', 'Granted: {granted}', {
                granted: formatNumber(row.execution.granted),
              })}
            >
              <Field.Label>{t('execution.spent', 'Money spent')}</Field.Label>
              <NumberInput
                value={draft.spent ?? undefined}
                onValueChange={(value: number | undefined) =>
                  setDraft({ ...draft, spent: value ?? null })
                }
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
            <Field.Root
              name="update"
              error={errorAt('update')}
              hint={t(
                'execution.updateHint',
                'Dated today and shown to everyone with the proposal.'
              )}
            >
              <Field.Label>{t('execution.update', 'Public update')}</Field.Label>
              <Textarea
                value={draft.update}
                onChange={(event: ChangeEvent<HTMLTextAreaElement>) =>
                  setDraft({ ...draft, update: event.target.value })
                }
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
            <FieldErrors errors={shown.filter((error) => error.path === '')} />
            {row.execution.updates.length > 0 ? (
              <PublicHistory
                title={t('execution.updates', 'Public updates')}
                entries={row.execution.updates.map((update) => ({
                  at: update.date,
                  text: update.text,
                }))}
              />
            ) : null}
          </Flex>
        </Modal.Body>
        <DialogFooter
          saveLabel={t('execution.save', 'Save')}
          onSave={save}
          canSave={check.success && !nothingToSave}
          busy={saving}
        />
      </Modal.Content>
    </Modal.Root>
  );
};

/** The funded proposals of a round per district: how far they are and what they cost so far. */
export const ExecutionPage = () => {
  const { slug = '' } = useParams();
  const { t, formatNumber } = useT();
  const api = useBegrootApi();
  const rounds = useRoundList();
  const { toggleNotification } = useNotification();
  const [rows, setRows] = useState<ExecutionRow[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [open, setOpen] = useState<ExecutionRow | null>(null);

  const load = useCallback(() => {
    if (!slug) return;
    setFailed(null);
    setRows(null);
    api
      .listExecution(slug)
      .then(setRows, (error: unknown) =>
        setFailed(error instanceof ApiError ? error.message : String(error))
      );
  }, [api, slug]);
  useEffect(load, [load]);

  const statusName = (status: string) => t(`status.${status}`, status);

  return (
    <Page.Main>
      <Page.Title>{t('execution.title', 'Execution')}</Page.Title>
      <Layouts.Header
        title={withRoundTitle(t('execution.title', 'Execution'), rounds, slug)}
        subtitle={t(
          'execution.subtitle',
          'How the funded proposals are carried out: progress, money spent, public updates.'
        )}
        navigationAction={<SectionNav />}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <RoundPicker slug={slug} rounds={rounds} base="/plugins/begroot/execution" />
          {failed ? <FieldErrors errors={[{ path: '', message: failed }]} /> : null}
          {slug && !rows && !failed ? <Page.Loading /> : null}
          {rows && rows.length === 0 ? (
            <Typography textColor="neutral600" tag="p">
              {t(
                'execution.empty',
                'No funded proposals in this round yet: publish the results first.'
              )}
            </Typography>
          ) : null}
          {rows
            ? byDistrict(rows).map(({ district, items }) => (
                <Box
                  tag="section"
                  key={district ?? ''}
                  aria-label={district ?? t('results.cityWide', 'City-wide')}
                >
                  <Typography variant="delta" tag="h2">
                    {district ?? t('results.cityWide', 'City-wide')}
                  </Typography>
                  <Box marginTop={2}>
                    <Table colCount={4} rowCount={items.length + 1}>
                      <Thead>
                        <Tr>
                          <Th>
                            <Typography variant="sigma">
                              {t('execution.column.proposal', 'Proposal')}
                            </Typography>
                          </Th>
                          <Th>
                            <Typography variant="sigma">
                              {t('execution.column.status', 'Status')}
                            </Typography>
                          </Th>
                          <Th>
                            <Typography variant="sigma">
                              {t('execution.column.progress', 'Progress')}
                            </Typography>
                          </Th>
                          <Th>
                            <Typography variant="sigma">
                              {t('execution.column.spent', 'Spent of granted')}
                            </Typography>
                          </Th>
                        </Tr>
                      </Thead>
                      <Tbody>
                        {items.map((row) => {
                          const state = spendState(row.execution);
                          return (
                            <Tr key={row.documentId}>
                              <Td>
                                <Button variant="ghost" onClick={() => setOpen(row)}>
                                  {row.title}
                                </Button>
                              </Td>
                              <Td>
                                <Badge>{statusName(row.execution.status)}</Badge>
                              </Td>
                              <Td>
                                <Flex gap={2}>
                                  <ProgressBar
                                    value={row.execution.progress}
                                    aria-label={t('execution.progressOf', 'Progress of {title}', {
                                      title: row.title,
                                    })}
                                  />
                                  <Typography>{row.execution.progress} %</Typography>
                                </Flex>
                              </Td>
                              <Td>
                                <Typography
                                  textColor={SPEND_COLOUR[state]}
                                  fontWeight={state === 'over' ? 'bold' : undefined}
                                >
                                  {t('execution.spentOf', '{spent} of {granted} ({percent} %)', {
                                    spent: formatNumber(row.execution.spent),
                                    granted: formatNumber(row.execution.granted),
                                    percent: spentPercent(row.execution),
                                  })}
                                  {state === 'over'
                                    ? ` · ${t('execution.over', 'over budget by {amount}', {
                                        amount: formatNumber(
                                          row.execution.spent - row.execution.granted
                                        ),
                                      })}`
                                    : ''}
                                </Typography>
                              </Td>
                            </Tr>
                          );
                        })}
                      </Tbody>
                    </Table>
                  </Box>
                </Box>
              ))
            : null}
        </Flex>
        {open ? (
          <ExecutionDialog
            row={open}
            onClose={() => setOpen(null)}
            onSaved={(saved) => {
              setRows((current) =>
                (current ?? []).map((row) => (row.documentId === saved.documentId ? saved : row))
              );
              setOpen(null);
              toggleNotification({
                type: 'success',
                message: t('execution.saved', 'The execution is saved.'),
              });
            }}
          />
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
};
