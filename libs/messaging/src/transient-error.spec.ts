import { KafkaJSConnectionError, KafkaJSNonRetriableError } from 'kafkajs';
import { isTransientInfrastructureError } from './transient-error';

describe('isTransientInfrastructureError', () => {
  it.each([
    [{ code: '08006', message: 'connection failure' }],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }],
    [new Error('Connection terminated unexpectedly')],
    [new KafkaJSConnectionError('broker down')],
  ])('treats %p as the infrastructure failing', (error) => {
    expect(isTransientInfrastructureError(error)).toBe(true);
  });

  it.each([
    [new Error('invalid licence state')],
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }],
    [new KafkaJSNonRetriableError('bad request')],
    ['a string'],
  ])('treats %p as the event failing', (error) => {
    expect(isTransientInfrastructureError(error)).toBe(false);
  });
});
