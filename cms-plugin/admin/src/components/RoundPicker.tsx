import { useEffect, useState, type ChangeEvent } from 'react';
import {
  Button,
  EmptyStateLayout,
  Field,
  LinkButton,
  Flex,
  SingleSelect,
  SingleSelectOption,
  TextInput,
} from '@strapi/design-system';
import { Link, useNavigate } from 'react-router-dom';

import { useBegrootApi, type RoundRow } from '../api/begroot';
import { useRights } from '../hooks/useRights';
import { useT } from '../hooks/useT';

/** The rounds, where the admin may list them (`rounds.manage`); null otherwise. */
export function useRoundList(): RoundRow[] | null {
  const api = useBegrootApi();
  const rights = useRights();
  const [rounds, setRounds] = useState<RoundRow[] | null>(null);
  useEffect(() => {
    if (!rights.manageRounds) return;
    api.listRounds().then(setRounds, () => setRounds(null));
  }, [api, rights.manageRounds]);
  return rounds;
}

/** A section's heading, with the chosen round's title once it is known (as on the voting page). */
export function withRoundTitle(label: string, rounds: RoundRow[] | null, slug: string): string {
  const title = rounds?.find((round) => round.slug === slug)?.title;
  return title ? `${label}: ${title}` : label;
}

/** Picks the round whose queue to show: from the list where the admin may list rounds, else by slug. */
export const RoundPicker = ({
  slug,
  rounds,
  base,
}: {
  slug: string;
  rounds: RoundRow[] | null;
  /** The page the chosen round's slug is appended to. */
  base: string;
}) => {
  const { t } = useT();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(slug);
  const go = (value: string) => navigate(`${base}/${encodeURIComponent(value)}`);
  // A new team member lands here before any round exists: say so, and where to make one.
  if (rounds && rounds.length === 0) {
    return (
      <EmptyStateLayout
        content={t('picker.noRounds', 'There is no round yet. Create one from a template first.')}
        action={
          <LinkButton tag={Link} to="/plugins/begroot/rounds/new" variant="secondary">
            {t('rounds.new', 'New round')}
          </LinkButton>
        }
      />
    );
  }
  return rounds ? (
    <Flex gap={2} alignItems="flex-end">
      <Field.Root name="round">
        <Field.Label>{t('review.round', 'Round')}</Field.Label>
        <SingleSelect
          value={slug || undefined}
          onChange={(value: string | number) => go(String(value))}
          placeholder={t('review.chooseRound', 'Choose a round')}
        >
          {rounds.map((round) => (
            <SingleSelectOption key={round.slug} value={round.slug}>
              {round.title}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      {slug ? (
        // Back to the round's phase and next step; only round managers get the list, and may open it.
        <LinkButton
          tag={Link}
          to={`/plugins/begroot/rounds/${encodeURIComponent(slug)}`}
          variant="tertiary"
        >
          {t('picker.roundPage', 'Round settings and next step')}
        </LinkButton>
      ) : null}
    </Flex>
  ) : (
    <Flex gap={2} alignItems="flex-end">
      <Field.Root name="round">
        <Field.Label>{t('review.roundSlug', 'Round (short name)')}</Field.Label>
        <TextInput
          value={typed}
          onChange={(event: ChangeEvent<HTMLInputElement>) => setTyped(event.target.value)}
        />
      </Field.Root>
      <Button variant="secondary" onClick={() => typed.trim() && go(typed.trim())}>
        {t('review.open', 'Open')}
      </Button>
    </Flex>
  );
};
