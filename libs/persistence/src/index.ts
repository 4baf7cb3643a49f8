export * from './data-source';
export * from './group-commit';
export * from './prune';
export * from './set-based';
export * from './prepared-statement';
