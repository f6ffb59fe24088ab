import type { ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { NAVIGATION, type Permission } from '@tinhso/contracts';
import { PublicLayout } from './layouts/public-layout.tsx';
import { WorkspaceLayout } from './layouts/workspace-layout.tsx';
import { AccountPage } from './pages/account/account-page.tsx';
import { MfaPage } from './pages/account/mfa-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { FileDossierPage } from './pages/portal/file-dossier-page.tsx';
import { FiledPage } from './pages/portal/filed-page.tsx';
import { MyDossierPage } from './pages/portal/my-dossier-page.tsx';
import { MyDossiersPage } from './pages/portal/my-dossiers-page.tsx';
import { NotificationsPage } from './pages/portal/notifications-page.tsx';
import { ProcedurePage } from './pages/portal/procedure-page.tsx';
import { ProceduresPage } from './pages/portal/procedures-page.tsx';
import { TrackPage } from './pages/portal/track-page.tsx';
import { HomePage } from './pages/public/home-page.tsx';
import { RegisterPage } from './pages/public/register-page.tsx';
import { SignInPage } from './pages/public/sign-in-page.tsx';
import { VerifyPage } from './pages/public/verify-page.tsx';
import { AdminUnitsPage } from './pages/workspace/admin-units-page.tsx';
import { AgenciesPage } from './pages/workspace/agencies-page.tsx';
import { AgencyPage } from './pages/workspace/agency-page.tsx';
import { AuditPage } from './pages/workspace/audit-page.tsx';
import { CalendarPage } from './pages/workspace/calendar-page.tsx';
import { WorkspaceNotificationsPage } from './pages/workspace/notifications-page.tsx';
import { CounterPage } from './pages/workspace/counter/counter-page.tsx';
import { DossierPage } from './pages/workspace/dossiers/dossier-page.tsx';
import { WorklistPage } from './pages/workspace/dossiers/worklist-page.tsx';
import { OfficialPage } from './pages/workspace/official-page.tsx';
import { OfficialsPage } from './pages/workspace/officials-page.tsx';
import { ProcedureCataloguePage } from './pages/workspace/procedures/procedures-page.tsx';
import { RolesPage } from './pages/workspace/roles-page.tsx';
import { StatisticsPage } from './pages/workspace/statistics/statistics-page.tsx';
import { OutgoingDraftPage } from './pages/workspace/documents/outgoing-draft-page.tsx';
import { OutgoingListPage } from './pages/workspace/documents/outgoing-list-page.tsx';
import { OutgoingNewPage } from './pages/workspace/documents/outgoing-new-page.tsx';
import { WorkFilePage } from './pages/workspace/documents/work-file-page.tsx';
import { WorkFilesPage } from './pages/workspace/documents/work-files-page.tsx';
import { IncomingDocumentPage } from './pages/workspace/documents/incoming-document-page.tsx';
import { IncomingRegisterPage } from './pages/workspace/documents/incoming-register-page.tsx';
import { MyDocumentsPage } from './pages/workspace/documents/my-documents-page.tsx';
import { ExchangePage } from './pages/workspace/exchange/exchange-page.tsx';
import { SignaturesAdminPage } from './pages/workspace/signatures/signatures-admin-page.tsx';
import { WorkspaceHomePage } from './pages/workspace/workspace-home-page.tsx';
import { RequirePermission, RequireSession } from './session/guards.tsx';
import { SessionProvider } from './session/session-context.tsx';

/** The permission of a workspace section comes from NAVIGATION, so the menu and the routes agree. */
function permissionOf(path: (typeof NAVIGATION)[number]['path']): Permission {
  const entry = NAVIGATION.find((candidate) => candidate.path === path);
  if (!entry) throw new Error(`No navigation entry for ${path}`);
  return entry.permission;
}

function guarded(path: (typeof NAVIGATION)[number]['path'], page: ReactNode) {
  return <RequirePermission permission={permissionOf(path)}>{page}</RequirePermission>;
}

function signedIn(page: ReactNode) {
  return <RequireSession>{page}</RequireSession>;
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<PublicLayout />}>
            <Route index element={<HomePage />} />
            <Route path="register" element={<RegisterPage />} />
            <Route path="sign-in" element={<SignInPage />} />
            <Route
              path="account"
              element={
                <RequireSession>
                  <AccountPage />
                </RequireSession>
              }
            />
            <Route
              path="account/mfa"
              element={
                <RequireSession>
                  <MfaPage />
                </RequireSession>
              }
            />
            <Route path="procedures" element={<ProceduresPage />} />
            <Route path="procedures/:code" element={<ProcedurePage />} />
            <Route path="procedures/:code/file" element={signedIn(<FileDossierPage />)} />
            <Route path="track" element={<TrackPage />} />
            <Route path="verify" element={<VerifyPage />} />
            <Route path="track/:code" element={<TrackPage />} />
            <Route path="my/dossiers" element={signedIn(<MyDossiersPage />)} />
            <Route path="my/dossiers/:id" element={signedIn(<MyDossierPage />)} />
            <Route path="my/dossiers/:id/filed" element={signedIn(<FiledPage />)} />
            <Route path="my/notifications" element={signedIn(<NotificationsPage />)} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route path="workspace" element={<WorkspaceLayout />}>
            <Route index element={guarded('/workspace', <WorkspaceHomePage />)} />
            <Route path="agencies" element={guarded('/workspace/agencies', <AgenciesPage />)} />
            <Route path="agencies/:id" element={guarded('/workspace/agencies', <AgencyPage />)} />
            <Route path="admin-units" element={guarded('/workspace/admin-units', <AdminUnitsPage />)} />
            <Route path="officials" element={guarded('/workspace/officials', <OfficialsPage />)} />
            <Route path="officials/:id" element={guarded('/workspace/officials', <OfficialPage />)} />
            <Route path="roles" element={guarded('/workspace/roles', <RolesPage />)} />
            <Route path="audit" element={guarded('/workspace/audit', <AuditPage />)} />
            <Route path="calendar" element={guarded('/workspace/calendar', <CalendarPage />)} />
            <Route path="dossiers" element={guarded('/workspace/dossiers', <WorklistPage />)} />
            <Route path="dossiers/:id" element={guarded('/workspace/dossiers', <DossierPage />)} />
            <Route
              path="notifications"
              element={guarded('/workspace/notifications', <WorkspaceNotificationsPage />)}
            />
            <Route path="counter" element={guarded('/workspace/counter', <CounterPage />)} />
            <Route path="statistics" element={guarded('/workspace/statistics', <StatisticsPage />)} />
            <Route path="procedures" element={guarded('/workspace/procedures', <ProcedureCataloguePage />)} />
            <Route
              path="documents/files"
              element={guarded('/workspace/documents/files', <WorkFilesPage />)}
            />
            <Route
              path="documents/files/:id"
              element={guarded('/workspace/documents/files', <WorkFilePage />)}
            />
            <Route
              path="documents/outgoing"
              element={guarded('/workspace/documents/outgoing', <OutgoingListPage />)}
            />
            <Route
              path="documents/outgoing/new"
              element={guarded('/workspace/documents/outgoing', <OutgoingNewPage />)}
            />
            <Route
              path="documents/outgoing/:id"
              element={guarded('/workspace/documents/outgoing', <OutgoingDraftPage />)}
            />
            <Route path="documents" element={guarded('/workspace/documents', <MyDocumentsPage />)} />
            <Route path="exchange" element={guarded('/workspace/exchange', <ExchangePage />)} />
            <Route path="signatures" element={guarded('/workspace/signatures', <SignaturesAdminPage />)} />
            <Route
              path="documents/incoming"
              element={guarded('/workspace/documents/incoming', <IncomingRegisterPage />)}
            />
            <Route
              path="documents/incoming/:id"
              element={guarded('/workspace/documents/incoming', <IncomingDocumentPage />)}
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
