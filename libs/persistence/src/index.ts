export * from './data-source';
export * from './group-commit';
export * from './prune';
