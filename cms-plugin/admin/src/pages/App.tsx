import { Page } from '@strapi/strapi/admin';
import type { ComponentType, ReactNode } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router-dom';

import { useRights } from '../hooks/useRights';
import { canOpen, sectionsFor, type Section } from '../lib/permissions';
import { CreateRoundPage } from './CreateRoundPage';
import { EditRoundPage } from './EditRoundPage';
import { ExecutionPage } from './ExecutionPage';
import { ModerationPage } from './ModerationPage';
import { PanelPage } from './PanelPage';
import { ParticipationPage } from './ParticipationPage';
import { ResultsPage } from './ResultsPage';
import { ReviewPage } from './ReviewPage';
import { RoundsPage } from './RoundsPage';
import { VotingPage } from './VotingPage';

/** A page only for admins whose role holds the section's action. */
const Guard = ({ section, children }: { section: Section; children: ReactNode }) => {
  const rights = useRights();
  return canOpen(rights, section) ? <>{children}</> : <Page.NoPermissions />;
};

/** The first section the admin may open. */
const Start = () => {
  const [first] = sectionsFor(useRights());
  return first ? <Navigate to={first} replace /> : <Page.NoPermissions />;
};

/**
 * A page per round: mounted afresh when the round changes, so nothing of the previous round (a
 * late answer, a count, a form) can show or be acted on under the new round's name.
 */
const PerRound = ({ page: PageComponent }: { page: ComponentType }) => {
  const { slug = '' } = useParams();
  return <PageComponent key={slug} />;
};

/** The working sections: each opens on a round picker, then on the chosen round. */
const SECTION_PAGES: Record<Exclude<Section, 'rounds'>, ComponentType> = {
  review: ReviewPage,
  moderation: ModerationPage,
  voting: VotingPage,
  results: ResultsPage,
  execution: ExecutionPage,
  participation: ParticipationPage,
  panel: PanelPage,
};

/** Every page, the path it answers and the section whose rights open it. */
const PAGES: ReadonlyArray<{ path: string; section: Section; page: ComponentType }> = [
  { path: 'rounds', section: 'rounds', page: RoundsPage },
  { path: 'rounds/new', section: 'rounds', page: CreateRoundPage },
  { path: 'rounds/:slug', section: 'rounds', page: EditRoundPage },
  ...(Object.entries(SECTION_PAGES) as Array<[Exclude<Section, 'rounds'>, ComponentType]>).flatMap(
    ([section, page]) => [
      { path: section, section, page },
      { path: `${section}/:slug`, section, page },
    ]
  ),
];

const App = () => {
  return (
    <Routes>
      <Route index element={<Start />} />
      {PAGES.map(({ path, section, page: PageComponent }) => (
        <Route
          key={path}
          path={path}
          element={
            <Guard section={section}>
              <PerRound page={PageComponent} />
            </Guard>
          }
        />
      ))}
      <Route path="*" element={<Page.Error />} />
    </Routes>
  );
};

export default App;
