import { DEPARTMENTS } from '../departments/departments';
import { EVENT_TYPES } from '../events/event-types';
import {
  APP_CONSUMES,
  LEDGER_GROUP,
  departmentRole,
  kafkaGrants,
  kafkaRoles,
  topicsUsedBy,
  type KafkaGrant,
} from './kafka-access';
import { APP_NAMES } from './owners';
import { Topics, deadLetterTopic, egressTopic, ingressTopic } from './topics';

const grants = kafkaGrants('p.');
const who = (operation: KafkaGrant['operation'], topic: string): string[] =>
  grants
    .filter((g) => g.resource === 'topic' && g.operation === operation && g.name === `p.${topic}`)
    .map((g) => g.role)
    .sort();

describe('kafkaGrants', () => {
  it('lets each department write its own ingress topic and no other, and read its own egress topic', () => {
    for (const { code } of DEPARTMENTS) {
      const role = departmentRole(code);
      // Beside the department, only the console writes there: it replays a dead letter where it came from.
      expect([code, who('write', ingressTopic(code)).filter((r) => r !== 'console')]).toEqual([code, [role]]);
      expect(who('write', ingressTopic(code))).toContain('console');
      expect([code, who('read', egressTopic(code))]).toEqual([code, [role]]);
      const writes = grants.filter((g) => g.role === role && g.operation === 'write').map((g) => g.name);
      expect(writes).toEqual([`p.${ingressTopic(code)}`]);
    }
  });

  it('lets the gateway alone read the ingress topics, and the gateway alone write the topics of department-owned types', () => {
    expect(who('read', ingressTopic('SCJG'))).toEqual(['gateway']);
    // zone.approval.enterprise.v1 carries only the 审批局's types: only the gateway relays them there.
    expect(who('write', Topics.ApprovalEnterpriseV1)).toEqual(['console', 'gateway']);
    // The licence topic also carries the approval app's pushes; the push topic the departments' claim requests.
    expect(who('write', Topics.ApprovalLicenceV1)).toEqual(['approval', 'console', 'gateway']);
    expect(who('write', Topics.SupervisionPushV1)).toEqual(['console', 'gateway', 'supervision']);
  });

  it('derives every writer from the owners: each app writes the topics of the types it owns', () => {
    for (const definition of EVENT_TYPES) {
      const writers = who('write', definition.topic);
      const expected = (APP_NAMES as readonly string[]).includes(definition.owner) ? definition.owner : 'gateway';
      expect([definition.type, writers]).toEqual([definition.type, expect.arrayContaining([expected])]);
    }
  });

  it("lets each app read what it consumes, write those topics' dead letters, and use its own group", () => {
    // The console's event ledger reads every canonical topic but its own.
    expect(who('read', Topics.SupervisionPushV1)).toEqual(['approval', 'console', 'gateway', 'supervision']);
    expect(who('read', Topics.ConsoleLedgerV1)).toEqual(['gateway']);
    // The console writes the push topic to replay a letter: its relay may set a row aside as a dead letter too.
    expect(who('write', deadLetterTopic(Topics.SupervisionPushV1))).toEqual([
      'approval',
      'console',
      'gateway',
      'supervision',
    ]);
    expect(who('read', deadLetterTopic(ingressTopic('SPJ')))).toEqual(['console', 'gateway']);
    expect(who('write', deadLetterTopic(ingressTopic('SPJ')))).toEqual(['console', 'gateway']);
    for (const app of APP_NAMES) {
      const groups = grants.filter((g) => g.role === app && g.resource === 'group' && g.operation === 'read');
      expect(groups).toEqual([
        { role: app, resource: 'group', name: `p.${app}`, pattern: 'literal', operation: 'read' },
        ...(app === 'console'
          ? [{ role: app, resource: 'group', name: `p.${LEDGER_GROUP}`, pattern: 'literal', operation: 'read' }]
          : []),
      ]);
    }
    expect(grants.find((g) => g.role === 'spj' && g.resource === 'group')).toMatchObject({
      name: 'p.spj.',
      pattern: 'prefixed',
    });
  });

  it("lets every writer's outbox relay set a row aside on that topic's dead-letter topic", () => {
    for (const grant of grants.filter((g) => g.resource === 'topic' && g.operation === 'write')) {
      if (grant.name.endsWith('.dlq') || !(APP_NAMES as readonly string[]).includes(grant.role)) continue;
      const dlq = `${grant.name}.dlq`;
      const may = grants.some((g) => g.role === grant.role && g.operation === 'write' && g.name === dlq);
      expect([grant.role, dlq, may]).toEqual([grant.role, dlq, true]);
    }
  });

  it('lets the gateway and the console alone describe the consumer groups of its prefix (events, lag)', () => {
    const describers = grants.filter((g) => g.resource === 'group' && g.operation === 'describe');
    expect(describers).toEqual([
      { role: 'gateway', resource: 'group', name: 'p.', pattern: 'prefixed', operation: 'describe' },
      { role: 'console', resource: 'group', name: 'p.', pattern: 'prefixed', operation: 'describe' },
    ]);
    expect(kafkaGrants('').filter((g) => g.resource === 'group' && g.operation === 'describe')).toEqual([
      { role: 'gateway', resource: 'group', name: '*', pattern: 'literal', operation: 'describe' },
      { role: 'console', resource: 'group', name: '*', pattern: 'literal', operation: 'describe' },
    ]);
  });

  it('names a role for every app and department, each with at least one grant, and every topic with its prefix', () => {
    const roles = new Set(grants.map((g) => g.role));
    for (const role of kafkaRoles()) expect([role, roles.has(role)]).toEqual([role, true]);
    expect(grants.every((g) => g.name.startsWith('p.'))).toBe(true);
    expect(Object.keys(APP_CONSUMES).sort()).toEqual([...APP_NAMES].sort());
  });

  it('gives each app the topics it ensures at boot, and the right to create them and their dead-letter topics', () => {
    expect(topicsUsedBy('inspection', 'p.')).toEqual(
      [
        Topics.ApprovalEnterpriseV1,
        Topics.ApprovalLicenceV1,
        Topics.InspectionRiskClassV1,
        Topics.InspectionResultV1,
        Topics.InspectionPlanV1,
        Topics.InspectionTaskV1,
        Topics.InspectionTargetV1,
      ].map((t) => `p.${t}`),
    );
    for (const app of APP_NAMES) {
      for (const topic of topicsUsedBy(app, 'p.')) {
        const may = (operation: KafkaGrant['operation'], name: string) =>
          grants.filter((g) => g.role === app && g.operation === operation && g.name === name).length;
        const dlq = `${topic}.dlq`;
        expect([app, topic, may('create', topic), may('create', dlq)]).toEqual([app, topic, 1, 1]);
        // Creating waits for the leaders, which takes seeing the topic.
        expect([app, topic, may('describe', topic), may('describe', dlq)]).toEqual([app, topic, 1, 1]);
      }
    }
  });
});
