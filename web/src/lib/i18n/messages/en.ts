/**
 * The English message catalogue: every string the Dashboard shows.
 *
 * Keys are `area.thing`; `{name}` marks a parameter, filled by `t(key, { name })`.
 * Other languages add a file beside this one typed as `Catalogue` (see ../types.ts).
 */
export const en = {
  'app.name': 'Kassa',
  'app.tagline': 'Payments back office',
  'app.documentTitle': '{page} · Kassa',

  'frame.skipToContent': 'Skip to content',
  'frame.openNavigation': 'Open navigation',
  'frame.closeNavigation': 'Close navigation',
  'frame.mainNavigation': 'Main',
  'frame.home': 'Kassa home',

  'nav.group.operate': 'Operate',
  'nav.group.risk': 'Risk & reporting',
  'nav.group.settings': 'Settings',

  'project.label': 'Project',
  'project.all': 'All projects',
  'project.unavailable': 'Projects could not be loaded; showing all projects.',

  'theme.label': 'Colour scheme',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'theme.auto': 'System',

  'area.overview.title': 'Overview',
  'area.overview.emptyTitle': 'Your business at a glance',
  'area.overview.emptyDescription':
    'Turnover, conversion, average ticket and decline reasons across all your projects, compared with the previous period, will appear here.',
  'area.payments.title': 'Payments',
  'area.payments.emptyTitle': 'Search every payment',
  'area.payments.emptyDescription':
    'Find, filter and page through payments across projects, open a payment’s full timeline and export what is on screen.',
  'area.operations.title': 'Operations',
  'area.operations.emptyTitle': 'Every money movement, one list',
  'area.operations.emptyDescription':
    'Sales, authorisations, captures, cancels, refunds, payouts and chargebacks as individual operations, with their processor results.',
  'area.links.title': 'Payment links',
  'area.links.emptyTitle': 'Get paid with a link',
  'area.links.emptyDescription':
    'Create links with a fixed or customer-chosen amount, an expiry and single or multiple use, and see the payments each link brought in.',
  'area.payouts.title': 'Payouts',
  'area.payouts.emptyTitle': 'Send money out',
  'area.payouts.emptyDescription':
    'Pay out to a card token or bank account, one at a time or in bulk from a CSV file validated row by row before anything is paid.',
  'area.balances.title': 'Balances',
  'area.balances.emptyTitle': 'Know what you hold',
  'area.balances.emptyDescription':
    'Available, pending and reserved balances per project and currency, derived from the double-entry ledger.',
  'area.fraud.title': 'Fraud',
  'area.fraud.emptyTitle': 'Stop fraud before it costs you',
  'area.fraud.emptyDescription':
    'Rules, block lists, risk scores and a review queue for held payments, with a look back at what a rule would have caught in the last 90 days.',
  'area.chargebacks.title': 'Chargebacks',
  'area.chargebacks.emptyTitle': 'Answer disputes on time',
  'area.chargebacks.emptyDescription':
    'Accept or dispute chargebacks with evidence before their deadlines, and track your chargeback ratio against the card schemes’ thresholds.',
  'area.reports.title': 'Reports',
  'area.reports.emptyTitle': 'Reports for finance and operations',
  'area.reports.emptyDescription':
    'Generate payments, settlement, payout, chargeback and fraud reports as CSV, XLSX or PDF in the background, or schedule them.',
  'area.projects.title': 'Projects',
  'area.projects.emptyTitle': 'One company, many projects',
  'area.projects.emptyDescription':
    'Create and configure the web shops and apps that take payments through Kassa, each with its own settings and credentials.',
  'area.users.title': 'Users',
  'area.users.emptyTitle': 'Bring in your team',
  'area.users.emptyDescription':
    'Invite colleagues by e-mail address and give them roles for one project or for all projects.',
  'area.roles.title': 'Roles',
  'area.roles.emptyTitle': 'Decide who may do what',
  'area.roles.emptyDescription':
    'Use the built-in roles or compose your own from the list of permissions.',
  'area.apiKeys.title': 'API keys',
  'area.apiKeys.emptyTitle': 'Connect your servers',
  'area.apiKeys.emptyDescription':
    'Create and revoke per-project API keys that your servers use to sign requests to the Kassa API.',
  'area.webhooks.title': 'Webhooks',
  'area.webhooks.emptyTitle': 'Hear about events as they happen',
  'area.webhooks.emptyDescription':
    'Register signed webhook endpoints, choose their events and inspect every delivery and retry.',
  'area.audit.title': 'Audit log',
  'area.audit.emptyTitle': 'Who did what, and when',
  'area.audit.emptyDescription':
    'A tamper-evident record of every change and every sensitive read: who, when, from where and what changed.',

  'page.comingSoon': 'Coming soon',

  'system.title': 'System',
  'system.status': 'Status',
  'system.statusOk': 'Operational',
  'system.version': 'Version',
  'system.database': 'Database',
  'system.database.sqlite': 'SQLite',
  'system.database.postgresql': 'PostgreSQL',
  'system.loading': 'Checking the server…',
  'system.errorTitle': 'The server did not answer',

  'state.retry': 'Try again',
  'state.errorTitle': 'Something went wrong',

  'error.network': 'The server could not be reached. Check your connection and try again.',
  'error.unexpectedResponse': 'The server sent an unexpected answer (HTTP {status}).',
  'error.httpStatus': 'The request failed with HTTP {status}.',
  'error.unknown': 'An unexpected error occurred.',

  'notFound.code': '404',
  'notFound.title': 'Page not found',
  'notFound.description': 'There is no page at {path}. It may have moved, or the address may be mistyped.',
  'notFound.home': 'Back to overview',

  'routeError.title': 'This page failed to load',
  'routeError.description': 'An unexpected error stopped this page. Reloading usually helps; if not, tell your administrator.',
  'routeError.reload': 'Reload page',
} as const;
