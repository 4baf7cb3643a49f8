/**
 * The single-event baseline of bench/gateway: a bare Nest endpoint on the same framework as the gateway (Express,
 * or Fastify to compare) that parses the same CloudEvent body and answers 202 with a receipt-shaped JSON, and does
 * nothing else — no signature check, no validation, no database. Run as its own process:
 *   node dist/bench/gateway/bare-server.js express|fastify   (prints "listening <port>")
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';

const CLOUDEVENTS_JSON = 'application/cloudevents+json';

@Controller('v1')
class BareController {
  @Post('events')
  @HttpCode(202)
  accept(@Body() event: { id?: unknown; source?: unknown; type?: unknown }): Record<string, unknown> {
    return {
      hubId: randomUUID(),
      id: event.id,
      source: event.source,
      type: event.type,
      acceptedAt: new Date().toISOString(),
    };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  const platform = process.argv[2] ?? 'express';
  let app: NestExpressApplication | NestFastifyApplication;
  if (platform === 'fastify') {
    const fastify = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), {
      logger: false,
      rawBody: true,
    });
    fastify.useBodyParser(CLOUDEVENTS_JSON, {}, (_request, body, done) => {
      try {
        done(null, JSON.parse(body.toString('utf8')) as unknown);
      } catch (error) {
        done(error as Error, undefined);
      }
    });
    app = fastify;
  } else if (platform === 'express') {
    const express = await NestFactory.create<NestExpressApplication>(BareModule, { logger: false, rawBody: true });
    express.useBodyParser('json', { type: ['application/json', CLOUDEVENTS_JSON] });
    app = express;
  } else {
    throw new Error(`platform must be express or fastify, not ${platform}`);
  }
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(`listening ${address.port}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
