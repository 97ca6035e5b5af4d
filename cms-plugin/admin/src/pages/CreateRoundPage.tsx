import { useMemo, useState, type ChangeEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Field,
  Flex,
  Grid,
  Radio,
  SingleSelect,
  SingleSelectOption,
  Tabs,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { roundDocumentWarnings, type RoundDocumentInput } from '@begroot/core';

import { ApiError, useBegrootApi } from '../api/begroot';
import { Explanations } from '../components/Explanations';
import { FieldErrors } from '../components/FieldErrors';
import { useT } from '../hooks/useT';
import { explainMode, explainVoting } from '../lib/explain';
import { errorsUnder, parseRoundJson, validateRound, type FieldError } from '../lib/issues';
import { TEMPLATES, buildTemplate, slugFromTitle, type TemplateKind } from '../lib/templates';

const TEMPLATE_TEXT: Record<TemplateKind, string> = {
  city: 'City-wide: one budget for the whole city, all six phases, residents fill a basket up to the budget.',
  districts:
    'Per district: four districts with their own budget; residents vote in their own district.',
  advisory:
    'Advisory poll: residents advise the council; they tick up to five proposals, no cost asked.',
};

const today = () => new Date().toISOString().slice(0, 10);

/** A new round: from a template, or from a round's JSON document (pasted or uploaded). */
export const CreateRoundPage = () => {
  const { t } = useT();
  const api = useBegrootApi();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();

  const [kind, setKind] = useState<TemplateKind>('city');
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  /** Whether the title or short name was typed in: an untouched form shows no errors yet. */
  const [touched, setTouched] = useState(false);
  const [start, setStart] = useState(today());
  const [language, setLanguage] = useState<'nl' | 'en'>('nl');
  const [json, setJson] = useState('');
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);

  const effectiveSlug = slugEdited ? slug : slugFromTitle(title);
  const template = useMemo(() => {
    const at = new Date(`${start}T00:00:00Z`);
    return buildTemplate(kind, {
      slug: effectiveSlug,
      title: title.trim(),
      start: Number.isNaN(at.getTime()) ? new Date() : at,
      language,
    });
  }, [kind, effectiveSlug, title, start, language]);
  const templateCheck = validateRound(template);
  const jsonCheck = json.trim() === '' ? null : parseRoundJson(json);

  const create = async (document: RoundDocumentInput) => {
    setSaving(true);
    setServerErrors([]);
    try {
      const created = await api.createRound(document);
      toggleNotification({
        type: 'success',
        message: t('create.done', 'The round “{title}” is created.', { title: created.title }),
      });
      navigate(`/plugins/begroot/rounds/${created.slug}`);
    } catch (error) {
      setServerErrors(
        error instanceof ApiError ? error.errors : [{ path: '', message: String(error) }]
      );
    } finally {
      setSaving(false);
    }
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setJson(await file.text());
  };

  const templateErrors = templateCheck.ok || !touched ? [] : templateCheck.errors;
  const errorAt = (path: string) =>
    [...templateErrors, ...serverErrors].find((error) => error.path === path)?.message;

  return (
    <Page.Main>
      <Page.Title>{t('create.title', 'New round')}</Page.Title>
      <Layouts.Header
        title={t('create.title', 'New round')}
        navigationAction={<BackButton fallback="/plugins/begroot/rounds" disabled={false} />}
        subtitle={t(
          'create.subtitle',
          'Start from a template and adjust it afterwards, or load a round’s JSON document.'
        )}
      />
      <Layouts.Content>
        <Tabs.Root defaultValue="template">
          <Tabs.List aria-label={t('create.how', 'How to start the round')}>
            <Tabs.Trigger value="template">
              {t('create.fromTemplate', 'From a template')}
            </Tabs.Trigger>
            <Tabs.Trigger value="json">{t('create.fromJson', 'From a JSON document')}</Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="template">
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <Flex direction="column" alignItems="stretch" gap={6}>
                <Field.Root name="template">
                  <Field.Label>{t('create.template', 'Template')}</Field.Label>
                  <Radio.Group
                    value={kind}
                    onValueChange={(value: string) => setKind(value as TemplateKind)}
                    aria-label={t('create.template', 'Template')}
                  >
                    {TEMPLATES.map((option) => (
                      <Radio.Item key={option} value={option}>
                        {t(`template.${option}`, TEMPLATE_TEXT[option])}
                      </Radio.Item>
                    ))}
                  </Radio.Group>
                </Field.Root>
                <Grid.Root gap={4}>
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                    <Field.Root name="title" required error={errorAt('title')}>
                      <Field.Label>{t('field.title', 'Title')}</Field.Label>
                      <TextInput
                        value={title}
                        onChange={(event: ChangeEvent<HTMLInputElement>) => {
                          setTouched(true);
                          setTitle(event.target.value);
                        }}
                      />
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                    <Field.Root
                      name="slug"
                      required
                      error={errorAt('slug')}
                      hint={t(
                        'field.slugHint',
                        'The round’s short name in web addresses and embed snippets.'
                      )}
                    >
                      <Field.Label>{t('field.slug', 'Short name (slug)')}</Field.Label>
                      <TextInput
                        value={effectiveSlug}
                        onChange={(event: ChangeEvent<HTMLInputElement>) => {
                          setTouched(true);
                          setSlugEdited(true);
                          setSlug(event.target.value);
                        }}
                      />
                      <Field.Error />
                      <Field.Hint />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                    <Field.Root
                      name="start"
                      hint={t('create.startHint', 'The phases follow one another from this day.')}
                    >
                      <Field.Label>{t('create.start', 'First day of the ideas phase')}</Field.Label>
                      <TextInput
                        type="date"
                        value={start}
                        onChange={(event: ChangeEvent<HTMLInputElement>) =>
                          setStart(event.target.value)
                        }
                      />
                      <Field.Hint />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                    <Field.Root name="language">
                      <Field.Label>{t('field.language', 'Language of the round')}</Field.Label>
                      <SingleSelect
                        value={language}
                        onChange={(value: string | number) =>
                          setLanguage(String(value) as 'nl' | 'en')
                        }
                      >
                        <SingleSelectOption value="nl">Nederlands</SingleSelectOption>
                        <SingleSelectOption value="en">English</SingleSelectOption>
                      </SingleSelect>
                    </Field.Root>
                  </Grid.Item>
                </Grid.Root>
                {templateCheck.ok ? (
                  <Box>
                    <Typography variant="delta" tag="h2">
                      {t('create.whatYouGet', 'What residents will see')}
                    </Typography>
                    <Explanations
                      lines={[
                        explainMode(templateCheck.round.mode),
                        ...explainVoting(templateCheck.round.voting),
                      ]}
                    />
                  </Box>
                ) : null}
                <FieldErrors errors={serverErrors.filter((error) => error.path === '')} />
                <Flex justifyContent="flex-end">
                  <Button
                    onClick={() => create(template)}
                    disabled={!templateCheck.ok || saving}
                    loading={saving}
                  >
                    {t('create.submit', 'Create the round')}
                  </Button>
                </Flex>
              </Flex>
            </Box>
          </Tabs.Content>
          <Tabs.Content value="json">
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Field.Root
                  name="document"
                  hint={t(
                    'create.jsonHint',
                    'Paste the round’s JSON document or choose a .json file. It is checked as you type.'
                  )}
                >
                  <Field.Label>{t('create.json', 'Round document (JSON)')}</Field.Label>
                  <Textarea
                    value={json}
                    onChange={(event: ChangeEvent<HTMLTextAreaElement>) =>
                      setJson(event.target.value)
                    }
                    style={{ fontFamily: 'monospace', minHeight: '24rem' }}
                  />
                  <Field.Hint />
                </Field.Root>
                <Box>
                  <Typography
                    tag="label"
                    variant="pi"
                    fontWeight="bold"
                    htmlFor="begroot-json-file"
                  >
                    {t('create.upload', 'Or choose a file')}
                  </Typography>{' '}
                  <input
                    id="begroot-json-file"
                    type="file"
                    accept="application/json,.json"
                    onChange={upload}
                  />
                </Box>
                {jsonCheck && !jsonCheck.ok ? (
                  <FieldErrors errors={jsonCheck.errors} withPaths />
                ) : null}
                {jsonCheck?.ok ? (
                  <>
                    <Alert
                      variant="success"
                      closeLabel={t('close', 'Close')}
                      title={t('create.jsonValid', 'The document is valid.')}
                    >
                      {jsonCheck.round.title} ({jsonCheck.round.slug})
                    </Alert>
                    {roundDocumentWarnings(jsonCheck.round).map((warning) => (
                      <Typography key={warning} textColor="warning600">
                        {warning}
                      </Typography>
                    ))}
                  </>
                ) : null}
                <FieldErrors errors={errorsUnder(serverErrors, '')} withPaths />
                <Flex justifyContent="flex-end">
                  <Button
                    onClick={() => jsonCheck?.ok && create(JSON.parse(json) as RoundDocumentInput)}
                    disabled={!jsonCheck?.ok || saving}
                    loading={saving}
                  >
                    {t('create.submitJson', 'Create the round from this document')}
                  </Button>
                </Flex>
              </Flex>
            </Box>
          </Tabs.Content>
        </Tabs.Root>
      </Layouts.Content>
    </Page.Main>
  );
};
