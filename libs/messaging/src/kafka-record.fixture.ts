import { RecordFields } from './kafka-record-encoder';

/** A CloudEvent as a Kafka record in binary mode (attributes as `ce_` headers), for the record codec tests. */
export const BINARY_CLOUD_EVENT_RECORD: RecordFields = {
  offsetDelta: 41,
  timestampDelta: 1_234,
  key: '91130800MA0D7PWW2B',
  value: Buffer.from(JSON.stringify({ name: '承德市高新区示范企业有限公司', licence: 'JY11308000000001' })),
  headers: {
    ce_specversion: '1.0',
    ce_id: '0f7c7a5e-1c7b-4b55-9d55-1f5f9f3c2b11',
    ce_source: '/departments/SPJ/systems/approval',
    ce_type: 'zone.approval.licence.granted.v1',
    ce_time: '2026-11-29T04:30:00.000Z',
    'content-type': 'application/json',
  },
};
