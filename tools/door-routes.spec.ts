import 'reflect-metadata';
import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { approvalApp } from '../apps/approval/src/approval.app';
import { consoleApp } from '../apps/console/src/console.app';
import { FORWARDED_ROUTES } from '../apps/gateway/src/door/door-routes';
import { inspectionApp } from '../apps/inspection/src/inspection.app';
import { registryApp } from '../apps/registry/src/registry.app';
import { supervisionApp } from '../apps/supervision/src/supervision.app';
import { controllersOf } from './app-controllers';

/** Every controller of the apps behind the door: those without HTTP routes (Kafka consumers) add none. */
const CONTROLLERS: Record<string, Type[]> = {
  approval: controllersOf(approvalApp),
  supervision: controllersOf(supervisionApp),
  console: controllersOf(consoleApp),
  inspection: controllersOf(inspectionApp),
  registry: controllersOf(registryApp),
};

/** Every API route (under /v1) of a controller as `method /path-under-v1` in the OpenAPI spelling of the route table. */
function routesOf(controller: Type): string[] {
  const base = String(Reflect.getMetadata(PATH_METADATA, controller));
  return Object.getOwnPropertyNames(controller.prototype).flatMap((name) => {
    const handler = (controller.prototype as Record<string, unknown>)[name];
    const path = Reflect.getMetadata(PATH_METADATA, handler as object) as string | undefined;
    const method = Reflect.getMetadata(METHOD_METADATA, handler as object) as RequestMethod | undefined;
    if (path === undefined || method === undefined) return [];
    const whole = `/${[base, path].filter((p) => p !== '' && p !== '/').join('/')}`;
    // The API is under /v1; the console's pages (its own, for people's browsers) are not forwarded.
    if (!whole.startsWith('/v1/') && whole !== '/v1') return [];
    const full = whole
      .replace(/^\/v1/, '')
      .replace(/\\:/g, ':')
      .replace(/\/:(\w+)/g, '/{$1}');
    return [`${RequestMethod[method].toLowerCase()} ${full === '' ? '/' : full}`];
  });
}

describe("the door's route table", () => {
  it.each(Object.keys(CONTROLLERS))('lists every route of the %s app, and only those', (app) => {
    const listed = FORWARDED_ROUTES.filter((r) => r.app === app).map((r) => `${r.method} ${r.path}`);
    expect(listed.sort()).toEqual(CONTROLLERS[app]!.flatMap(routesOf).sort());
  });
});
