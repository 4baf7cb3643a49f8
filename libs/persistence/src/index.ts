export * from './data-source';
export * from './set-based';
