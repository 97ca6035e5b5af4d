import {
  Box,
  Checkbox,
  Field,
  Grid,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import {
  COMPLETIONS,
  COUNTING_RULES,
  VOTING_METHODS,
  effectiveSettings,
  hasOwnRules,
  type RoundDocument,
} from '@begroot/core';

import { useT } from '../hooks/useT';

type District = RoundDocument['districts'][number];

export interface DistrictRulesProps {
  round: RoundDocument;
  /** The district's place in `round.districts`. */
  index: number;
  /** Changes the round (a draft to change in place). */
  update: (change: (draft: RoundDocument) => void) => void;
  /** The error at a path of the round document, if any. */
  errorAt: (path: string) => string | undefined;
}

/**
 * A district's own voting rules (method, limits, counting rule) on top of the round's, within the
 * city-wide frame: only where each voter votes in one district. Fields show the rule that applies
 * (the round's until the district sets its own); only what an official changes is stored.
 */
export const DistrictRules = ({ round, index, update, errorAt }: DistrictRulesProps) => {
  const { t } = useT();
  const district = round.districts[index]!;
  const own = hasOwnRules(district);
  const allowed = round.voting.districtScope !== 'all';
  const { voting, counting } = effectiveSettings(round, district.slug);
  const at = `districts.${index}`;
  const id = `district-rules-${index}`;

  const change = (edit: (district: District) => void) =>
    update((draft) => edit(draft.districts[index]!));
  const setVoting = <K extends keyof NonNullable<District['voting']>>(
    key: K,
    value: NonNullable<District['voting']>[K]
  ) => change((d) => void (d.voting = { ...d.voting, [key]: value }));
  const setCounting = <K extends keyof NonNullable<District['counting']>>(
    key: K,
    value: NonNullable<District['counting']>[K]
  ) => change((d) => void (d.counting = { ...d.counting, [key]: value }));

  const toggle = (on: boolean) =>
    change((d) => {
      if (on) {
        // Start from the round's rules, so nothing changes until an official changes it.
        d.voting = { method: round.voting.method };
        d.counting = { rule: round.counting.rule };
      } else {
        delete d.voting;
        delete d.counting;
      }
    });

  const number = (
    path: string,
    label: string,
    value: number | null,
    onChange: (value: number | null) => void,
    hint?: string
  ) => (
    <Field.Root name={`${at}.${path}`} error={errorAt(`${at}.${path}`)} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <NumberInput
        value={value ?? undefined}
        onValueChange={(next: number | undefined) => onChange(next ?? null)}
      />
      <Field.Error />
      {hint ? <Field.Hint /> : null}
    </Field.Root>
  );

  const select = <V extends string>(
    path: string,
    label: string,
    value: V,
    options: readonly V[],
    onChange: (value: V) => void
  ) => (
    <Field.Root name={`${at}.${path}`} error={errorAt(`${at}.${path}`)}>
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
    <Box paddingLeft={6} paddingTop={2} tag="fieldset" aria-labelledby={`${id}-legend`}>
      <Typography id={`${id}-legend`} variant="sigma" tag="legend">
        {t('districtRules.title', 'Own voting rules of {district}', { district: district.name })}
      </Typography>
      <Box paddingTop={2}>
        <Checkbox
          checked={own}
          disabled={!allowed && !own}
          onCheckedChange={(checked: boolean) => toggle(checked === true)}
        >
          {t('districtRules.own', '{district} votes and counts its own way', {
            district: district.name,
          })}
        </Checkbox>
        <Typography variant="pi" textColor="neutral600">
          {allowed
            ? t(
                'districtRules.hint',
                'Method, limits and counting rule for this district; what you leave as it is follows the round.'
              )
            : t(
                'districtRules.needsOneDistrict',
                'Only where each voter votes in one district (Where residents vote: own or one district of choice).'
              )}
        </Typography>
        {errorAt(`${at}.voting`) || errorAt(`${at}.counting`) ? (
          <Typography textColor="danger600" role="alert">
            {errorAt(`${at}.voting`) ?? errorAt(`${at}.counting`)}
          </Typography>
        ) : null}
      </Box>
      {own ? (
        <Box paddingTop={3}>
          <Grid.Root gap={4}>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              {select(
                'voting.method',
                t('voting.method', 'How residents vote'),
                voting.method,
                VOTING_METHODS,
                (value) =>
                  change((d) => {
                    const next = { ...d.voting, method: value };
                    // Points ballots need a number; other methods take none.
                    if (value === 'points')
                      next.points = voting.points ?? round.voting.points ?? 10;
                    else delete next.points;
                    d.voting = next;
                  })
              )}
            </Grid.Item>
            <Grid.Item col={4} s={6} direction="column" alignItems="stretch">
              {number(
                'voting.minSelections',
                t('voting.minSelections', 'Fewest proposals to choose'),
                voting.minSelections,
                (value) => setVoting('minSelections', value ?? 0)
              )}
            </Grid.Item>
            <Grid.Item col={4} s={6} direction="column" alignItems="stretch">
              {number(
                'voting.maxSelections',
                t('voting.maxSelections', 'Most proposals to choose'),
                voting.maxSelections,
                (value) => setVoting('maxSelections', value),
                t('voting.maxHint', 'Leave empty for no limit.')
              )}
            </Grid.Item>
            {voting.method === 'points' ? (
              <Grid.Item col={4} s={6} direction="column" alignItems="stretch">
                {number(
                  'voting.points',
                  t('voting.points', 'Points to spread'),
                  voting.points,
                  (value) => setVoting('points', value)
                )}
              </Grid.Item>
            ) : null}
            {voting.method === 'knapsack' ? (
              <Grid.Item col={4} s={6} direction="column" alignItems="stretch">
                {number(
                  'voting.minSpendShare',
                  t('voting.minSpendShare', 'Share of the budget to spend at least (%)'),
                  Math.round(voting.minSpendShare * 100),
                  (value) => setVoting('minSpendShare', (value ?? 0) / 100)
                )}
              </Grid.Item>
            ) : null}
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              {select(
                'counting.rule',
                t('counting.rule', 'Rule'),
                counting.rule,
                COUNTING_RULES,
                (value) => setCounting('rule', value)
              )}
            </Grid.Item>
            {counting.rule === 'mes' ? (
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                {select(
                  'counting.completion',
                  t('counting.completion', 'Money left over'),
                  counting.completion,
                  COMPLETIONS,
                  (value) => setCounting('completion', value)
                )}
              </Grid.Item>
            ) : null}
          </Grid.Root>
        </Box>
      ) : null}
    </Box>
  );
};
