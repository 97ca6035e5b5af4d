// Results mode of <begroot-budget-meter>, in its own chunk: a page with a round or ballot meter
// never downloads it. The meter imports it while it fetches the results.
import type { RoundPublicView, RoundResults } from '@begroot/core';
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { PublishedResults } from '../api/client.js';
import { titleHeading } from '../base/states.js';
import { formatAmount, formatDate, formatNumber, formatPercent, shareOf } from '../i18n/index.js';
import type { Messages } from '../i18n/index.js';
import type { ResultsTexts } from './results-texts.js';

export { resultsTexts } from './results-texts.js';
export { resultsStyles } from './results.styles.js';

type DistrictResult = RoundResults['districts'][number];

/** What the results view needs from the meter: its data, settings and language. */
export interface ResultsContext {
  round: RoundPublicView;
  /** `null`: not published yet. */
  published: PublishedResults | null;
  /** The `district` attribute: show only that district. */
  district: string | undefined;
  /** The level of the meter's heading; districts are one level below. */
  level: number;
  locale: string;
  texts: ResultsTexts;
  messages: Messages;
}

/** Per district, the budget as a bar with each funded proposal as a segment, and a text legend. */
export function renderResults(context: ResultsContext): TemplateResult {
  const { round, published, texts: t, level } = context;
  const title = titleHeading(t.title(round.title), level);
  if (!published) {
    return html`${title}
      <p part="message" class="message">${notPublishedText(context)}</p>`;
  }
  const districts = visibleResults(context, published);
  const body =
    districts.length > 0
      ? html`<ul part="districts" class="districts" role="list" aria-label=${t.districtsLabel}>
          ${districts.map((district) => renderDistrict(context, district))}
        </ul>`
      : html`<p part="message" class="message">${emptyText(context, published)}</p>`;
  const ballots = published.ballots;
  return html`${title} ${body}
  ${
    ballots === null
      ? nothing
      : html`<p part="message" class="message">
          ${t.ballotsCounted(ballots, formatNumber(ballots, context.locale))}
        </p>`
  }`;
}

/** The live region's text once the results (or their absence) are known. */
export function resultsAnnouncement(context: ResultsContext): string {
  const { published, texts: t } = context;
  if (!published) return notPublishedText(context);
  const districts = visibleResults(context, published);
  if (districts.length === 0) return emptyText(context, published);
  const funded = districts.reduce((sum, d) => sum + d.proposals.filter((p) => p.funded).length, 0);
  return t.loaded(funded, districts.length);
}

function renderDistrict(context: ResultsContext, result: DistrictResult): TemplateResult {
  const { texts: t, locale } = context;
  const money = (amount: number) => formatAmount(amount, context.round.currency, locale);
  const name = districtName(context, result);
  const funded = result.proposals.filter((proposal) => proposal.funded);
  const notFunded = result.proposals.length - funded.length;
  const share = (cost: number) => shareOf(cost, result.budget);
  const alternate = (index: number, name: string) => (index % 2 ? `${name} alt` : name);
  return html`
    <li part="district result" class="district result">
      <div
        part="result-name"
        class="district-name result-name"
        role="heading"
        aria-level=${Math.min(6, context.level + 1)}
      >
        ${name}
      </div>
      <p part="spent" class="share">
        ${t.spent(
          money(result.spent),
          money(Math.max(0, result.budget - result.spent)),
          money(result.budget)
        )}
      </p>
      <span part="bar" class="bar segments" aria-hidden="true"
        >${funded.map(
          (proposal, index) =>
            html`<span
              part="segment"
              class=${alternate(index, 'segment')}
              style=${styleMap({ '--_begroot-share': String(share(proposal.cost)) })}
            ></span>`
        )}</span
      >
      ${
        funded.length > 0
          ? html`<ol part="legend" class="legend" aria-label=${t.fundedIn(name)}>
              ${funded.map(
                (proposal, index) =>
                  html`<li part="legend-item" class="legend-item">
                    <span
                      part="swatch"
                      class=${alternate(index, 'swatch')}
                      aria-hidden="true"
                    ></span>
                    <span part="proposal-title" class="proposal-title">${proposal.title}</span>
                    <span part="proposal-amount" class="amount">${money(proposal.cost)}</span>
                    <span part="share" class="share"
                      >${t.shareOfBudget(formatPercent(share(proposal.cost), locale))}</span
                    >
                  </li>`
              )}
            </ol>`
          : html`<p part="message" class="message">${t.noneFunded}</p>`
      }
      ${
        notFunded > 0
          ? html`<p part="not-funded" class="share">${t.notFunded(notFunded)}</p>`
          : nothing
      }
    </li>
  `;
}

/** Before publication: the date the results phase starts, if it is still to come. */
function notPublishedText({ round, texts, locale }: ResultsContext): string {
  const phase = round.phases.find((candidate) => candidate.kind === 'results');
  return phase && Date.parse(phase.start) > Date.now()
    ? texts.publishedOn(formatDate(phase.start, locale))
    : texts.notPublished;
}

function emptyText(context: ResultsContext, published: PublishedResults): string {
  const missing = context.district && published.results.districts.length > 0;
  return missing
    ? context.messages.budgetMeter.districtNotFound(context.district ?? '')
    : context.texts.empty;
}

function districtName({ round, texts }: ResultsContext, result: DistrictResult): string {
  if (result.district === null) return texts.cityWide;
  return round.districts.find((d) => d.slug === result.district)?.name ?? result.district;
}

function visibleResults(context: ResultsContext, published: PublishedResults): DistrictResult[] {
  const wanted = context.district?.trim();
  const all = published.results.districts;
  return wanted ? all.filter((d) => d.district === wanted) : all;
}
