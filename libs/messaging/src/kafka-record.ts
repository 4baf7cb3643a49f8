/** A message as it goes to Kafka: the CloudEvents Kafka binding's output plus its topic. */
export interface KafkaRecord {
  topic: string;
  key: string | null;
  value: Buffer;
  headers: Record<string, string>;
  /**
   * Milliseconds since the epoch, as a string: the record's Kafka timestamp (CreateTime). The relay sets it to when the
   * row was committed to the outbox, the hub's acceptance of the event; absent, the producer's clock at the send.
   */
  timestamp?: string;
}
