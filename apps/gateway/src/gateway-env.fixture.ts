import { randomBytes } from 'node:crypto';
import { loadEnv } from '@hub/config';
import { newEdgeKeys } from '@hub/infra';
import { GatewayEnv } from './gateway.env';

/** A GatewayEnv for unit tests (nothing is connected to); production gets the secrets production requires. */
export function testGatewayEnv(variables: Record<string, string> = {}): GatewayEnv {
  return loadEnv(GatewayEnv, {
    KAFKA_BROKERS: '127.0.0.1:9092',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hub',
    PORT: '0',
    ...(variables.NODE_ENV === 'production'
      ? {
          HUB_SECRET_KEY: randomBytes(32).toString('base64'),
          HUB_EDGE_SIGNING_KEY: newEdgeKeys().privateKey,
          KAFKA_SASL_USERNAME: 'hub-gateway',
          KAFKA_SASL_PASSWORD: randomBytes(18).toString('base64url'),
        }
      : {}),
    ...variables,
  });
}
