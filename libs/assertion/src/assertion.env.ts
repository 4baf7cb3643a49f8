import { IsDefined, Matches, ValidateIf } from 'class-validator';
import { HubEnv } from '@hub/config';
import { localEdgeKeys } from '@hub/infra';

/** What a domain app that takes calls through the gateway needs: the edge's public key. */
export class AssertionEnv extends HubEnv {
  /**
   * The edge's Ed25519 public key (SPKI PEM; `\n` may stand for its line breaks), with which the app checks the
   * gateway's assertions. Required in production; unset elsewhere, the pair `npm start` keeps in .hub/edge-keys.json.
   */
  @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'HUB_EDGE_PUBLIC_KEY must be an SPKI PEM public key' })
  @ValidateIf((env: AssertionEnv) => env.NODE_ENV === 'production' || env.HUB_EDGE_PUBLIC_KEY !== undefined)
  @IsDefined({ message: 'HUB_EDGE_PUBLIC_KEY is required in production' })
  HUB_EDGE_PUBLIC_KEY?: string;
}

/** The key assertions are checked with (a plain HubEnv too: in-process tests pass the isolated env's). */
export function edgePublicKey(env: Partial<AssertionEnv>): string {
  return env.HUB_EDGE_PUBLIC_KEY ?? localEdgeKeys().publicKey;
}
