import 'reflect-metadata';
import { DynamicModule, Type } from '@nestjs/common';
import type { HubAppDefinition } from '@hub/platform';

/**
 * The controllers (HTTP and Kafka) of an app's modules and of every module they import, read from Nest's module
 * metadata: specs hold tables to an app through its definition, without knowing where its controllers live.
 */
export function controllersOf(app: Pick<HubAppDefinition, 'modules'>): Type[] {
  return controllersOfModules(app.modules, new Set());
}

function controllersOfModules(modules: readonly (Type | DynamicModule)[], seen: Set<unknown>): Type[] {
  return modules.flatMap((entry) => {
    const module = 'module' in entry ? entry.module : entry;
    if (seen.has(entry)) return [];
    seen.add(entry);
    const dynamic = 'module' in entry ? entry : undefined;
    const controllers = [
      ...((Reflect.getMetadata('controllers', module) as Type[] | undefined) ?? []),
      ...((dynamic?.controllers as Type[] | undefined) ?? []),
    ];
    const imports = [
      ...((Reflect.getMetadata('imports', module) as (Type | DynamicModule)[] | undefined) ?? []),
      ...((dynamic?.imports as (Type | DynamicModule)[] | undefined) ?? []),
    ].filter((i) => typeof i === 'function' || (typeof i === 'object' && i !== null && 'module' in i));
    return [...controllers, ...controllersOfModules(imports, seen)];
  });
}
