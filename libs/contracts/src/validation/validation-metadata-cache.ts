import { getMetadataStorage } from 'class-validator';

type Lookup = (
  target: Function, // eslint-disable-line @typescript-eslint/no-unsafe-function-type -- class-validator's own signature
  schema: string,
  always: boolean,
  strictGroups: boolean,
  groups?: string[],
) => unknown[];

interface Storage {
  getTargetValidationMetadatas: Lookup;
  addValidationMetadata(metadata: unknown): void;
  groupByPropertyName(metadata: unknown[]): unknown;
}

const remembered = Symbol('hub.remembered-validation-metadata');

/**
 * class-validator finds a class's rules, on every object it checks, by scanning every class it knows (for inherited
 * rules) and then grouping them by property: in a process holding hundreds of contract and DTO classes that was
 * most of the time of checking an event. The rules change only when a class is declared, so the answers are kept
 * until the next declaration. Without groups only (the hub uses none); callers only read what they are given.
 */
export function rememberValidationMetadata(): void {
  const storage = getMetadataStorage() as unknown as Storage & { [remembered]?: true };
  if (storage[remembered]) return;
  storage[remembered] = true;
  let byTarget = new WeakMap<object, Map<string, unknown[]>>();
  let grouped = new WeakMap<unknown[], unknown>();
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    byTarget = new WeakMap();
    grouped = new WeakMap();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if ((groups && groups.length > 0) || typeof target !== 'function') {
      return lookup(target, schema, always, strictGroups, groups);
    }
    const key = `${schema}\u0000${always}\u0000${strictGroups}`;
    let answers = byTarget.get(target);
    if (!answers) byTarget.set(target, (answers = new Map()));
    let found = answers.get(key);
    if (!found) answers.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (found === undefined) grouped.set(metadata, (found = group(metadata)));
    return found;
  };
}
