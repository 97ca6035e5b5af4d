import { useCallback, useEffect, useState, type ChangeEvent } from 'react';
import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  Tabs,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';

import { ApiError, useBegrootApi } from '../api/begroot';
import { FieldErrors } from '../components/FieldErrors';
import { SectionNav } from '../components/SectionNav';
import { useT } from '../hooks/useT';
import { RoundPicker, useRoundList, withRoundTitle } from '../components/RoundPicker';
import {
  checkAnswer,
  checkModeration,
  itemsFor,
  moderationListUrl,
  toModerationItem,
  type ModerationItem,
  type ModerationView,
} from '../lib/moderation';

/** One argument with its proposal and reports: hide or restore it, or answer it officially. */
const ArgumentCard = ({
  item,
  onModerated,
}: {
  item: ModerationItem;
  onModerated: (documentId: string) => void;
}) => {
  const { t, formatDate } = useT();
  const api = useBegrootApi();
  const { toggleNotification } = useNotification();
  const [reason, setReason] = useState('');
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<{ path: string; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const hide = !item.hidden;

  const moderate = async () => {
    const problems = checkModeration(hide, reason);
    setErrors(problems);
    if (problems.length) return;
    setBusy(true);
    try {
      await api.moderateArgument(item.documentId, hide, reason.trim());
      toggleNotification({
        type: 'success',
        message: hide
          ? t('moderation.hidden', 'The argument is hidden.')
          : t('moderation.restored', 'The argument is visible again.'),
      });
      onModerated(item.documentId);
    } catch (error) {
      setErrors(error instanceof ApiError ? error.errors : [{ path: '', message: String(error) }]);
    } finally {
      setBusy(false);
    }
  };

  const postAnswer = async () => {
    if (!item.proposal) return;
    const problems = checkAnswer(answer, item.documentId);
    setErrors(problems.map((problem) => ({ ...problem, path: `answer.${problem.path}` })));
    if (problems.length) return;
    setBusy(true);
    try {
      await api.postAnswer(item.proposal.documentId, answer.trim(), item.documentId);
      setAnswer('');
      toggleNotification({
        type: 'success',
        message: t('moderation.answered', 'Your official answer is posted.'),
      });
    } catch (error) {
      setErrors(error instanceof ApiError ? error.errors : [{ path: '', message: String(error) }]);
    } finally {
      setBusy(false);
    }
  };

  const errorAt = (path: string) => errors.find((error) => error.path === path)?.message;

  return (
    <Box
      background="neutral0"
      padding={6}
      shadow="filterShadow"
      hasRadius
      tag="article"
      aria-label={t('moderation.argumentBy', 'Argument by {name}', { name: item.authorName })}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Box>
          <Typography variant="pi" textColor="neutral600">
            {t('moderation.onProposal', 'On the proposal')}
          </Typography>
          <Typography variant="delta" tag="h2">
            {item.proposal?.title ?? '–'}
          </Typography>
        </Box>
        <Box background="neutral100" padding={4} hasRadius>
          <Flex gap={2} marginBottom={2}>
            <Badge>{t(`stance.${item.stance}`, item.stance)}</Badge>
            <Typography fontWeight="bold">{item.authorName}</Typography>
            <Typography variant="pi" textColor="neutral600">
              {item.postedAt ? formatDate(item.postedAt, { dateStyle: 'medium' }) : ''}
            </Typography>
            {item.hidden ? (
              <Badge textColor="danger600">{t('moderation.isHidden', 'Hidden')}</Badge>
            ) : null}
          </Flex>
          <Typography style={{ whiteSpace: 'pre-wrap' }}>{item.body}</Typography>
        </Box>
        {item.reports.length > 0 ? (
          <Box>
            <Typography variant="sigma">
              {t('moderation.reports', 'Reported {count} times', { count: item.reports.length })}
            </Typography>
            <Flex direction="column" alignItems="flex-start" gap={1} tag="ul">
              {item.reports.map((report, index) => (
                <Typography key={`${report.at}-${index}`} tag="li" variant="omega">
                  {report.at ? formatDate(report.at, { dateStyle: 'medium' }) : ''}
                  {' · '}
                  {report.reason ?? t('moderation.noReason', 'no reason given')}
                </Typography>
              ))}
            </Flex>
          </Box>
        ) : null}
        {item.moderationReason ? (
          <Typography variant="omega" textColor="neutral600">
            {t('moderation.lastReason', 'Reason given: {reason}', {
              reason: item.moderationReason,
            })}
          </Typography>
        ) : null}
        <Flex gap={2} alignItems="flex-end">
          <Box grow={1}>
            <Field.Root
              name={`reason-${item.documentId}`}
              required
              error={errorAt('reason')}
              hint={t('moderation.reasonHint', 'Kept with the argument; say why, briefly.')}
            >
              <Field.Label>
                {hide
                  ? t('moderation.hideReason', 'Reason to hide')
                  : t('moderation.restoreReason', 'Reason to restore')}
              </Field.Label>
              <TextInput
                value={reason}
                onChange={(event: ChangeEvent<HTMLInputElement>) => setReason(event.target.value)}
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
          </Box>
          <Button variant={hide ? 'danger' : 'secondary'} onClick={moderate} loading={busy}>
            {hide ? t('moderation.hide', 'Hide') : t('moderation.restore', 'Restore')}
          </Button>
        </Flex>
        {item.proposal && !item.hidden ? (
          <Flex gap={2} alignItems="flex-end">
            <Box grow={1}>
              <Field.Root name={`answer-${item.documentId}`} error={errorAt('answer.body')}>
                <Field.Label>{t('moderation.answer', 'Official answer')}</Field.Label>
                <Textarea
                  value={answer}
                  onChange={(event: ChangeEvent<HTMLTextAreaElement>) =>
                    setAnswer(event.target.value)
                  }
                />
                <Field.Error />
              </Field.Root>
            </Box>
            <Button variant="secondary" onClick={postAnswer} loading={busy}>
              {t('moderation.postAnswer', 'Post the answer')}
            </Button>
          </Flex>
        ) : null}
        <FieldErrors errors={errors.filter((error) => error.path === '')} />
      </Flex>
    </Box>
  );
};

/** Arguments waiting after a report, and hidden ones, each with its proposal for context. */
export const ModerationPage = () => {
  const { t } = useT();
  const { slug = '' } = useParams();
  const { get } = useFetchClient();
  const rounds = useRoundList();
  const [view, setView] = useState<ModerationView>('waiting');
  const [items, setItems] = useState<ModerationItem[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const load = useCallback(() => {
    if (!slug) return;
    setItems(null);
    setFailed(null);
    type Answer = { data: Record<string, unknown>[]; meta: { pagination: { pageCount: number } } };
    (async () => {
      const rows: Record<string, unknown>[] = [];
      for (let page = 1, pages = 1; page <= pages; page++) {
        const { data } = await get<Answer>(moderationListUrl(slug, view, page));
        rows.push(...data.data);
        pages = data.meta.pagination.pageCount;
      }
      return itemsFor(view, rows.map(toModerationItem));
    })().then(setItems, (error: unknown) => {
      const body = (error as { response?: { data?: { error?: { message?: string } } } }).response;
      setFailed(
        body?.data?.error?.message ?? (error instanceof Error ? error.message : String(error))
      );
    });
  }, [get, slug, view]);
  useEffect(load, [load]);

  return (
    <Page.Main>
      <Page.Title>{t('moderation.title', 'Moderation')}</Page.Title>
      <Layouts.Header
        title={withRoundTitle(t('moderation.title', 'Moderation'), rounds, slug)}
        subtitle={t(
          'moderation.subtitle',
          'Reported arguments wait here; hidden ones disappear from the public pages.'
        )}
        navigationAction={<SectionNav />}
      />
      <Layouts.Content>
        <Box paddingBottom={4}>
          <RoundPicker slug={slug} rounds={rounds} base="/plugins/begroot/moderation" />
        </Box>
        {!slug ? null : (
          <Tabs.Root
            value={view}
            onValueChange={(value: string) => setView(value as ModerationView)}
          >
            <Tabs.List aria-label={t('moderation.views', 'Which arguments')}>
              <Tabs.Trigger value="waiting">{t('moderation.waiting', 'Reported')}</Tabs.Trigger>
              <Tabs.Trigger value="hidden">{t('moderation.hiddenTab', 'Hidden')}</Tabs.Trigger>
            </Tabs.List>
            <Box paddingTop={4}>
              {failed ? <FieldErrors errors={[{ path: '', message: failed }]} /> : null}
              {!items && !failed ? <Page.Loading /> : null}
              {items && items.length === 0 ? (
                <EmptyStateLayout
                  content={
                    view === 'waiting'
                      ? t('moderation.noneWaiting', 'No reported arguments wait for moderation.')
                      : t('moderation.noneHidden', 'No argument is hidden.')
                  }
                />
              ) : null}
              <Flex direction="column" alignItems="stretch" gap={4}>
                {items?.map((item) => (
                  <ArgumentCard
                    key={item.documentId}
                    item={item}
                    onModerated={(documentId) =>
                      setItems(
                        (current) => current?.filter((row) => row.documentId !== documentId) ?? null
                      )
                    }
                  />
                ))}
              </Flex>
            </Box>
          </Tabs.Root>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
