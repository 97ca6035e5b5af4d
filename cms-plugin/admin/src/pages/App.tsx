import { Page } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';

import { useRights } from '../hooks/useRights';
import { canOpen, sectionsFor, type Section } from '../lib/permissions';
import { CreateRoundPage } from './CreateRoundPage';
import { EditRoundPage } from './EditRoundPage';
import { ExecutionPage } from './ExecutionPage';
import { ModerationPage } from './ModerationPage';
import { ResultsPage } from './ResultsPage';
import { ReviewPage } from './ReviewPage';
import { RoundsPage } from './RoundsPage';

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

const App = () => {
  return (
    <Routes>
      <Route index element={<Start />} />
      <Route
        path="rounds"
        element={
          <Guard section="rounds">
            <RoundsPage />
          </Guard>
        }
      />
      <Route
        path="rounds/new"
        element={
          <Guard section="rounds">
            <CreateRoundPage />
          </Guard>
        }
      />
      <Route
        path="rounds/:slug"
        element={
          <Guard section="rounds">
            <EditRoundPage />
          </Guard>
        }
      />
      <Route
        path="review"
        element={
          <Guard section="review">
            <ReviewPage />
          </Guard>
        }
      />
      <Route
        path="review/:slug"
        element={
          <Guard section="review">
            <ReviewPage />
          </Guard>
        }
      />
      <Route
        path="moderation"
        element={
          <Guard section="moderation">
            <ModerationPage />
          </Guard>
        }
      />
      <Route
        path="moderation/:slug"
        element={
          <Guard section="moderation">
            <ModerationPage />
          </Guard>
        }
      />
      <Route
        path="results"
        element={
          <Guard section="results">
            <ResultsPage />
          </Guard>
        }
      />
      <Route
        path="results/:slug"
        element={
          <Guard section="results">
            <ResultsPage />
          </Guard>
        }
      />
      <Route
        path="execution"
        element={
          <Guard section="execution">
            <ExecutionPage />
          </Guard>
        }
      />
      <Route
        path="execution/:slug"
        element={
          <Guard section="execution">
            <ExecutionPage />
          </Guard>
        }
      />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  );
};

export default App;
