/**
 * The direction of dependencies (docs/architecture.md). A wrong-way import or a cycle is an error,
 * and each rule says why.
 */
const MODULE = '^apps/server/src/modules/';
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle makes two modules one; break it with an exported function or an injected port.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'contracts-stand-alone',
      severity: 'error',
      comment: 'Contracts are shared by server, web and CLI; they import nothing of ours.',
      from: { path: '^packages/contracts/' },
      to: { path: '^apps/' },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      comment: 'The web app talks to the server over HTTP only; it shares contracts, never server code.',
      from: { path: '^apps/web/' },
      to: { path: '^apps/(server|cli)/' },
    },
    {
      name: 'server-not-clients',
      severity: 'error',
      comment: 'The server does not know its clients.',
      from: { path: '^apps/server/' },
      to: { path: '^apps/(web|cli)/' },
    },
    {
      name: 'platform-is-the-floor',
      severity: 'error',
      comment: 'platform/ is infrastructure for every module; it must not depend on any of them.',
      from: { path: '^apps/server/src/platform/' },
      to: { path: `${MODULE}|^apps/server/src/app\\.ts` },
    },
    {
      name: 'modules-not-composition-root',
      severity: 'error',
      comment: 'Only app.ts wires modules together; modules never import it.',
      from: { path: MODULE },
      to: { path: '^apps/server/src/(app|main|index)\\.ts' },
    },
    {
      name: 'audit-depends-on-no-module',
      severity: 'error',
      comment: 'Every module writes audit events, so audit may not depend on any module.',
      from: { path: `${MODULE}audit/` },
      to: { path: `${MODULE}(?!audit/)` },
    },
    {
      name: 'identity-not-organisation',
      severity: 'error',
      comment: 'Identity gets grants through the GrantsProvider port (platform/access.ts), wired in app.ts.',
      from: { path: `${MODULE}identity/` },
      to: { path: `${MODULE}(organisation|ops)/` },
    },
    {
      name: 'rules-modules-stand-alone',
      severity: 'error',
      comment:
        'Calendar and procedures are rules other modules build on; they may write audit events and nothing else of another module.',
      from: { path: `${MODULE}(calendar|procedures)/` },
      to: { path: `${MODULE}(?!calendar/|procedures/|audit/)` },
    },
    {
      name: 'exchange-modules-stand-alone',
      severity: 'error',
      comment:
        'Files, payments and notifications serve the business modules through plain functions and hooks given at composition (onSettled); they know no business module.',
      from: { path: `${MODULE}(files|payments|notifications)/` },
      to: { path: `${MODULE}(?!files/|payments/|notifications/|audit/)` },
    },
    {
      name: 'kpi-and-forms-are-pure',
      severity: 'error',
      comment:
        'The KPI rules and the PDF forms take plain data: no database, no HTTP, no other module, so they are tested by hand-computed fixtures and poppler alone.',
      from: { path: `${MODULE}dossiers/(kpi|forms)/` },
      to: { path: '^apps/server/src/(platform/|modules/(?!dossiers/(kpi|forms)/))' },
    },
    {
      name: 'edxml-is-pure',
      severity: 'error',
      comment:
        'The edXML library builds and reads packages from plain data: no database, no HTTP, no other module, so the exchange, the axis adapter and the tests share it.',
      from: { path: `${MODULE}exchange/edxml/` },
      to: { path: '^apps/server/src/(platform/|modules/(?!exchange/edxml/))' },
    },
    {
      name: 'ops-stands-alone',
      severity: 'error',
      comment: 'Operations endpoints read platform state only.',
      from: { path: `${MODULE}ops/` },
      to: { path: `${MODULE}(?!ops/)` },
    },
    {
      name: 'tools-stay-outside-the-server',
      comment:
        'src/tools/ (the two-server helper and the exports of @tinhso/server/bench) starts processes and seeds databases for tests and benchmarks; the running server never loads it.',
      severity: 'error',
      from: { path: '^apps/server/src/', pathNot: '^apps/server/src/tools/' },
      to: { path: '^apps/server/src/tools/' },
    },
    {
      name: 'bench-not-tests',
      severity: 'error',
      comment:
        'Benchmarks reach the server through its package exports (@tinhso/server, @tinhso/server/bench), never through test code: what they need lives in apps/server/src/tools/.',
      from: { path: '^bench/' },
      to: { path: '(\\.test\\.ts$|^apps/[^/]+/test/|^e2e/)' },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      comment: 'Production code never imports tests or their harness.',
      from: { path: '^apps/[^/]+/src/', pathNot: '\\.test\\.ts$' },
      to: { path: '(\\.test\\.ts$|^apps/server/test/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.base.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(node_modules|dist|\\.tmp)' },
  },
};
