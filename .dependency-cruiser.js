// The hub's dependency rules (docs/dependency-rules.md says why); `npm run depcruise` checks them, and
// `npm run lint` (so CI, .ci/run) runs it. A rule broken fails the run, naming the import.

/** What talks to the outside world: the database, the broker, HTTP servers. */
const INFRASTRUCTURE = [
  '^node_modules/(typeorm|@nestjs/typeorm|pg|kafkajs|@nestjs/microservices|@nestjs/platform-[^/]+|express)/',
  '^libs/(persistence|messaging|infra)/',
];

module.exports = {
  forbidden: [
    {
      name: 'no-app-to-app',
      comment:
        'An app never imports another app: each is a deployable on its own. What two apps share belongs in libs/ ' +
        '(contracts, workdays, …); what one tells another goes through an event or the gateway.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-to-app',
      comment: 'A library is shared by every app and knows none of them (its tests included).',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-tool-to-app',
      comment:
        'Tools and benchmarks run the apps as processes and speak to them over HTTP and Kafka; they import none of ' +
        'their code. Their unit specs (tests that hold a table to the apps) may read an app through its definition.',
      severity: 'error',
      from: { path: '^(tools|bench)/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-not-infrastructure',
      comment:
        'Domain code (the rules of a use case, *.rules.ts; the working-day calendar, libs/workdays; the contracts, ' +
        'libs/contracts; the SSGK-DRAW-1 draw, libs/draw) decides without a database, a broker or a server, so that a unit spec holds it alone.',
      severity: 'error',
      from: { path: ['\\.rules\\.ts$', '^libs/(workdays|contracts|draw)/'] },
      to: { path: INFRASTRUCTURE, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|\\.hub)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // The local infrastructure scripts (tools/*.js) are CommonJS; the rest is TypeScript.
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
