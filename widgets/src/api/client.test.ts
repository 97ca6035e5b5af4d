import { expect } from '@open-wc/testing';
import {
  FetchStub,
  ROUND,
  argument,
  json,
  proposal,
  strapiError,
  validationError,
} from '../test/helpers.js';
import { BegrootApiClient, apiUrl, completeApi, type BegrootApi } from './client.js';
import { BegrootRequestError } from './errors.js';

const BASE = 'https://cms.example.nl';
const URL_ROUND = `${BASE}/api/begroot/rounds/voorbeeldstad-2027`;

async function failure(promise: Promise<unknown>): Promise<BegrootRequestError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(BegrootRequestError);
    return error as BegrootRequestError;
  }
  throw new Error('Expected the request to fail');
}

describe('BegrootApiClient', () => {
  it('builds API URLs under any base', () => {
    expect(apiUrl('https://cms.example.nl', 'api/x')).to.equal('https://cms.example.nl/api/x');
    expect(apiUrl('https://cms.example.nl/', '/api/x')).to.equal('https://cms.example.nl/api/x');
    expect(apiUrl('https://x.nl/cms', 'api/x')).to.equal('https://x.nl/cms/api/x');
    expect(apiUrl('/', 'api/x')).to.equal(`${location.origin}/api/x`);
  });

  it('fetches a round, checks it against the schema and returns its data', async () => {
    const stub = new FetchStub().reply(json({ data: ROUND }));
    const client = new BegrootApiClient({ fetch: stub.fetch });
    expect(await client.getRound(BASE, 'voorbeeldstad-2027')).to.deep.equal(ROUND);
    expect(stub.calls).to.have.length(1);
    expect(stub.calls[0]?.url).to.equal(URL_ROUND);
    expect(stub.calls[0]?.init?.credentials).to.equal('omit');
  });

  it('shares one request between callers and reuses the answer', async () => {
    const stub = new FetchStub().hold().reply(json({ data: ROUND }));
    const client = new BegrootApiClient({ fetch: stub.fetch });
    const first = client.getRound(BASE, 'voorbeeldstad-2027', {
      signal: new AbortController().signal,
    });
    const second = client.getRound(BASE, 'voorbeeldstad-2027');
    stub.release();
    expect(await first).to.deep.equal(await second);
    await client.getRound(BASE, 'voorbeeldstad-2027');
    expect(stub.calls).to.have.length(1);
    client.invalidate();
    await client.getRound(BASE, 'voorbeeldstad-2027');
    expect(stub.calls).to.have.length(2);
  });

  it('keeps a shared request alive when one caller aborts, and aborts it when all have', async () => {
    const stub = new FetchStub().hold().reply(json({ data: ROUND }));
    const client = new BegrootApiClient({ fetch: stub.fetch });
    const leaving = new AbortController();
    const staying = new AbortController();
    const left = client.getRound(BASE, 'voorbeeldstad-2027', { signal: leaving.signal });
    const stays = client.getRound(BASE, 'voorbeeldstad-2027', { signal: staying.signal });
    leaving.abort();
    await left.then(
      () => expect.fail('the aborted caller should not get data'),
      (error: unknown) => expect((error as DOMException).name).to.equal('AbortError')
    );
    expect(stub.calls[0]?.init?.signal?.aborted).to.equal(false);
    stub.release();
    expect(await stays).to.deep.equal(ROUND);

    const lone = new AbortController();
    client.invalidate();
    stub.hold();
    const alone = client.getRound(BASE, 'voorbeeldstad-2027', { signal: lone.signal });
    lone.abort();
    await alone.catch(() => undefined);
    expect(stub.calls[1]?.init?.signal?.aborted).to.equal(true);
    stub.release();
  });

  it("reads Strapi's error format and does not cache failures", async () => {
    const stub = new FetchStub().reply(
      strapiError(404, 'NotFoundError', 'Round not found'),
      json({ data: ROUND })
    );
    const client = new BegrootApiClient({ fetch: stub.fetch });
    const error = await failure(client.getRound(BASE, 'voorbeeldstad-2027'));
    expect(error.toJSON()).to.deep.equal({
      kind: 'http',
      status: 404,
      name: 'NotFoundError',
      message: 'Round not found',
      url: URL_ROUND,
    });
    expect(await client.getRound(BASE, 'voorbeeldstad-2027')).to.deep.equal(ROUND);
  });

  it('tells network failures, unreadable errors and contract breaches apart', async () => {
    const network = new BegrootApiClient({
      fetch: new FetchStub().reply(new TypeError('Failed to fetch')).fetch,
    });
    expect(await failure(network.getRound(BASE, 'x'))).to.include({
      kind: 'network',
      status: null,
    });

    const html = new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' });
    const proxy = new BegrootApiClient({ fetch: new FetchStub().reply(html).fetch });
    expect(await failure(proxy.getRound(BASE, 'x'))).to.include({
      kind: 'http',
      status: 502,
      name: 'HttpError',
    });

    const broken = { data: { ...ROUND, budget: -1 } };
    const invalid = new BegrootApiClient({ fetch: new FetchStub().reply(json(broken)).fetch });
    const error = await failure(invalid.getRound(BASE, 'x'));
    expect(error.kind).to.equal('invalid-response');
    expect(error.message).to.contain('budget');
  });

  it('lists proposals with filters, seed and page, and reads the pagination', async () => {
    const pagination = { page: 2, pageSize: 10, pageCount: 3, total: 25 };
    const stub = new FetchStub().reply(
      json({ data: [proposal('aaaaaaaaaa1')], meta: { pagination } })
    );
    const client = new BegrootApiClient({ fetch: stub.fetch });
    const list = await client.listProposals(BASE, 'voorbeeldstad-2027', {
      district: 'oost',
      theme: undefined,
      sort: 'random',
      seed: 'abc123xyz',
      page: 2,
      pageSize: 10,
    });
    expect(stub.calls[0]?.url).to.equal(
      `${URL_ROUND}/proposals?district=oost&sort=random&seed=abc123xyz&page=2&pageSize=10`
    );
    expect(list.pagination).to.deep.equal(pagination);
    expect(list.proposals[0]?.documentId).to.equal('aaaaaaaaaa1');
  });

  it('lists every reviewed idea with outcome=all: rejected ones short, and the count awaiting review', async () => {
    const pagination = { page: 1, pageSize: 100, pageCount: 1, total: 2 };
    const rejected = {
      documentId: 'cccccccccc1',
      round: 'voorbeeldstad-2027',
      title: 'Zwembad',
      district: 'oost',
      theme: null,
      status: 'rejected',
      publicReason: 'Te duur voor een wijk.',
      history: [],
      updates: [],
      submittedAt: '2027-01-05T10:00:00.000Z',
    };
    const stub = new FetchStub().reply(
      json({
        data: [proposal('aaaaaaaaaa1'), rejected],
        meta: { pagination, awaitingReview: 3 },
      }),
      // A server without outcome=all answers no count: refused rather than shown as nothing.
      json({ data: [], meta: { pagination } })
    );
    const client = new BegrootApiClient({ fetch: stub.fetch });
    const list = await client.listOutcomes(BASE, 'voorbeeldstad-2027', { sort: 'newest' });
    expect(stub.calls[0]?.url).to.equal(`${URL_ROUND}/proposals?sort=newest&outcome=all`);
    expect(list.awaitingReview).to.equal(3);
    expect(list.proposals.map((p) => p.status)).to.deep.equal(['admitted', 'rejected']);
    expect(list.proposals[1]).to.deep.equal(rejected);
    await failure(client.listOutcomes(BASE, 'voorbeeldstad-2027', {}));
  });

  it('posts JSON without cookies, reads validation issues, and refreshes arguments after a post', async () => {
    const args = `${BASE}/api/begroot/proposals/aaaaaaaaaa1/arguments`;
    const stub = new FetchStub()
      .on('GET', args, json({ data: [] }))
      .on(
        'POST',
        args,
        validationError([{ path: ['body'], message: 'Too short' }]),
        json({ data: argument('bbbbbbbbbb1', 'aaaaaaaaaa1') }, 201)
      );
    const client = new BegrootApiClient({ fetch: stub.fetch });
    await client.listArguments(BASE, 'aaaaaaaaaa1');
    const input = { stance: 'for', body: 'x', authorName: 'Ahmed' };
    const error = await failure(client.postArgument(BASE, 'aaaaaaaaaa1', input));
    expect(error.toJSON()).to.deep.include({
      status: 400,
      name: 'ValidationError',
      issues: [{ path: ['body'], message: 'Too short' }],
    });
    const posted = await client.postArgument(BASE, 'aaaaaaaaaa1', input);
    expect(posted.documentId).to.equal('bbbbbbbbbb1');
    const post = stub.calls[1]!;
    expect(post.init?.method).to.equal('POST');
    expect(post.init?.credentials).to.equal('omit');
    expect(JSON.parse(String(post.init?.body))).to.deep.equal(input);
    await client.listArguments(BASE, 'aaaaaaaaaa1');
    expect(stub.calls.filter((call) => (call.init?.method ?? 'GET') === 'GET')).to.have.length(2);
  });

  it("uses its own client when the page's one is from an older bundle", () => {
    const old = { getRound: () => Promise.resolve(ROUND) } as unknown as BegrootApi;
    expect(completeApi(old)).to.be.instanceOf(BegrootApiClient);
    const current = new BegrootApiClient();
    expect(completeApi(current)).to.equal(current);
  });
});
