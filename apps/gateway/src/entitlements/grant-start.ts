/**
 * A department receives an event of a type only if the hub accepted the event after the department was granted the
 * type: live, by a replay, on its egress topic alike. The acceptance is the canonical record's Kafka timestamp, which
 * the hub's outbox relay sets to when the event was written to the outbox (the intake's or the owning app's
 * transaction), not the publisher's `time`, which a publisher may date as it likes. Revoking deletes the grant, so a
 * new grant starts afresh: what was accepted while revoked, or under an earlier grant, is before it.
 *
 * Both are compared in whole milliseconds (the Kafka timestamp's unit, the grant read back in JavaScript): an event
 * accepted in the grant's own millisecond may have come before it, so it is not received.
 */
export function acceptedAfterGrant(acceptedAt: Date, grantedAt: Date): boolean {
  return acceptedAt.getTime() > grantedAt.getTime();
}

/** Where a replay asked from `since` begins for a type granted at `grantedAt`: never before the grant. */
export function replayStart(since: Date, grantedAt: Date): Date {
  return since.getTime() > grantedAt.getTime() ? since : grantedAt;
}
