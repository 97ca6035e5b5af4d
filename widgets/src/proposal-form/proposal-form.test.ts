import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { RoundPublicView } from '@begroot/core';
import '../define/begroot-proposal-form.js';
import {
  FetchStub,
  FULL_ROUND,
  ROUND_URL,
  checkTokens,
  deepActiveElement,
  json,
  liveText,
  mountWidget,
  part,
  parts,
  plain,
  postsOf as posts,
  providerWith,
  resetPageBetweenTests,
  settledWidget,
  strapiError,
  validationError,
  expectLoadingState,
} from '../test/helpers.js';
import { draftKey, type BegrootProposalForm } from './proposal-form.js';
import { proposalFormStyles } from './proposal-form.styles.js';

const POST_URL = `${ROUND_URL}/proposals`;

function roundStub(round: RoundPublicView = FULL_ROUND): FetchStub {
  return new FetchStub().on('GET', ROUND_URL, json({ data: round }));
}

function proposalForm(
  stub: FetchStub,
  attributes: Record<string, string> = {},
  container: HTMLElement = providerWith(stub)
): Promise<BegrootProposalForm> {
  return mountWidget('begroot-proposal-form', container, attributes);
}

function control<T extends HTMLElement = HTMLInputElement>(el: Element, name: string): T {
  return el.shadowRoot!.querySelector<T>(`#field-${name}`)!;
}

