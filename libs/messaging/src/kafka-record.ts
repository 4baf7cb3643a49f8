/** A message as it goes to Kafka: the CloudEvents Kafka binding's output plus its topic. */
export interface KafkaRecord {
  topic: string;
  key: string | null;
  value: Buffer;
  headers: Record<string, string>;
}
