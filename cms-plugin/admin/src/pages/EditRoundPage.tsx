import { useEffect, useMemo, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  IconButton,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useNavigate, useParams } from 'react-router-dom';
import {
  COMPLETIONS,
  OPTIONAL_PROPOSAL_FIELDS,
  PHASE_KINDS,
  SATISFACTIONS,
  TIE_BREAKS,
  VERIFICATION_METHODS,
  VOTING_METHODS,
  type PhaseKind,
  type RoundDocument,
} from '@begroot/core';

import { ApiError, useBegrootApi, type RoundRow } from '../api/begroot';
import { DistrictRules } from '../components/DistrictRules';
import { EmbedSnippets } from '../components/EmbedSnippets';
import { Explanations } from '../components/Explanations';
import { FieldErrors } from '../components/FieldErrors';
import { RoundOverview } from '../components/RoundOverview';
import { SectionNav } from '../components/SectionNav';
import { Timeline } from '../components/Timeline';
import { WidgetPreview } from '../components/WidgetPreview';
import { useT } from '../hooks/useT';
import {
  carryFigures,
  parseAgeBands,
  unlistedBands,
  withoutUnlistedFigures,
  type BandOrigins,
} from '../lib/ageBands';
import { checkBudgets } from '../lib/budget';
import { phaseState } from '../lib/phases';
import {
  explainCounting,
  explainMode,
  explainProposalForm,
  explainVerification,
  explainVoting,
} from '../lib/explain';
import { validateRound, type FieldError } from '../lib/issues';
import { slugFromTitle } from '../lib/templates';
import { PREVIEW_LANGUAGES, previewLanguage, type PreviewLanguage } from '../lib/preview';

const DAY = 86_400_000;

/** The CMS the widgets and their API come from (the admin's backend). */
const backendOrigin = () =>
  (window as { strapi?: { backendURL?: string } }).strapi?.backendURL || window.location.origin;

/** The document part of a listed round (the list adds its id and current phase). */
function documentOf(row: RoundRow): RoundDocument {
  const { documentId: _id, currentPhase: _phase, ...document } = row;
  return document as RoundDocument;
}

const dateOf = (instant: string) => (instant ? instant.slice(0, 10) : '');
const instantOf = (date: string) => (date ? `${date}T00:00:00.000Z` : '');

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius tag="section">
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <Box marginTop={4}>{children}</Box>
  </Box>
);

/** A grid cell whose field fills its width. */
const Cell = ({ col, s, children }: { col: number; s?: number; children: ReactNode }) => (
  <Grid.Item col={col} s={s} direction="column" alignItems="stretch">
    {children}
  </Grid.Item>
);

const textValue = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
  event.target.value;