/** Types into a field as a person would: focus, value, input event. */
async function fill(el: BegrootProposalForm, name: string, value: string): Promise<void> {
  const field = control<HTMLInputElement | HTMLSelectElement>(el, name);
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

function fieldError(el: Element, name: string): string {
  return plain(el.shadowRoot!.querySelector(`#field-${name}-error`)?.textContent);
}

describe('<begroot-proposal-form>', () => {
  resetPageBetweenTests('begroot:proposal-draft:');

  // First in this file (with the next): once the checks' chunk has loaded, the page keeps it.
  it("inside a city's own <form>, is never valid while its checks cannot be loaded", async () => {
    const stub = roundStub();
    const container = providerWith(stub);
    const form = document.createElement('form');
    container.append(form);
    await executeServerCommand('fail-requests', { urlPattern: '*/proposal-form/checks.*' });
    try {
      const el = await proposalForm(stub, {}, form);
      await settledWidget(el);
      await fill(el, 'title', 'Bankjes in het park');
      await fill(el, 'description', 'Meer bankjes langs het pad in het park.');
      await fill(el, 'district', 'west');
      expect(form.checkValidity()).to.equal(false);
      expect(el.validationMessage).to.equal(
        'Er is geen verbinding met de server. Controleer uw internetverbinding.'
      );
    } finally {
      await executeServerCommand('fail-requests', { urlPattern: null });
    }
  });

  it('says so when the checks cannot be loaded, keeps what was typed, and sends once they can', async () => {
    const stub = roundStub().on(
      'POST',
      POST_URL,
      json({ data: { documentId: 'abcdefghij1234', status: 'submitted' } }, 201)
    );
    await executeServerCommand('fail-requests', { urlPattern: '*/proposal-form/checks.*' });
    let el: BegrootProposalForm;
    try {
      el = await proposalForm(stub);
      await settledWidget(el);
      await fill(el, 'title', 'Bankjes in het park');
      await fill(el, 'description', 'Meer bankjes langs het pad in het park.');
      await fill(el, 'district', 'west');
      await el.submit();
      await el.updateComplete;
    } finally {
      await executeServerCommand('fail-requests', { urlPattern: null });
    }
    expect(plain(part(el, 'problem')?.textContent)).to.equal(
      'Er is geen verbinding met de server. Controleer uw internetverbinding.'
    );
    await waitUntil(() => deepActiveElement() === part(el, 'problem'));
    expect(liveText(el)).to.equal(plain(part(el, 'problem')?.textContent));
    expect(posts(stub)).to.have.length(0);
    expect(control(el, 'title').value).to.equal('Bankjes in het park');
    await expect(el).to.be.accessible();
    // The network is back: sending again loads the checks and sends.
    const submitted = oneEvent(el, 'begroot-proposal-submitted');
    part(el, 'submit-button')!.click();
    await submitted;
    expect(posts(stub)).to.have.length(1);
  });

  it('is registered with its tag and class, and is form-associated', () => {
    const el = document.createElement('begroot-proposal-form');
    expect(el.constructor.name).to.equal('BegrootProposalForm');
    const constructor = el.constructor as typeof HTMLElement & { formAssociated: boolean };
    expect(constructor.formAssociated).to.equal(true);
  });

  it('shows an accessible busy state while the round loads', async () => {
    const stub = new FetchStub().hold().reply(json({ data: FULL_ROUND }));
    await expectLoadingState(await proposalForm(stub), stub, 'Het formulier wordt geladen…');
  });

  it("shows the round's fields, marks the optional ones and counts characters", async () => {
    const el = await proposalForm(roundStub());
    await settledWidget(el);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Uw idee voor Voorbeeldstad 2027');
    expect(part(el, 'title')?.getAttribute('aria-level')).to.equal('2');
    const names = parts(el, 'input').map((input) => input.getAttribute('name'));
    expect(names).to.deep.equal([
      'title',
      'summary',
      'description',
      'district',
      'theme',
      'location',
      'estimatedCost',
      'authorName',
      'email',
    ]);
    const label = (name: string) =>
      plain(el.shadowRoot!.querySelector(`label[for="field-${name}"]`)?.textContent);
    expect(label('title')).to.equal('Titel van uw idee');
    expect(label('estimatedCost')).to.equal('Geschatte kosten (in EUR) (niet verplicht)');
    expect(label('summary')).to.contain('(niet verplicht)');
    expect(control(el, 'title').getAttribute('aria-required')).to.equal('true');
    expect(control(el, 'estimatedCost').getAttribute('aria-required')).to.equal('false');
    const districts = [...control<HTMLSelectElement>(el, 'district').options].map((o) =>
      plain(o.textContent)
    );
    expect(districts).to.deep.equal(['Kies een wijk', 'Noord', 'Oost', 'West']);
    expect(plain(el.shadowRoot!.querySelector('#field-title-counter')?.textContent)).to.equal(
      'Nog 80 tekens over'
    );
    expect(control(el, 'title').getAttribute('aria-describedby')).to.equal(
      'field-title-hint field-title-counter'
    );
    await fill(el, 'title', 'x'.repeat(83));
    expect(plain(el.shadowRoot!.querySelector('#field-title-counter')?.textContent)).to.equal(
      '3 tekens te veel'
    );
    for (const button of parts(el, 'submit-button')) {
      expect(button.getBoundingClientRect().height).to.be.at.least(44);
    }
    expect(control(el, 'title').getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });

  it('asks only what a sparse round asks, and requires the cost where the round does', async () => {
    const sparse: RoundPublicView = {
      ...FULL_ROUND,
      districts: [],
      themes: [],
      proposalForm: { ...FULL_ROUND.proposalForm!, askCost: false, optionalFields: [] },
    };
    const el = await proposalForm(roundStub(sparse));
    await settledWidget(el);
    expect(parts(el, 'input').map((input) => input.getAttribute('name'))).to.deep.equal([
      'title',
      'description',
      'authorName',
      'email',
    ]);
    await expect(el).to.be.accessible();
    el.remove();

    const required: RoundPublicView = {
      ...FULL_ROUND,
      proposalForm: { ...FULL_ROUND.proposalForm!, costRequired: true },
    };
    const stub = roundStub(required);
    const strict = await proposalForm(stub);
    await settledWidget(strict);
    await fill(strict, 'title', 'Bankjes in het park');
    await fill(strict, 'description', 'Meer bankjes langs het pad in het Oosterpark.');
    await fill(strict, 'district', 'oost');
    await strict.submit();
    expect(fieldError(strict, 'estimatedCost')).to.equal('Vul dit veld in.');
    expect(posts(stub)).to.have.length(0);
  });

  it('checks with core’s schema before sending: a summary that takes focus, errors at fields', async () => {
    const stub = roundStub();
    const el = await proposalForm(stub);
    await settledWidget(el);
    await fill(el, 'title', 'Ab');
    await fill(el, 'estimatedCost', 'ongeveer veel');
    await fill(el, 'email', 'geen-adres');
    await fill(el, 'description', 'Kort <b>vet</b> en met HTML erin');
    part(el, 'submit-button')!.click();
    await waitUntil(() => part(el, 'error-summary'), 'no error summary');
    await el.updateComplete;
    expect(posts(stub)).to.have.length(0);
    const summary = part(el, 'error-summary')!;
    await waitUntil(() => el.shadowRoot!.activeElement === summary, 'summary not focused');
    expect(parts(el, 'error-link').map((link) => plain(link.textContent))).to.deep.equal([
      'Titel van uw idee: Schrijf minstens 3 tekens.',
      'Beschrijving: Schrijf gewone tekst, zonder HTML-codes.',
      'Wijk: Maak een keuze.',
      'Geschatte kosten (in EUR): Vul een bedrag in, zoals 12.000.',
      'Uw e-mailadres: Vul een geldig e-mailadres in, of laat dit veld leeg.',
    ]);
    expect(liveText(el)).to.equal('Er zijn 5 fouten in het formulier.');
    const title = control(el, 'title');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(title.getAttribute('aria-describedby')).to.equal(
      'field-title-hint field-title-error field-title-counter'
    );
    expect(fieldError(el, 'title')).to.equal('Schrijf minstens 3 tekens.');
    await expect(el).to.be.accessible();

    // A link in the summary moves focus to its field, without touching the page's address.
    const hash = location.hash;
    parts(el, 'error-link')[2]!.click(); // Wijk
    expect(el.shadowRoot!.activeElement).to.equal(control(el, 'district'));
    expect(location.hash).to.equal(hash);

    // Fixing a field removes its error as the resident types.
    await fill(el, 'title', 'Bankjes in het park');
    expect(fieldError(el, 'title')).to.equal('');
    expect(title.getAttribute('aria-invalid')).to.equal('false');
    expect(parts(el, 'error-link')).to.have.length(4);
  });

  it('sends the checked proposal, says what happens next, and fires begroot-proposal-submitted', async () => {
    const stub = roundStub().on(
      'POST',
      POST_URL,
      json({ data: { documentId: 'abcdefghij1234', status: 'submitted' } }, 201)
    );
    const el = await proposalForm(stub);
    await settledWidget(el);
    await fill(el, 'title', '  Bankjes in het Oosterpark ');
    await fill(el, 'description', 'Meer bankjes langs het pad, zodat ouderen kunnen rusten.');
    await fill(el, 'district', 'oost');
    await fill(el, 'theme', 'groen');
    await fill(el, 'estimatedCost', '€ 12.500');
    await fill(el, 'email', 'Sanne@Example.nl');
    expect(localStorage.getItem(draftKey('voorbeeldstad-2027'))).to.contain('Oosterpark');
    const submitted = oneEvent(el, 'begroot-proposal-submitted');
    part(el, 'submit-button')!.click();
    const event = await submitted;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({
      documentId: 'abcdefghij1234',
      status: 'submitted',
      round: 'voorbeeldstad-2027',
    });
    const [post] = posts(stub);
    expect(post?.url).to.equal(POST_URL);
    expect(post?.init?.credentials).to.equal('omit');
    expect(new Headers(post?.init?.headers).get('Content-Type')).to.equal('application/json');
    expect(JSON.parse(String(post?.init?.body))).to.deep.equal({
      title: 'Bankjes in het Oosterpark',
      description: 'Meer bankjes langs het pad, zodat ouderen kunnen rusten.',
      district: 'oost',
      theme: 'groen',
      estimatedCost: 12500,
      email: 'sanne@example.nl',
    });
    await el.updateComplete;
    expect(part(el, 'success')).to.be.instanceOf(HTMLElement);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Bedankt! Uw idee is ontvangen.');
    await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'title'));
    const steps = plain(part(el, 'success')?.textContent);
    expect(steps).to.contain('U hoort binnen 42 dagen');
    expect(steps).to.contain('Van 1 maart 2099 tot 21 maart 2099 kan iedereen meepraten');
    expect(steps).to.contain('Van 1 april 2099 tot 21 april 2099 stemmen bewoners');
    expect(steps).to.contain('e-mailadres');
    expect(liveText(el)).to.equal('Bedankt! Uw idee is ontvangen.');
    expect(localStorage.getItem(draftKey('voorbeeldstad-2027'))).to.equal(null);
    await expect(el).to.be.accessible();

    // Another idea: an empty form, focus on its first field.
    part(el, 'secondary-button')!.click();
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.activeElement === control(el, 'title'));
    expect(control(el, 'title').value).to.equal('');
  });

  it('can be filled in and sent with the keyboard alone', async () => {
    const stub = roundStub().on(
      'POST',
      POST_URL,
      json({ data: { documentId: 'keyboard000001', status: 'submitted' } }, 201)
    );
    const container = providerWith(stub);
    const before = document.createElement('button');
    before.textContent = 'Naar het formulier';
    container.append(before);
    const el = await proposalForm(stub, {}, container);
    await settledWidget(el);
    before.focus();
    const tab = () => sendKeys({ press: 'Tab' });
    await tab();
    expect(deepActiveElement()).to.equal(control(el, 'title'));
    await sendKeys({ type: 'Speeltuin bij de school' });
    await tab(); // summary (optional): skip
    await tab();
    expect(deepActiveElement()).to.equal(control(el, 'description'));
    await sendKeys({ type: 'Een kleine speeltuin op het grasveld naast de basisschool.' });
    await tab();
    expect(deepActiveElement()).to.equal(control(el, 'district'));
    await sendKeys({ press: 'ArrowDown' });
    await tab(); // theme
    await tab(); // location
    await tab(); // image (optional)
    await tab();
    expect(deepActiveElement()).to.equal(control(el, 'estimatedCost'));
    await sendKeys({ type: '8.000' });
    await tab(); // name
    await tab(); // e-mail
    await tab(); // the honeypot is skipped
    expect(deepActiveElement()).to.equal(part(el, 'submit-button'));
    const submitted = oneEvent(el, 'begroot-proposal-submitted');
    await sendKeys({ press: 'Enter' });
    await submitted;
    expect(JSON.parse(String(posts(stub)[0]?.init?.body))).to.deep.equal({
      title: 'Speeltuin bij de school',
      description: 'Een kleine speeltuin op het grasveld naast de basisschool.',
      district: 'noord',
      estimatedCost: 8000,
    });
    await waitUntil(() => deepActiveElement() === part(el, 'title'));
  });

  it('submits with Enter in a field, and shows the errors when something is missing', async () => {
    const stub = roundStub();
    const el = await proposalForm(stub);
    await settledWidget(el);
    control(el, 'title').focus();
    await sendKeys({ type: 'Bomen' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === part(el, 'error-summary'));
    expect(parts(el, 'error-link').map((link) => plain(link.textContent))).to.deep.equal([
      'Beschrijving: Vul dit veld in.',
      'Wijk: Maak een keuze.',
    ]);
    // Tab from the summary reaches its first link; Enter follows it.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(deepActiveElement()).to.equal(control(el, 'description'));
  });

  it("shows the server's validation errors at their fields", async () => {
    const stub = roundStub().on(
      'POST',
      POST_URL,
      validationError([{ path: ['title'], message: 'A proposal with this title exists.' }])
    );
    const el = await proposalForm(stub);
    await settledWidget(el);
    await fill(el, 'title', 'Bankjes in het park');
    await fill(el, 'description', 'Meer bankjes langs het pad in het park.');
    await fill(el, 'district', 'west');
    const failed = oneEvent(el, 'begroot-request-failed');
    await el.submit();
    expect((await failed).detail).to.deep.include({
      kind: 'http',
      status: 400,
      name: 'ValidationError',
      issues: [{ path: ['title'], message: 'A proposal with this title exists.' }],
    });
    await el.updateComplete;
    // Without a code the server's English message stays out of a Dutch form.
    expect(fieldError(el, 'title')).to.equal('Dit klopt niet helemaal. Controleer wat u invulde.');
    await waitUntil(() => deepActiveElement() === part(el, 'error-summary'));
    expect(localStorage.getItem(draftKey('voorbeeldstad-2027'))).to.contain('Bankjes');
    await expect(el).to.be.accessible();
  });

  for (const [lang, texts] of [
    ['nl', ['Schrijf gewone tekst, zonder HTML-codes.', 'Deze tekst is te lang. Maak hem korter.']],
    ['en', ['Write plain text, without HTML.', 'This text is too long. Please shorten it.']],
    [
      'fr',
      ['Écrivez du texte simple, sans code HTML.', 'Ce texte est trop long. Raccourcissez-le.'],
    ],
  ] as const) {
    it(`says the server's problems by their code in the page's language (${lang})`, async () => {
      const stub = roundStub().on(
        'POST',
        POST_URL,
        validationError([
          { path: ['title'], message: 'Text must not contain markup', code: 'begroot.text.markup' },
          { path: ['description'], message: 'Too big: expected <=2000', code: 'too_big' },
        ])
      );
      const el = await proposalForm(stub, { lang });
      await settledWidget(el);
      await fill(el, 'title', 'Bankjes in het park');
      await fill(el, 'description', 'Meer bankjes langs het pad in het park.');
      await fill(el, 'district', 'west');
      await el.submit();
      await el.updateComplete;
      expect(fieldError(el, 'title')).to.equal(texts[0]);
      expect(fieldError(el, 'description')).to.equal(texts[1]);
      await expect(el).to.be.accessible();
    });
  }

  it('says when there are too many requests, or submitting closed meanwhile', async () => {
    const stub = roundStub().on(
      'POST',
      POST_URL,
      strapiError(429, 'RateLimitError', 'Probeer het over 10 minuten opnieuw.'),
      strapiError(403, 'ForbiddenError', 'Not in the ideas phase'),
      new TypeError('Failed to fetch')
    );
    const el = await proposalForm(stub);
    await settledWidget(el);
    await fill(el, 'title', 'Bankjes in het park');
    await fill(el, 'description', 'Meer bankjes langs het pad in het park.');
    await fill(el, 'district', 'west');
    await el.submit();
    await el.updateComplete;
    expect(plain(part(el, 'problem')?.textContent)).to.equal(
      'Probeer het over 10 minuten opnieuw.'
    );
    await waitUntil(() => deepActiveElement() === part(el, 'problem'));
    expect(liveText(el)).to.equal('Probeer het over 10 minuten opnieuw.');
    await expect(el).to.be.accessible();
    await el.submit();
    await el.updateComplete;
    expect(plain(part(el, 'problem')?.textContent)).to.equal(
      'Ideeën indienen kan op dit moment niet.'
    );
    await el.submit();
    await el.updateComplete;
    expect(plain(part(el, 'problem')?.textContent)).to.contain('geen verbinding');
    expect(control(el, 'title').value).to.equal('Bankjes in het park');
  });

  it('keeps a draft per round, restores it after a closed tab, and can start over', async () => {
    localStorage.setItem(
      draftKey('voorbeeldstad-2027'),
      JSON.stringify({ title: 'Half af', description: 'Nog niet klaar', district: 'west' })
    );
    const el = await proposalForm(roundStub());
    await settledWidget(el);
    expect(control(el, 'title').value).to.equal('Half af');
    expect(control<HTMLSelectElement>(el, 'district').value).to.equal('west');
    expect(plain(part(el, 'notice')?.textContent)).to.contain(
      'We hebben uw concept van eerder teruggezet.'
    );
    await expect(el).to.be.accessible();
    part(el, 'secondary-button')!.click();
    await el.updateComplete;
    expect(control(el, 'title').value).to.equal('');
    expect(localStorage.getItem(draftKey('voorbeeldstad-2027'))).to.equal(null);
    expect(liveText(el)).to.equal('Het formulier is leeggemaakt.');
    await waitUntil(() => deepActiveElement() === control(el, 'title'));
  });

  it('keeps neither name nor e-mail address in the draft, says so, and drops them from an old draft', async () => {
    localStorage.setItem(
      draftKey('voorbeeldstad-2027'),
      JSON.stringify({ title: 'Half af', authorName: 'Sanne', email: 'sanne@example.nl' })
    );
    const el = await proposalForm(roundStub());
    await settledWidget(el);
    expect(control(el, 'title').value).to.equal('Half af');
    expect(control(el, 'authorName').value).to.equal('');
    expect(control(el, 'email').value).to.equal('');
    const stored = localStorage.getItem(draftKey('voorbeeldstad-2027'))!;
    expect(stored).to.contain('Half af');
    expect(stored).not.to.contain('Sanne').and.not.to.contain('sanne@example.nl');
    await fill(el, 'authorName', 'Piet de Vries');
    await fill(el, 'email', 'piet@example.nl');
    await fill(el, 'description', 'Meer bankjes langs het pad.');
    const after = localStorage.getItem(draftKey('voorbeeldstad-2027'))!;
    expect(after).to.contain('Meer bankjes');
    expect(after).not.to.contain('Piet').and.not.to.contain('piet@example.nl');
    const note = el.shadowRoot!.querySelector('.not-in-draft');
    expect(plain(note?.textContent)).to.equal(
      'Uw naam en e-mailadres bewaren we niet in het concept op dit apparaat.'
    );
    await expect(el).to.be.accessible();
  });

  it('preselects the district attribute', async () => {
    const el = await proposalForm(roundStub(), { district: 'oost' });
    await settledWidget(el);
    expect(control<HTMLSelectElement>(el, 'district').value).to.equal('oost');
  });

  it('has a honeypot that people never meet', async () => {
    const el = await proposalForm(roundStub());
    await settledWidget(el);
    const trap = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="website"]')!;
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.getAttribute('autocomplete')).to.equal('off');
    expect(trap.closest('[aria-hidden="true"]')).to.be.instanceOf(HTMLElement);
    expect(trap.parentElement!.getBoundingClientRect().width).to.be.at.most(1);
  });

  it('says when submitting opens, or that it closed and what comes next', async () => {
    const later: RoundPublicView = {
      ...FULL_ROUND,
      currentPhase: null,
      phases: [
        { kind: 'ideas', start: '2099-01-10T00:00:00.000Z', end: '2099-02-10T00:00:00.000Z' },
      ],
    };
    const el = await proposalForm(roundStub(later));
    await settledWidget(el);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Ideeën indienen kan nog niet');
    expect(plain(part(el, 'notice')?.textContent)).to.equal(
      'U kunt vanaf 10 januari 2099 ideeën indienen.'
    );
    expect(part(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
    el.remove();

    const closed: RoundPublicView = {
      ...FULL_ROUND,
      currentPhase: 'review',
      phases: [
        { kind: 'ideas', start: '2020-01-10T00:00:00.000Z', end: '2020-02-10T00:00:00.000Z' },
        { kind: 'voting', start: '2099-03-01T00:00:00.000Z', end: '2099-03-21T00:00:00.000Z' },
      ],
    };
    const after = await proposalForm(roundStub(closed), { lang: 'en' });
    await settledWidget(after);
    expect(plain(part(after, 'title')?.textContent)).to.equal('Submitting ideas is closed');
    expect(plain(part(after, 'notice')?.textContent)).to.equal(
      'Ideas could be submitted until February 10, 2020. From March 1, 2099 to March 21, 2099: voting.'
    );
    await expect(after).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await proposalForm(roundStub(), { lang: 'en' });
    await settledWidget(el);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Your idea for Voorbeeldstad 2027');
    await fill(el, 'estimatedCost', '12,000.50');
    await el.submit();
    await el.updateComplete;
    expect(parts(el, 'error-link').map((link) => plain(link.textContent))).to.deep.equal([
      'Title of your idea: Fill in this field.',
      'Description: Fill in this field.',
      'District: Make a choice.',
    ]);
    expect(plain(part(el, 'submit-button')?.textContent)).to.equal('Send idea');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry when the round cannot be loaded, and recovers', async () => {
    const stub = new FetchStub().reply(
      new TypeError('Failed to fetch'),
      json({ data: FULL_ROUND })
    );
    const container = providerWith(stub);
    const failed = oneEvent(container, 'begroot-request-failed');
    const el = await proposalForm(stub, {}, container);
    expect((await failed).detail).to.include({ kind: 'network' });
    await settledWidget(el);
    expect(plain(part(el, 'message')?.textContent)).to.contain('geen verbinding');
    await expect(el).to.be.accessible();
    part(el, 'retry-button')!.click();
    await waitUntil(() => part(el, 'form'), 'did not recover');
    await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'title'));
  });

  it('tells the web editor when the round attribute is wrong', async () => {
    const stub = roundStub();
    const el = await proposalForm(stub, { round: 'Niet Goed' });
    await settledWidget(el);
    expect(plain(part(el, 'message')?.textContent)).to.contain('round');
    expect(part(el, 'retry-button')).to.equal(null);
    expect(stub.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('alone on a page, reports its validity once the resident has started', async () => {
    const stub = roundStub();
    const el = await proposalForm(stub);
    await settledWidget(el);
    expect(el.form).to.equal(null);
    // The first focus fetches the checks (a chunk of their own).
    control(el, 'title').focus();
    await waitUntil(() => !el.checkValidity(), 'the checks did not arrive');
    expect(el.validationMessage).to.equal('Vul dit veld in.');
    await fill(el, 'title', 'Bankjes in het park');
    await fill(el, 'description', 'Meer bankjes langs het pad in het park.');
    await fill(el, 'district', 'west');
    expect(el.checkValidity()).to.equal(true);
  });

  it("takes part in a city's own <form>: data, validity, reset and disabled", async () => {
    const stub = roundStub();
    const container = providerWith(stub);
    const form = document.createElement('form');
    const fieldset = document.createElement('fieldset');
    form.append(fieldset);
    container.append(form);
    const el = await proposalForm(stub, {}, fieldset);
    await settledWidget(el);
    expect(el.form).to.equal(form);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal('Vul dit veld in.');
    await fill(el, 'title', 'Bankjes in het park');
    await fill(el, 'description', 'Meer bankjes langs het pad in het park.');
    await fill(el, 'district', 'west');
    expect(form.checkValidity()).to.equal(true);
    const data = new FormData(form);
    expect(data.get('title')).to.equal('Bankjes in het park');
    expect(data.get('district')).to.equal('west');
    expect(data.has('website')).to.equal(false);

    fieldset.disabled = true;
    await el.updateComplete;
    expect(control(el, 'title').disabled).to.equal(true);
    fieldset.disabled = false;
    await el.updateComplete;

    form.reset();
    await el.updateComplete;
    expect(control(el, 'title').value).to.equal('');
    expect(localStorage.getItem(draftKey('voorbeeldstad-2027'))).to.equal(null);
  });

  it('reflows at 320 CSS pixels (400 % zoom) without scrolling sideways', async () => {
    const el = await proposalForm(roundStub());
    await settledWidget(el);
    el.style.inlineSize = '320px';
    await el.submit();
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 2);
    for (const input of parts(el, 'input')) {
      expect(input.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
    }
  });

  it("is not broken by the page's own CSS", async () => {
    const style = document.createElement('style');
    style.textContent =
      'form, input, textarea, select, label, button, [part] { display: none !important; color: rgb(255, 0, 0) !important; }';
    document.head.append(style);
    try {
      const el = await proposalForm(roundStub());
      await settledWidget(el);
      const title = control(el, 'title');
      expect(title.getBoundingClientRect().height).to.be.at.least(44);
      expect(getComputedStyle(title).color).not.to.equal('rgb(255, 0, 0)');
      expect(part(el, 'submit-button')!.getBoundingClientRect().height).to.be.at.least(44);
    } finally {
      style.remove();
    }
  });

  it('uses system colours in forced-colours mode', async () => {
    const el = await proposalForm(roundStub());
    await settledWidget(el);
    await executeServerCommand('emulate-forced-colors', { active: true });
    try {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      await el.submit();
      await el.updateComplete;
      const summary = getComputedStyle(part(el, 'error-summary')!);
      expect(summary.borderTopStyle).to.equal('solid');
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });

  it("takes on the page's NL Design System tokens, and its own tokens win", async () => {
    const el = await proposalForm(roundStub());
    await settledWidget(el);
    const container = el.parentElement!;
    const button = () => getComputedStyle(part(el, 'submit-button')!).backgroundColor;
    expect(button()).to.equal('rgb(11, 92, 173)');
    container.style.setProperty('--basis-color-action-1-inverse-bg-default', 'rgb(0, 104, 158)');
    expect(button()).to.equal('rgb(0, 104, 158)');
    container.style.setProperty('--begroot-proposal-form-button-background-color', 'rgb(1, 2, 3)');
    expect(button()).to.equal('rgb(1, 2, 3)');
  });
});

describe('<begroot-proposal-form> tokens', () => {
  it('tokens.json lists exactly the custom properties the styles read, each with a fallback', async () => {
    const css = proposalFormStyles.map((sheet) => sheet.cssText).join('\n');
    await checkTokens('proposal-form', css, new URL('./tokens.json', import.meta.url));
  });
});
