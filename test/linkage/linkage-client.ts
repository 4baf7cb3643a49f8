import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { randomNonce, signRequest, unixSeconds } from '@hub/auth';
import {
  CloudEvent,
  LicenceGrantedV1Payload,
  LicenceRevokedV1Payload,
  PushClaimRequestedV1,
  PushClaimRequestedV1Payload,
  departmentRole,
  ingressTopic,
  toKafkaMessage,
} from '@hub/contracts';
import { testKafka } from '@hub/testing';

export async function callWith<T = unknown>(
  baseUrl: string,
  credential: { accessKeyId: string; secret: string },
  method: string,
  pathAndQuery: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<{ status: number; body: T }> {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const [path, query] = pathAndQuery.split('?');
  const authorization = signRequest({
    ...credential,
    method,
    path,
    query: query ?? '',
    body: raw,
    timestamp: unixSeconds(),
    nonce: randomNonce(),
  });
  const response = await fetch(`${baseUrl}${pathAndQuery}`, {
    method,
    headers: { authorization, ...(body === undefined ? {} : { 'content-type': contentType }) },
    body: body === undefined ? undefined : raw,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** A department's system publishing on its Kafka ingress topic (through the gateway). */
export async function publishOnIngress(
  brokers: string[],
  prefix: string,
  department: string,
  events: CloudEvent[],
): Promise<void> {
  const producer = testKafka(brokers, departmentRole(department)).producer();
  await producer.connect();
  try {
    await producer.send({
      topic: `${prefix}${ingressTopic(department)}`,
      messages: events.map((e) => toKafkaMessage(e, 'binary')),
    });
  } finally {
    await producer.disconnect();
  }
}

/** The 审批局's approval system publishing decisions on its Kafka ingress topic (through the gateway). */
export async function publishDecisions(brokers: string[], prefix: string, events: CloudEvent[]): Promise<void> {
  await publishOnIngress(brokers, prefix, 'SPJ', events);
}

/** A supervising department's case system claiming a push through the gateway. */
export function claimRequest(
  department: string,
  data: PushClaimRequestedV1Payload,
): CloudEvent<PushClaimRequestedV1Payload> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: `/departments/${department}/systems/case-handling`,
    type: PushClaimRequestedV1.type,
    subject: data.uscc,
    partitionkey: data.uscc,
    datacontenttype: 'application/json',
    department,
    data,
  };
}

export function decisionEvent<T extends object>(
  type: string,
  data: T & { uscc: string },
  id = randomUUID(),
): CloudEvent<T> {
  return {
    specversion: '1.0',
    id,
    source: '/departments/SPJ/systems/approval',
    type,
    subject: data.uscc,
    partitionkey: data.uscc,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    department: 'SPJ',
    data,
  };
}

export function grant(
  uscc: string,
  approvalId: string,
  matterCode: string,
  extra: Partial<LicenceGrantedV1Payload> = {},
): LicenceGrantedV1Payload {
  return {
    uscc,
    approvalId,
    matterCode,
    licenceNo: `L-${approvalId}`,
    decidedAt: new Date().toISOString(),
    ...extra,
  };
}

export function revoke(
  g: LicenceGrantedV1Payload,
  approvalId: string,
  revocationRequestId: string,
): LicenceRevokedV1Payload {
  return {
    uscc: g.uscc,
    approvalId,
    matterCode: g.matterCode,
    licenceNo: g.licenceNo,
    decidedAt: new Date().toISOString(),
    reason: '以虚假承诺取得许可',
    revocationRequestId,
  };
}

export async function sql<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
