import { Transform } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, Matches, Min, ValidateIf } from 'class-validator';
import { AssertionEnv } from '@hub/assertion';
import { localLedgerKeys } from '@hub/infra';
import { parseTargets } from './operations/app-probe';

const int = ({ value }: { value: unknown }): unknown => (value === undefined ? undefined : Number(value));

/**
 * The console's environment: its API takes calls through the gateway, from 信息化中心's operators only; its pages
 * call the gateway for people, with their session.
 */
export class ConsoleEnv extends AssertionEnv {
  /** Where the pages reach the gateway: people's sessions, and every app's API through its door. */
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'GATEWAY_URL must be an http(s) URL' })
  GATEWAY_URL = 'http://127.0.0.1:3000';

  /**
   * The event ledger's Ed25519 key pair (PKCS#8 and SPKI PEM; `\n` may stand for line breaks): checkpoints are signed
   * with it. Required in production; unset elsewhere, the pair `npm start` keeps in .hub/ledger-keys.json.
   */
  @Matches(/-----BEGIN PRIVATE KEY-----/, { message: 'LEDGER_SIGNING_KEY must be a PKCS#8 PEM private key' })
  @ValidateIf((env: ConsoleEnv) => env.NODE_ENV === 'production' || env.LEDGER_SIGNING_KEY !== undefined)
  @IsDefined({ message: 'LEDGER_SIGNING_KEY is required in production' })
  LEDGER_SIGNING_KEY?: string;

  @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'LEDGER_PUBLIC_KEY must be an SPKI PEM public key' })
  @ValidateIf((env: ConsoleEnv) => env.NODE_ENV === 'production' || env.LEDGER_PUBLIC_KEY !== undefined)
  @IsDefined({ message: 'LEDGER_PUBLIC_KEY is required in production' })
  LEDGER_PUBLIC_KEY?: string;

  /** A checkpoint after this many new entries, or LEDGER_CHECKPOINT_SECONDS after the last, whichever is first. */
  @Transform(int)
  @IsInt({ message: 'LEDGER_CHECKPOINT_ENTRIES must be an integer' })
  @Min(1, { message: 'LEDGER_CHECKPOINT_ENTRIES must be at least 1' })
  LEDGER_CHECKPOINT_ENTRIES = 10_000;

  @Transform(int)
  @IsInt({ message: 'LEDGER_CHECKPOINT_SECONDS must be an integer' })
  @Min(1, { message: 'LEDGER_CHECKPOINT_SECONDS must be at least 1' })
  LEDGER_CHECKPOINT_SECONDS = 10;

  /** Accepted events not yet in the ledger beyond which the ledger is behind: an alert, and the ledger not ready. */
  /**
   * The replicas the operators' overview probes (/health/ready, /metrics): `app=url|url,app=url`. By default the six
   * apps on this machine's default ports.
   */
  @Matches(
    /^([a-z]+=https?:\/\/[^\s,|]+(\|https?:\/\/[^\s,|]+)*)(,[a-z]+=https?:\/\/[^\s,|]+(\|https?:\/\/[^\s,|]+)*)*$/,
    {
      message: 'OPERATIONS_TARGETS must be app=url[|url…][,app=url…]',
    },
  )
  @IsOptional()
  OPERATIONS_TARGETS?: string;

  @Transform(int)
  @IsInt({ message: 'LEDGER_MAX_BEHIND must be an integer' })
  @Min(1, { message: 'LEDGER_MAX_BEHIND must be at least 1' })
  LEDGER_MAX_BEHIND = 100_000;
}

/** The event ledger's part of the environment, with its defaults and keys resolved (injectable). */
export class LedgerSettings {
  signingKey!: string;
  publicKey!: string;
  checkpointEntries!: number;
  checkpointSeconds!: number;
  maxBehind!: number;
}

/** The ledger's settings (a plain HubEnv too: in-process tests pass the isolated env, without the console's fields). */
export function ledgerSettings(env: Partial<ConsoleEnv>): LedgerSettings {
  const pem = (value: string | undefined): string | undefined => value?.replace(/\\n/g, '\n');
  const local = env.LEDGER_SIGNING_KEY && env.LEDGER_PUBLIC_KEY ? undefined : localLedgerKeys();
  return Object.assign(new LedgerSettings(), {
    signingKey: pem(env.LEDGER_SIGNING_KEY) ?? local!.privateKey,
    publicKey: pem(env.LEDGER_PUBLIC_KEY) ?? local!.publicKey,
    checkpointEntries: Number(env.LEDGER_CHECKPOINT_ENTRIES ?? 10_000),
    checkpointSeconds: Number(env.LEDGER_CHECKPOINT_SECONDS ?? 10),
    maxBehind: Number(env.LEDGER_MAX_BEHIND ?? 100_000),
  });
}

const DEFAULT_TARGETS =
  'gateway=http://127.0.0.1:3000,approval=http://127.0.0.1:3001,supervision=http://127.0.0.1:3002,inspection=http://127.0.0.1:3003,registry=http://127.0.0.1:3004,console=http://127.0.0.1:3005';

/** The replicas the overview probes (a plain HubEnv too, as ledgerSettings). */
export function operationsTargets(env: Partial<ConsoleEnv>): { app: string; url: string }[] {
  return parseTargets(env.OPERATIONS_TARGETS ?? DEFAULT_TARGETS);
}
