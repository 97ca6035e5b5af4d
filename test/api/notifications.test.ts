/** Submitters get an e-mail on every status change of their proposal (issue #7, item 2). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStrapi, type TestStrapi } from '../support/strapi.ts';
import { ADMIN_ENV, adminToken, smtpEnv, startSmtp } from '../support/voting.ts';
import { createProposal, createRound } from '../support/fixtures.ts';
import { mailsTo, settle } from '../support/mail.ts';

let app: TestStrapi;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let admin: string;
let dutch: { documentId: string };
let english: { documentId: string };

before(async () => {
  smtp = await startSmtp();
  app = await startStrapi({ env: { ...ADMIN_ENV, ...smtpEnv(smtp) } });
  admin = await adminToken(app);
  dutch = await createRound(app, 'mail-nl-2027', 'review', {
    publicUrl: 'https://www.voorbeeldstad.nl/begroting/voorstel?id={id}',
  });
  english = await createRound(app, 'mail-en-2027', 'review', { language: 'en' });
});
after(async () => {
  await app?.stop();
  await smtp?.close();
});

const patch = (id: string, body: unknown) =>
  app.request(`/begroot/proposals/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify(body),
  });

describe('status-change mails', () => {
  test('admitted, in Dutch: new status, reason, voting dates and a link to the proposal', async () => {
    const id = await createProposal(app, dutch.documentId, {
      title: 'Bankjes in het park',
      status: 'submitted',
      email: 'anna@example.org',
      history: [{ status: 'submitted', at: new Date().toISOString(), reason: null }],
    });
    const response = await patch(id, { status: 'admitted', publicReason: 'Past in het budget.' });
    assert.equal(response.status, 200, await response.text());
    const [mail] = await mailsTo(smtp, 'anna@example.org', 1);
    assert.equal(mail!.subject, 'Uw voorstel "Bankjes in het park" is toegelaten tot de stemming');
    assert.match(mail!.body, /nieuwe status: toegelaten tot de stemming/);
    assert.match(mail!.body, /Past in het budget\./);
    assert.match(mail!.body, /Inwoners stemmen van \d+ \w+ 20\d\d tot en met \d+ \w+ 20\d\d/);
    assert.ok(
      mail!.body.includes(`https://www.voorbeeldstad.nl/begroting/voorstel?id=${id}`),
      mail!.body
    );

    // The same status again, or a change of something else, mails nothing more.
    assert.equal((await patch(id, { status: 'admitted' })).status, 200);
    assert.equal((await patch(id, { officialCost: 1200 })).status, 200);
    await settle();
    assert.equal((await mailsTo(smtp, 'anna@example.org', 1)).length, 1);
  });

  test('rejected, in English, with the public reason and no link when the round has no page', async () => {
    const id = await createProposal(app, english.documentId, {
      title: 'A new pier',
      status: 'in_review',
      email: 'ben@example.org',
    });
    assert.equal(
      (await patch(id, { status: 'rejected', publicReason: 'The pier is not city land.' })).status,
      200
    );
    const [mail] = await mailsTo(smtp, 'ben@example.org', 1);
    assert.equal(mail!.subject, 'Your proposal "A new pier" is not admitted');
    assert.match(mail!.body, /The city’s explanation:\nThe pier is not city land\./);
    assert.match(mail!.body, /will not be on the ballot/);
    // No public title given: the mail tells the neutral one the public list shows.
    assert.match(
      mail!.body,
      /The public list of rejected ideas shows your proposal as "Idea \d+ \(rejected\)"\./
    );
    assert.doesNotMatch(mail!.body, /https?:\/\//);
  });

  test('rejected with a public title: the mail names the title the public sees', async () => {
    const id = await createProposal(app, dutch.documentId, {
      title: 'Bel buurman Piet over de steiger',
      status: 'in_review',
      email: 'cor@example.org',
    });
    const response = await patch(id, {
      status: 'rejected',
      publicReason: 'De steiger is geen grond van de gemeente.',
      publicTitle: 'Een steiger aan het water',
    });
    assert.equal(response.status, 200, await response.text());
    const [mail] = await mailsTo(smtp, 'cor@example.org', 1);
    assert.match(
      mail!.body,
      /In de openbare lijst van afgewezen ideeën staat uw voorstel als "Een steiger aan het water"\./
    );
  });

  test('bulk changes mail each submitter once; a merge names the proposal it joined', async () => {
    const target = await createProposal(app, dutch.documentId, {
      title: 'Groene speelplek',
      status: 'submitted',
      email: null,
    });
    const ids = await Promise.all(
      ['carla', 'daan'].map((name) =>
        createProposal(app, dutch.documentId, {
          status: 'submitted',
          email: `${name}@example.org`,
          responseDeadline: new Date(Date.now() + 42 * 86_400_000).toISOString(),
        })
      )
    );
    const responses = await Promise.all(ids.map((id) => patch(id, { status: 'in_review' })));
    assert.deepEqual(
      responses.map((r) => r.status),
      [200, 200]
    );
    for (const name of ['carla', 'daan']) {
      const [mail] = await mailsTo(smtp, `${name}@example.org`, 1);
      assert.match(mail!.body, /nieuwe status: in behandeling/);
      assert.match(mail!.body, /U hoort uiterlijk \d+ \w+ 20\d\d van ons/);
    }

    assert.equal((await patch(ids[0]!, { status: 'merged', mergedInto: target })).status, 200);
    const mails = await mailsTo(smtp, 'carla@example.org', 2);
    assert.match(mails[1]!.body, /gaat verder samen met "Groene speelplek"/);
    assert.ok(mails[1]!.body.includes(`voorstel?id=${target}`));
    await settle();
    assert.equal((await mailsTo(smtp, 'daan@example.org', 1)).length, 1);
  });

  test('a proposal without an address changes status without a mail', async () => {
    const before = smtp.messages.length;
    const id = await createProposal(app, dutch.documentId, { status: 'submitted', email: null });
    assert.equal((await patch(id, { status: 'in_review' })).status, 200);
    await settle();
    assert.equal(smtp.messages.length, before);
  });

  test('a mail server that is down never blocks or undoes the change', async () => {
    const id = await createProposal(app, english.documentId, {
      status: 'submitted',
      email: 'eva@example.org',
    });
    await smtp.close();
    const started = performance.now();
    const response = await patch(id, { status: 'in_review' });
    assert.equal(response.status, 200);
    assert.ok(performance.now() - started < 5000);
    const stored = (await app.strapi
      .documents('plugin::begroot.proposal' as never)
      .findOne({ documentId: id, fields: ['status'] } as never)) as unknown as { status: string };
    assert.equal(stored.status, 'in_review');
    // The change is claimed once, whatever happens to the mail.
    let claims: unknown[] = [];
    for (let i = 0; i < 100 && claims.length === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      claims = await app.strapi.db
        .connection('begroot_status_mails')
        .where({ proposal_id: id })
        .select('change');
    }
    assert.deepEqual(claims, [{ change: '2:in_review' }]);
  });
});