/** One round's whole configuration on one page, checked as it is edited. */
export const EditRoundPage = () => {
  const { slug = '' } = useParams();
  const { t, formatNumber, formatDate } = useT();
  const api = useBegrootApi();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();

  const [round, setRound] = useState<RoundDocument | null>(null);
  const [missing, setMissing] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const [originsText, setOriginsText] = useState('');
  const [bandsText, setBandsText] = useState('');
  /**
   * While the official types in the age groups field: the bands as last applied and, per
   * district, the names its moved figures had when typing began (lib/ageBands.ts). Cleared when
   * the field loses focus.
   */
  const bandsEdit = useRef<{ bands: string[]; origins: BandOrigins[] } | null>(null);
  /** Raised after each save, so the widget previews show the saved round. */
  const [savedVersion, setSavedVersion] = useState(0);
  const [previewIn, setPreviewIn] = useState<PreviewLanguage | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.listRounds().then(
      (rounds) => {
        if (cancelled) return;
        const row = rounds.find((candidate) => candidate.slug === slug);
        if (!row) return setMissing(true);
        const document = documentOf(row);
        setRound(document);
        setOriginsText(document.allowedOrigins.join('\n'));
        setBandsText(document.voting.ageBands.join(', '));
      },
      () => !cancelled && setMissing(true)
    );
    return () => {
      cancelled = true;
    };
  }, [api, slug]);

  /** What is saved: figures kept for age groups no longer listed stay behind in the editor. */
  const toSave = useMemo(() => (round ? withoutUnlistedFigures(round) : null), [round]);
  const check = useMemo(() => (toSave ? validateRound(toSave) : null), [toSave]);
  const now = new Date();
  if (missing) return <Page.Error />;
  if (!round || !toSave || !check) return <Page.Loading />;

  const errors = [...(check.ok ? [] : check.errors), ...serverErrors];
  const errorAt = (path: string) => errors.find((error) => error.path === path)?.message;
  const update = (change: (draft: RoundDocument) => void) =>
    setRound((current) => {
      if (!current) return current;
      const draft = structuredClone(current);
      change(draft);
      return draft;
    });
  const money = (amount: number) =>
    formatNumber(amount, { style: 'currency', currency: round.currency, maximumFractionDigits: 2 });
  const phaseName = (kind: string) => t(`phase.${kind}`, kind);
  const budgets = checkBudgets(round.budget, round.districts);
  const keptBands = unlistedBands(round.districts, round.voting.ageBands);
  const unusedKinds = PHASE_KINDS.filter(
    (kind) => !round.phases.some((phase) => phase.kind === kind)
  );

  const save = async () => {
    setSaving(true);
    setServerErrors([]);
    try {
      const saved = await api.updateRound(slug, toSave);
      toggleNotification({ type: 'success', message: t('edit.saved', 'The round is saved.') });
      setSavedVersion((version) => version + 1);
      // The kept figures of unlisted age groups were not saved: they go, as the page said.
      setRound((current) => current && withoutUnlistedFigures(current));
      if (saved.slug !== slug) navigate(`/plugins/begroot/rounds/${saved.slug}`, { replace: true });
    } catch (error) {
      setServerErrors(
        error instanceof ApiError ? error.errors : [{ path: '', message: String(error) }]
      );
      toggleNotification({
        type: 'danger',
        message: t('edit.notSaved', 'The round is not saved: see the errors on the page.'),
      });
    } finally {
      setSaving(false);
    }
  };

  /** The round's JSON document as a file, to keep in version control or load elsewhere. */
  const download = () => {
    const blob = new Blob([`${JSON.stringify(toSave, null, 2)}\n`], {
      type: 'application/json',
    });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${round.slug}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };

  const numberField = (
    path: string,
    label: string,
    value: number | null,
    onChange: (value: number | null) => void,
    hint?: string
  ) => (
    <Field.Root name={path} error={errorAt(path)} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <NumberInput
        value={value ?? undefined}
        onValueChange={(next: number | undefined) => onChange(next ?? null)}
      />
      <Field.Error />
      <Field.Hint />
    </Field.Root>
  );

  /** A labelled text input (or, with `multiline`, a textarea) with its error and hint. */
  const textField = (
    path: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    options: {
      required?: boolean;
      hint?: string;
      type?: string;
      multiline?: boolean;
      onBlur?: () => void;
    } = {}
  ) => (
    <Field.Root name={path} required={options.required} error={errorAt(path)} hint={options.hint}>
      <Field.Label>{label}</Field.Label>
      {options.multiline ? (
        <Textarea
          value={value}
          onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(textValue(event))}
          onBlur={options.onBlur}
        />
      ) : (
        <TextInput
          type={options.type}
          value={value}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(textValue(event))}
          onBlur={options.onBlur}
        />
      )}
      <Field.Error />
      {options.hint ? <Field.Hint /> : null}
    </Field.Root>
  );

  const select = <V extends string>(
    path: string,
    label: string,
    value: V,
    options: readonly V[],
    onChange: (value: V) => void
  ) => (
    <Field.Root name={path} error={errorAt(path)}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect value={value} onChange={(next: string | number) => onChange(String(next) as V)}>
        {options.map((option) => (
          <SingleSelectOption key={option} value={option}>
            {t(`option.${path}.${option}`, option)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Error />
    </Field.Root>
  );

  return (
    <Page.Main>
      <Page.Title>{round.title}</Page.Title>
      <Layouts.Header
        title={round.title}
        navigationAction={<SectionNav />}
        secondaryAction={
          <Button variant="tertiary" onClick={download}>
            {t('edit.download', 'Download as JSON')}
          </Button>
        }
        subtitle={t(
          'edit.subtitle',
          'Every setting of the round; residents see the changes after saving.'
        )}
        primaryAction={
          <Button onClick={save} loading={saving} disabled={!check.ok || saving}>
            {t('edit.save', 'Save')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {!check.ok || serverErrors.length > 0 ? <FieldErrors errors={errors} withPaths /> : null}
          <RoundOverview slug={slug} phases={round.phases} />

          <Section title={t('edit.general', 'General')}>
            <Grid.Root gap={4}>
              <Cell col={6} s={12}>
                {textField(
                  'title',
                  t('field.title', 'Title'),
                  round.title,
                  (value) => update((draft) => void (draft.title = value)),
                  { required: true }
                )}
              </Cell>
              <Cell col={6} s={12}>
                {textField(
                  'slug',
                  t('field.slug', 'Short name (slug)'),
                  round.slug,
                  (value) => update((draft) => void (draft.slug = value)),
                  { required: true }
                )}
              </Cell>
              <Cell col={12}>
                {textField(
                  'description',
                  t('field.description', 'Description'),
                  round.description,
                  (value) => update((draft) => void (draft.description = value)),
                  { multiline: true }
                )}
              </Cell>
              <Cell col={4} s={12}>
                {numberField(
                  'budget',
                  t('field.budget', 'Total budget ({currency})', { currency: round.currency }),
                  round.budget,
                  (value) => update((draft) => void (draft.budget = value ?? 0))
                )}
              </Cell>
              <Cell col={4} s={12}>
                {textField('currency', t('field.currency', 'Currency'), round.currency, (value) =>
                  update((draft) => void (draft.currency = value.toUpperCase()))
                )}
              </Cell>
              <Cell col={4} s={12}>
                {select(
                  'language',
                  t('field.language', 'Language of the round'),
                  round.language as 'nl' | 'en' | 'fr',
                  ['nl', 'en', 'fr'],
                  (value) => update((draft) => void (draft.language = value))
                )}
              </Cell>
              <Cell col={12}>
                {select(
                  'mode',
                  t('field.mode', 'What the outcome means'),
                  round.mode,
                  ['decide', 'advise'],
                  (value) => update((draft) => void (draft.mode = value))
                )}
                <Explanations lines={[explainMode(round.mode)]} />
              </Cell>
              <Cell col={12}>
                {textField(
                  'publicUrl',
                  t('field.publicUrl', 'The round’s page on the city’s website'),
                  round.publicUrl ?? '',
                  (value) => update((draft) => void (draft.publicUrl = value.trim() || null)),
                  {
                    type: 'url',
                    hint: t(
                      'field.publicUrlHint',
                      'E-mails to residents link to it. Write {id} where a proposal’s id goes, as in https://www.voorbeeldstad.nl/begroting/voorstel?id={id}.',
                      { id: '{id}' }
                    ),
                  }
                )}
              </Cell>
            </Grid.Root>
          </Section>

          <Section title={t('edit.phases', 'Phases')}>
            <Timeline phases={round.phases} />
            <Flex direction="column" alignItems="stretch" gap={3} marginTop={4}>
              {round.phases.map((phase, index) => (
                <Grid.Root key={phase.kind} gap={4}>
                  <Grid.Item col={3} s={12} direction="column" alignItems="flex-start">
                    <Typography fontWeight="bold">{phaseName(phase.kind)}</Typography>
                    {phaseState(phase, now) === 'running' ? (
                      <Button
                        variant="tertiary"
                        size="S"
                        onClick={() =>
                          update(
                            (draft) => void (draft.phases[index]!.closedAt = now.toISOString())
                          )
                        }
                      >
                        {t('phase.close', 'Close this phase now')}
                      </Button>
                    ) : null}
                    {phaseState(phase, now) === 'closedEarly' ? (
                      <Flex gap={2}>
                        <Typography variant="pi" textColor="warning600">
                          {t('phase.closedOn', 'Closed early on {date}', {
                            date: formatDate(phase.closedAt!, { dateStyle: 'medium' }),
                          })}
                        </Typography>
                        <Button
                          variant="tertiary"
                          size="S"
                          onClick={() =>
                            update((draft) => void (draft.phases[index]!.closedAt = null))
                          }
                        >
                          {t('phase.reopen', 'Reopen')}
                        </Button>
                      </Flex>
                    ) : null}
                  </Grid.Item>
                  <Cell col={4} s={6}>
                    {textField(
                      `phases.${index}.start`,
                      t('phase.start', 'Starts'),
                      dateOf(phase.start),
                      (value) =>
                        update((draft) => void (draft.phases[index]!.start = instantOf(value))),
                      { type: 'date' }
                    )}
                  </Cell>
                  <Cell col={4} s={6}>
                    {textField(
                      `phases.${index}.end`,
                      t('phase.end', 'Ends'),
                      dateOf(phase.end),
                      (value) =>
                        update((draft) => void (draft.phases[index]!.end = instantOf(value))),
                      {
                        type: 'date',
                        hint: t('phase.endHint', 'The phase ends at the start of this day.'),
                      }
                    )}
                  </Cell>
                  <Grid.Item col={1} s={12}>
                    <IconButton
                      label={t('phase.remove', 'Remove the {phase} phase', {
                        phase: phaseName(phase.kind),
                      })}
                      onClick={() => update((draft) => void draft.phases.splice(index, 1))}
                      disabled={round.phases.length === 1}
                    >
                      <Trash />
                    </IconButton>
                  </Grid.Item>
                </Grid.Root>
              ))}
              {unusedKinds.length > 0 ? (
                <Flex gap={2} wrap="wrap">
                  {unusedKinds.map((kind: PhaseKind) => (
                    <Button
                      key={kind}
                      variant="secondary"
                      size="S"
                      onClick={() =>
                        update((draft) => {
                          const last = Math.max(
                            ...draft.phases.map((phase) => Date.parse(phase.end))
                          );
                          const from = Number.isFinite(last) ? last : Date.now();
                          draft.phases.push({
                            kind,
                            start: new Date(from).toISOString(),
                            end: new Date(from + 14 * DAY).toISOString(),
                          });
                          draft.phases.sort(
                            (a, b) => PHASE_KINDS.indexOf(a.kind) - PHASE_KINDS.indexOf(b.kind)
                          );
                        })
                      }
                    >
                      {t('phase.add', 'Add the {phase} phase', { phase: phaseName(kind) })}
                    </Button>
                  ))}
                </Flex>
              ) : null}
            </Flex>
          </Section>

          <Section title={t('edit.districts', 'Districts and budgets')}>
            <Flex direction="column" alignItems="stretch" gap={3}>
              {round.districts.length === 0 ? (
                <Typography textColor="neutral600">
                  {t('districts.none', 'No districts: the whole budget is spent city-wide.')}
                </Typography>
              ) : null}
              {round.districts.map((district, index) => (
                <Grid.Root key={index} gap={4}>
                  <Cell col={4} s={12}>
                    {textField(
                      `districts.${index}.name`,
                      t('districts.name', 'Name'),
                      district.name,
                      (value) => update((draft) => void (draft.districts[index]!.name = value))
                    )}
                  </Cell>
                  <Cell col={3} s={12}>
                    {textField(
                      `districts.${index}.slug`,
                      t('field.slug', 'Short name (slug)'),
                      district.slug,
                      (value) => update((draft) => void (draft.districts[index]!.slug = value))
                    )}
                  </Cell>
                  <Cell col={4} s={12}>
                    {numberField(
                      `districts.${index}.budget`,
                      t('districts.budget', 'Budget'),
                      district.budget,
                      (value) =>
                        update((draft) => void (draft.districts[index]!.budget = value ?? 0))
                    )}
                  </Cell>
                  <Grid.Item col={1} s={12}>
                    <IconButton
                      label={t('districts.remove', 'Remove {name}', { name: district.name })}
                      onClick={() => update((draft) => void draft.districts.splice(index, 1))}
                    >
                      <Trash />
                    </IconButton>
                  </Grid.Item>
                  <Cell col={3} s={6}>
                    {numberField(
                      `districts.${index}.population`,
                      t('districts.population', 'Residents who may vote'),
                      district.population ?? null,
                      (value) =>
                        update((draft) => void (draft.districts[index]!.population = value)),
                      t('districts.populationHint', 'For the participation figures; not public.')
                    )}
                  </Cell>
                  {round.voting.ageBands.map((band) => (
                    <Cell key={band} col={2} s={6}>
                      {numberField(
                        `districts.${index}.ageBands.${band}`,
                        t('districts.bandPopulation', 'Residents aged {band}', { band }),
                        district.ageBands?.[band] ?? null,
                        (value) =>
                          update((draft) => {
                            const bands = { ...draft.districts[index]!.ageBands };
                            if (value === null) delete bands[band];
                            else bands[band] = value;
                            draft.districts[index]!.ageBands = bands;
                          })
                      )}
                    </Cell>
                  ))}
                  <Cell col={12}>
                    <DistrictRules round={round} index={index} update={update} errorAt={errorAt} />
                  </Cell>
                  <Cell col={12}>
                    <Box paddingLeft={6}>
                      {district.neighbourhoods.map((neighbourhood, n) => (
                        <Flex key={n} gap={3} alignItems="flex-end" marginBottom={2}>
                          {textField(
                            `districts.${index}.neighbourhoods.${n}.name`,
                            t('neighbourhoods.name', 'Neighbourhood'),
                            neighbourhood.name,
                            (value) =>
                              update((draft) => {
                                const item = draft.districts[index]!.neighbourhoods[n]!;
                                if (item.slug === slugFromTitle(item.name)) {
                                  item.slug = slugFromTitle(value);
                                }
                                item.name = value;
                              })
                          )}
                          {numberField(
                            `districts.${index}.neighbourhoods.${n}.cap`,
                            t('neighbourhoods.cap', 'Cap'),
                            neighbourhood.cap ?? null,
                            (value) =>
                              update(
                                (draft) =>
                                  void (draft.districts[index]!.neighbourhoods[n]!.cap = value)
                              ),
                            t(
                              'neighbourhoods.capHint',
                              'Most that may go to this neighbourhood; empty for no cap.'
                            )
                          )}
                          <IconButton
                            label={t('districts.remove', 'Remove {name}', {
                              name: neighbourhood.name,
                            })}
                            onClick={() =>
                              update(
                                (draft) => void draft.districts[index]!.neighbourhoods.splice(n, 1)
                              )
                            }
                          >
                            <Trash />
                          </IconButton>
                        </Flex>
                      ))}
                      <Button
                        variant="tertiary"
                        size="S"
                        onClick={() =>
                          update((draft) => {
                            const all = draft.districts.flatMap((d) => d.neighbourhoods).length;
                            draft.districts[index]!.neighbourhoods.push({
                              slug: `buurt-${all + 1}`,
                              name: t('neighbourhoods.newName', 'Neighbourhood {number}', {
                                number: all + 1,
                              }),
                              cap: null,
                            });
                          })
                        }
                      >
                        {t('neighbourhoods.add', 'Add a neighbourhood to {district}', {
                          district: district.name,
                        })}
                      </Button>
                    </Box>
                  </Cell>
                </Grid.Root>
              ))}
              {errorAt('districts') ? (
                <Typography textColor="danger600">{errorAt('districts')}</Typography>
              ) : null}
              {budgets.applies ? (
                <Typography
                  role="status"
                  fontWeight="bold"
                  textColor={budgets.difference === 0 ? 'success600' : 'danger600'}
                >
                  {budgets.difference === 0
                    ? t(
                        'districts.balanced',
                        'The districts’ budgets add up to the total of {total}.',
                        {
                          total: money(round.budget),
                        }
                      )
                    : t(
                        budgets.difference > 0 ? 'districts.under' : 'districts.over',
                        budgets.difference > 0
                          ? 'The districts’ budgets add up to {sum}: {difference} less than the total of {total}.'
                          : 'The districts’ budgets add up to {sum}: {difference} more than the total of {total}.',
                        {
                          sum: money(budgets.sum),
                          difference: money(Math.abs(budgets.difference)),
                          total: money(round.budget),
                        }
                      )}
                </Typography>
              ) : null}
              <Box>
                <Button
                  variant="secondary"
                  onClick={() =>
                    update(
                      (draft) =>
                        void draft.districts.push({
                          slug: `wijk-${draft.districts.length + 1}`,
                          name: t('districts.newName', 'District {number}', {
                            number: draft.districts.length + 1,
                          }),
                          budget: Math.max(
                            0,
                            checkBudgets(draft.budget, draft.districts).difference
                          ),
                          neighbourhoods: [],
                        })
                    )
                  }
                >
                  {t('districts.add', 'Add a district')}
                </Button>
              </Box>
            </Flex>
          </Section>

          <Section title={t('edit.themes', 'Themes')}>
            <Flex direction="column" alignItems="stretch" gap={3}>
              {round.themes.map((theme, index) => (
                <Flex key={index} gap={4} alignItems="flex-end">
                  {textField(
                    `themes.${index}.name`,
                    t('themes.name', 'Theme'),
                    theme.name,
                    (name) =>
                      update((draft) => {
                        const before = draft.themes[index]!;
                        if (before.slug === slugFromTitle(before.name))
                          before.slug = slugFromTitle(name);
                        before.name = name;
                      })
                  )}
                  <Typography variant="pi" textColor="neutral600">
                    {theme.slug}
                  </Typography>
                  <IconButton
                    label={t('themes.remove', 'Remove {name}', { name: theme.name })}
                    onClick={() => update((draft) => void draft.themes.splice(index, 1))}
                  >
                    <Trash />
                  </IconButton>
                </Flex>
              ))}
              {errorAt('themes') ? (
                <Typography textColor="danger600">{errorAt('themes')}</Typography>
              ) : null}
              <Box>
                <Button
                  variant="secondary"
                  onClick={() =>
                    update(
                      (draft) =>
                        void draft.themes.push({
                          slug: `thema-${draft.themes.length + 1}`,
                          name: t('themes.newName', 'Theme {number}', {
                            number: draft.themes.length + 1,
                          }),
                        })
                    )
                  }
                >
                  {t('themes.add', 'Add a theme')}
                </Button>
              </Box>
            </Flex>
          </Section>

          <Section title={t('edit.form', 'Proposal form')}>
            <Flex direction="column" alignItems="flex-start" gap={3}>
              <Checkbox
                checked={round.proposalForm.askCost}
                onCheckedChange={(checked: boolean) =>
                  update((draft) => {
                    draft.proposalForm.askCost = checked === true;
                    if (!checked) draft.proposalForm.costRequired = false;
                  })
                }
              >
                {t('form.askCost', 'Ask residents for a rough cost')}
              </Checkbox>
              <Checkbox
                checked={round.proposalForm.costRequired}
                disabled={!round.proposalForm.askCost}
                onCheckedChange={(checked: boolean) =>
                  update((draft) => void (draft.proposalForm.costRequired = checked === true))
                }
              >
                {t('form.costRequired', 'Make the rough cost required')}
              </Checkbox>
              <Typography variant="sigma">
                {t('form.optionalFields', 'Optional fields shown')}
              </Typography>
              <Flex gap={4} wrap="wrap">
                {OPTIONAL_PROPOSAL_FIELDS.map((field) => (
                  <Checkbox
                    key={field}
                    checked={round.proposalForm.optionalFields.includes(field)}
                    onCheckedChange={(checked: boolean) =>
                      update((draft) => {
                        const fields = draft.proposalForm.optionalFields.filter((f) => f !== field);
                        draft.proposalForm.optionalFields = checked
                          ? OPTIONAL_PROPOSAL_FIELDS.filter(
                              (f) => f === field || fields.includes(f)
                            )
                          : fields;
                      })
                    }
                  >
                    {t(`form.field.${field}`, field)}
                  </Checkbox>
                ))}
              </Flex>
              <Grid.Root gap={4}>
                <Cell col={3} s={6}>
                  {numberField(
                    'proposalForm.titleMax',
                    t('form.titleMax', 'Longest title'),
                    round.proposalForm.titleMax,
                    (value) => update((draft) => void (draft.proposalForm.titleMax = value ?? 0))
                  )}
                </Cell>
                <Cell col={3} s={6}>
                  {numberField(
                    'proposalForm.summaryMax',
                    t('form.summaryMax', 'Longest summary'),
                    round.proposalForm.summaryMax,
                    (value) => update((draft) => void (draft.proposalForm.summaryMax = value ?? 0))
                  )}
                </Cell>
                <Cell col={3} s={6}>
                  {numberField(
                    'proposalForm.descriptionMax',
                    t('form.descriptionMax', 'Longest description'),
                    round.proposalForm.descriptionMax,
                    (value) =>
                      update((draft) => void (draft.proposalForm.descriptionMax = value ?? 0))
                  )}
                </Cell>
                <Cell col={3} s={6}>
                  {numberField(
                    'proposalForm.responseDays',
                    t('form.responseDays', 'Days to answer a proposal'),
                    round.proposalForm.responseDays,
                    (value) =>
                      update((draft) => void (draft.proposalForm.responseDays = value ?? 0))
                  )}
                </Cell>
              </Grid.Root>
              <Explanations lines={explainProposalForm(round.proposalForm)} />
            </Flex>
          </Section>

          <Section title={t('edit.voting', 'Voting')}>
            <Grid.Root gap={4}>
              <Cell col={4} s={12}>
                {select(
                  'voting.method',
                  t('voting.method', 'How residents vote'),
                  round.voting.method,
                  VOTING_METHODS,
                  (value) =>
                    update((draft) => {
                      draft.voting.method = value;
                      draft.voting.points = value === 'points' ? (draft.voting.points ?? 10) : null;
                    })
                )}
              </Cell>
              <Cell col={4} s={12}>
                {select(
                  'voting.districtScope',
                  t('voting.districtScope', 'Where residents vote'),
                  round.voting.districtScope,
                  ['own', 'any', 'all'] as const,
                  (value) => update((draft) => void (draft.voting.districtScope = value))
                )}
              </Cell>
              <Cell col={4} s={12}>
                {select(
                  'voting.revote',
                  t('voting.revote', 'Changing a vote'),
                  round.voting.revote,
                  ['forbid', 'replace'] as const,
                  (value) => update((draft) => void (draft.voting.revote = value))
                )}
              </Cell>
              <Cell col={3} s={6}>
                {numberField(
                  'voting.minSelections',
                  t('voting.minSelections', 'Fewest proposals to choose'),
                  round.voting.minSelections,
                  (value) => update((draft) => void (draft.voting.minSelections = value ?? 0))
                )}
              </Cell>
              <Cell col={3} s={6}>
                {numberField(
                  'voting.maxSelections',
                  t('voting.maxSelections', 'Most proposals to choose'),
                  round.voting.maxSelections,
                  (value) => update((draft) => void (draft.voting.maxSelections = value)),
                  t('voting.maxHint', 'Leave empty for no limit.')
                )}
              </Cell>
              {round.voting.method === 'points' ? (
                <Cell col={3} s={6}>
                  {numberField(
                    'voting.points',
                    t('voting.points', 'Points to spread'),
                    round.voting.points,
                    (value) => update((draft) => void (draft.voting.points = value))
                  )}
                </Cell>
              ) : null}
              {round.voting.method === 'knapsack' ? (
                <Cell col={3} s={6}>
                  {numberField(
                    'voting.minSpendShare',
                    t('voting.minSpendShare', 'Share of the budget to spend at least (%)'),
                    Math.round(round.voting.minSpendShare * 100),
                    (value) =>
                      update((draft) => void (draft.voting.minSpendShare = (value ?? 0) / 100))
                  )}
                </Cell>
              ) : null}
              <Cell col={12}>
                <Checkbox
                  checked={round.voting.askAgeBand}
                  onCheckedChange={(checked: boolean) =>
                    update((draft) => void (draft.voting.askAgeBand = checked === true))
                  }
                >
                  {t(
                    'voting.askAgeBand',
                    'Ask voters their age group (they may skip it; counted apart from the vote)'
                  )}
                </Checkbox>
              </Cell>
              <Cell col={6} s={12}>
                {textField(
                  'voting.ageBands',
                  t('voting.ageBands', 'Age groups'),
                  bandsText,
                  (text) => {
                    setBandsText(text);
                    const bands = parseAgeBands(text);
                    const { bands: before, origins } = bandsEdit.current ?? {
                      bands: round.voting.ageBands,
                      origins: [],
                    };
                    const carried = round.districts.map((district, index) =>
                      carryFigures(district.ageBands, before, bands, origins[index])
                    );
                    bandsEdit.current = { bands, origins: carried.map((item) => item.origins) };
                    update((draft) => {
                      draft.voting.ageBands = bands;
                      draft.districts.forEach((district, index) => {
                        if (district.ageBands) district.ageBands = carried[index]?.figures;
                      });
                    });
                  },
                  {
                    hint: t(
                      'voting.ageBandsHint',
                      'Youngest first, separated by commas, such as 16-29, 30-64, 65+. Give the residents per group with each district.'
                    ),
                    onBlur: () => {
                      bandsEdit.current = null;
                    },
                  }
                )}
                <Box role="status">
                  {keptBands.length > 0 ? (
                    <Typography variant="pi" textColor="warning600" tag="p">
                      {t(
                        'voting.ageBandsKept',
                        'Residents per district are kept for {bands}, no longer listed: list a group again to use its figures. Saving leaves them out.',
                        { bands: keptBands.join(', ') }
                      )}
                    </Typography>
                  ) : null}
                </Box>
              </Cell>
            </Grid.Root>
            <Explanations lines={explainVoting(round.voting)} />
          </Section>

          <Section title={t('edit.counting', 'Counting')}>
            <Grid.Root gap={4}>
              <Cell col={3} s={6}>
                {select(
                  'counting.rule',
                  t('counting.rule', 'Rule'),
                  round.counting.rule,
                  ['mes', 'greedy'] as const,
                  (value) => update((draft) => void (draft.counting.rule = value))
                )}
              </Cell>
              {round.counting.rule === 'mes' ? (
                <>
                  <Cell col={3} s={6}>
                    {select(
                      'counting.satisfaction',
                      t('counting.satisfaction', 'Satisfaction'),
                      round.counting.satisfaction,
                      SATISFACTIONS,
                      (value) => update((draft) => void (draft.counting.satisfaction = value))
                    )}
                  </Cell>
                  <Cell col={3} s={6}>
                    {select(
                      'counting.completion',
                      t('counting.completion', 'Money left over'),
                      round.counting.completion,
                      COMPLETIONS,
                      (value) => update((draft) => void (draft.counting.completion = value))
                    )}
                  </Cell>
                </>
              ) : null}
              <Cell col={3} s={6}>
                {select(
                  'counting.tieBreak',
                  t('counting.tieBreak', 'On a tie'),
                  round.counting.tieBreak,
                  TIE_BREAKS,
                  (value) => update((draft) => void (draft.counting.tieBreak = value))
                )}
              </Cell>
            </Grid.Root>
            <Explanations lines={explainCounting(round.counting)} />
          </Section>

          <Section title={t('edit.verification', 'Verification of voters')}>
            <Flex gap={4} wrap="wrap">
              {VERIFICATION_METHODS.map((method) => (
                <Checkbox
                  key={method}
                  checked={round.verification.methods.includes(method)}
                  onCheckedChange={(checked: boolean) =>
                    update((draft) => {
                      const others = draft.verification.methods.filter((m) => m !== method);
                      draft.verification.methods = checked
                        ? VERIFICATION_METHODS.filter((m) => m === method || others.includes(m))
                        : others;
                    })
                  }
                >
                  {t(`option.verification.${method}`, method)}
                </Checkbox>
              ))}
            </Flex>
            {errorAt('verification.methods') ? (
              <Typography textColor="danger600">{errorAt('verification.methods')}</Typography>
            ) : null}
            <Explanations lines={explainVerification(round.verification)} />
          </Section>

          <Section title={t('edit.origins', 'Allowed embedding origins')}>
            <Field.Root
              name="allowedOrigins"
              error={
                errors
                  .filter((error) => error.path.startsWith('allowedOrigins'))
                  .map((error) => error.message)
                  .join(' ') || undefined
              }
              hint={t(
                'origins.hint',
                'The city’s own web addresses, one per line, such as https://www.voorbeeldstad.nl. Only pages there may use the widgets of this round.'
              )}
            >
              <Field.Label>{t('origins.label', 'Web addresses')}</Field.Label>
              <Textarea
                value={originsText}
                onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
                  const text = textValue(event);
                  setOriginsText(text);
                  update(
                    (draft) =>
                      void (draft.allowedOrigins = text
                        .split('\n')
                        .map((line) => line.trim())
                        .filter(Boolean))
                  );
                }}
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
          </Section>

          <Section title={t('edit.embed', 'Embed on the city’s website')}>
            <Box maxWidth="20rem" marginBottom={4}>
              {select(
                'preview.language',
                t('preview.language', 'Preview in'),
                previewIn ?? previewLanguage(round.language),
                PREVIEW_LANGUAGES,
                setPreviewIn
              )}
            </Box>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {t(
                'preview.live',
                'The previews show the saved round with the real widgets: what is sent from them is real.'
              )}
            </Typography>
            <EmbedSnippets
              slug={slug}
              preview={(tag, title) => (
                <WidgetPreview
                  cmsOrigin={backendOrigin()}
                  slug={slug}
                  tag={tag}
                  title={title}
                  language={previewIn ?? previewLanguage(round.language)}
                  version={savedVersion}
                />
              )}
            />
          </Section>

          <Flex justifyContent="flex-end">
            <Button onClick={save} loading={saving} disabled={!check.ok || saving}>
              {t('edit.save', 'Save')}
            </Button>
          </Flex>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
