/** The open data package's CSV: plain RFC 4180, and nothing a spreadsheet would run. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { csvField } from '../../cms-plugin/server/src/counting/open-data.ts';

describe('open data CSV fields', () => {
  it('quotes commas, quotes and line breaks', () => {
    assert.equal(csvField('Bankjes, veel'), '"Bankjes, veel"');
    assert.equal(csvField('Het "plein"'), '"Het ""plein"""');
    assert.equal(csvField('a\nb'), '"a\nb"');
    assert.equal(csvField(null), '');
    assert.equal(csvField(true), 'true');
  });

  it('defuses text a spreadsheet would run as a formula, not numbers', () => {
    assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
    assert.equal(csvField('+31 bomen'), "'+31 bomen");
    assert.equal(csvField('@bewoners'), "'@bewoners");
    assert.equal(csvField('-'), "'-");
    assert.equal(csvField(-5), '-5');
    assert.equal(csvField('Speeltuin'), 'Speeltuin');
  });
});
