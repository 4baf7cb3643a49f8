export * from './data-source';
export * from './group-commit';
