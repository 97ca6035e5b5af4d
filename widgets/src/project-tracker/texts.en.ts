import type { ProjectTrackerTexts } from './texts.js';

const plural = new Intl.PluralRules('en');
const one = (count: number) => plural.select(count) === 'one';

/** English. */
export const en: ProjectTrackerTexts = {
  title: (roundTitle) => `What happens with ${roundTitle}`,
  loading: 'Loading the projects…',
  district: 'District',
  allDistricts: 'All districts',
  fundedTitle: 'Funded projects',
  otherTitle: 'Other ideas',
  summary: (count, granted, spent) =>
    `${count} ${one(count) ? 'project' : 'projects'} funded: ${granted} granted, ${spent} spent.`,
  statusCounts: (counts) =>
    [
      counts.completed ? `${counts.completed} completed` : '',
      counts.in_progress ? `${counts.in_progress} in progress` : '',
      counts.planned ? `${counts.planned} planned` : '',
      counts.funded ? `${counts.funded} not started yet` : '',
    ]
      .filter(Boolean)
      .join(', ') + '.',
  noneFunded: 'No projects have been funded yet.',
  noneFundedIn: (district) => `No projects have been funded in ${district} (yet).`,
  noneOther: 'There are no other ideas to show.',
  districtNotFound: (slug) => `The district ‘${slug}’ is not part of this round.`,
  cityWide: 'Whole city',
  statuses: {
    submitted: 'Submitted',
    in_review: 'Under review',
    admitted: 'Not decided yet',
    rejected: 'Rejected',
    merged: 'Merged',
    funded: 'Funded, not started yet',
    not_funded: 'Not funded',
    planned: 'Planned',
    in_progress: 'In progress',
    completed: 'Completed',
  },
  progress: (percent) => `${percent} done`,
  spentOf: (spent, granted) => `${spent} spent of ${granted}`,
  granted: (amount) => `Granted: ${amount}`,
  overspent: (amount) => `${amount} more spent than granted.`,
  updatesLabel: (project) => `Updates on ${project}`,
  olderUpdates: (count) => `${count} earlier ${one(count) ? 'update' : 'updates'}`,
  noReason: 'The city gave no explanation for this.',
  mergedInto: (title) => `Merged with ‘${title}’.`,
  mergedElsewhere: 'Merged with another proposal.',
  awaitingReview: (count) =>
    `${count} more ${one(count) ? 'idea is' : 'ideas are'} waiting to be reviewed by the city.`,
  loaded: (funded, other) =>
    `${funded} funded ${one(funded) ? 'project' : 'projects'}` +
    (other === null ? '.' : `, ${other} other ${one(other) ? 'idea' : 'ideas'}.`),
};
