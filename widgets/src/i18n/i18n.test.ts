import { expect } from '@open-wc/testing';
import {
  formatAmount,
  formatDate,
  formatPercent,
  loadCatalogue,
  loadTexts,
  parseAmount,
  resolveLocale,
  shareOf,
  textsIn,
  type Catalogue,
} from './index.js';
import { resultsTexts } from '../budget-meter/results-texts.js';
import { deliberationBoardTexts } from '../deliberation-board/texts.js';
import { imageFieldTexts } from '../proposal-form/image-texts.js';
import { proposalFormTexts } from '../proposal-form/texts.js';
import { voteBallotTexts } from '../vote-ballot/texts.js';
import { ballotStepsTexts } from '../vote-ballot/steps-texts.js';
import { roundTimelineTexts } from '../round-timeline/texts.js';
import { projectTrackerTexts } from '../project-tracker/texts.js';
import { panelSignupTexts } from '../panel-signup/texts.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

// Intl separates currency and number with a narrow no-break space in some locales; compare
// with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('i18n', () => {
  it('formats amounts in the page language', () => {
    expect(plain(formatAmount(1_500_000, 'EUR', 'nl'))).to.equal('€ 1.500.000');
    expect(plain(formatAmount(1_500_000, 'EUR', 'en'))).to.equal('€1,500,000');
    expect(plain(formatAmount(1234.5, 'EUR', 'nl'))).to.equal('€ 1.234,50');
    expect(plain(formatAmount(1234.5, 'EUR', 'en-GB'))).to.equal('€1,234.50');
    expect(plain(formatAmount(1_500_000, 'EUR', 'fr-BE'))).to.equal('1 500 000 €');
    expect(plain(formatAmount(1234.5, 'EUR', 'fr'))).to.equal('1 234,50 €');
    expect(plain(formatPercent(1 / 3, 'fr-BE'))).to.equal('33 %');
  });

  it('formats shares as percentages, with a decimal for small ones', () => {
    expect(plain(formatPercent(1 / 3, 'nl'))).to.equal('33%');
    expect(plain(formatPercent(0.045, 'en'))).to.equal('4.5%');
    expect(plain(formatPercent(0, 'en'))).to.equal('0%');
    expect(shareOf(500, 1000)).to.equal(0.5);
    expect(shareOf(5, 0)).to.equal(0);
    expect(shareOf(2000, 1000)).to.equal(1);
  });

  it('resolves lang attributes to a catalogue and a formatting locale', async () => {
    await loadCatalogue('en');
    expect(resolveLocale('nl')).to.include({ language: 'nl', locale: 'nl' });
    expect(resolveLocale('nl-BE')).to.include({ language: 'nl', locale: 'nl-BE' });
    expect(resolveLocale('EN-gb')).to.include({ language: 'en', locale: 'en-GB' });
    expect(resolveLocale('en').messages).to.equal(en);
    await loadCatalogue('fr');
    expect(resolveLocale('fr-BE')).to.include({ language: 'fr', locale: 'fr-BE' });
    expect(resolveLocale('fr').messages).to.equal(fr);
    // No catalogue (German), empty, malformed or missing: Dutch, so text and numbers agree.
    for (const tag of ['de', '', '!!', null, undefined]) {
      const resolved = resolveLocale(tag);
      expect(resolved).to.include({ language: 'nl', locale: 'nl' });
      expect(resolved.messages).to.equal(nl);
    }
  });

  it('builds plurals per language', () => {
    expect(nl.budgetMeter.loaded('€ 5', 1)).to.equal('Budget geladen: € 5 in 1 wijk.');
    expect(nl.budgetMeter.loaded('€ 5', 3)).to.equal('Budget geladen: € 5 in 3 wijken.');
    expect(en.budgetMeter.loaded('€5', 1)).to.equal('Budget loaded: €5 across 1 district.');
    expect(en.budgetMeter.loaded('€5', 0)).to.equal('Budget loaded: €5 across 0 districts.');
    // French counts 0 as singular.
    expect(plain(fr.budgetMeter.loaded('5 €', 0))).to.equal(
      'Budget chargé : 5 € réparti sur 0 quartier.'
    );
    expect(plain(fr.budgetMeter.loaded('5 €', 2))).to.equal(
      'Budget chargé : 5 € réparti sur 2 quartiers.'
    );
    expect(fr.common.charactersLeft(1)).to.equal('Encore 1 caractère');
    // French typography: a no-break space before a colon, so no line starts with one.
    expect(fr.budgetMeter.overBy('5 €')).to.equal(
      'Attention\u00a0: vous dépassez le budget de 5 €.'
    );
  });

  it('reads amounts as residents type them, in the page language', () => {
    expect(parseAmount('', 'nl')).to.equal(null);
    expect(parseAmount('12.000', 'nl')).to.equal(12000);
    expect(parseAmount('12000', 'nl')).to.equal(12000);
    expect(parseAmount('€ 12.000,50', 'nl')).to.equal(12000.5);
    expect(parseAmount('12.000,-', 'nl')).to.equal(12000);
    expect(parseAmount('12,5', 'nl')).to.equal(12.5);
    expect(parseAmount('12,000.50', 'en')).to.equal(12000.5);
    expect(parseAmount('EUR 800', 'en')).to.equal(800);
    expect(parseAmount('12 000,50 €', 'fr-BE')).to.equal(12000.5);
    expect(parseAmount('12\u202f000', 'fr')).to.equal(12000);
    // Ambiguous or not an amount: refused rather than guessed.
    for (const [text, locale] of [
      ['12000.50', 'nl'],
      ['1.2', 'nl'],
      ['veel', 'nl'],
      ['-5', 'en'],
      ['1,2,3', 'en'],
    ] as const) {
      expect(Number.isNaN(parseAmount(text, locale)), text).to.equal(true);
    }
  });

  it('formats dates in the page language', () => {
    expect(formatDate('2027-03-01T12:00:00.000Z', 'nl')).to.equal('1 maart 2027');
    expect(formatDate('2027-03-01T12:00:00.000Z', 'en-GB')).to.equal('1 March 2027');
    expect(formatDate('2027-03-01T12:00:00.000Z', 'fr-BE')).to.equal('1 mars 2027');
  });

  it('has every text of the Dutch catalogues in every language', async () => {
    const shape = (value: unknown): unknown =>
      value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]))
        : typeof value;
    const languages = ['en', 'fr'] as const;
    for (const language of languages) {
      expect(shape(await loadCatalogue(language)), language).to.deep.equal(shape(nl));
    }
    expect(await loadCatalogue('fr')).to.equal(fr);
    expect(nl.common.charactersLeft(1)).to.equal('Nog 1 teken over');
    expect(en.common.charactersTooMany(2)).to.equal('2 characters too many');
    const catalogues: Catalogue<unknown>[] = [
      resultsTexts,
      proposalFormTexts,
      imageFieldTexts,
      deliberationBoardTexts,
      voteBallotTexts,
      ballotStepsTexts,
      roundTimelineTexts,
      projectTrackerTexts,
      panelSignupTexts,
    ];
    for (const catalogue of catalogues) {
      for (const language of languages) {
        expect(shape(await loadTexts(catalogue, language)), language).to.deep.equal(
          shape(catalogue.nl)
        );
        expect(textsIn(catalogue, language)).not.to.equal(catalogue.nl);
      }
    }
    expect(deliberationBoardTexts.nl.counts({ for: 3, against: 1, question: 1 })).to.equal(
      '3 voor, 1 tegen, 1 vraag'
    );
  });
});
