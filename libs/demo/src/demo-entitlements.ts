import {
  EnterpriseDeregisteredV1,
  EnterpriseRegisteredV1,
  LicenceCancelledV1,
  LicenceChangedV1,
  LicenceGrantedV1,
  LicencePushEscalatedV1,
  LicencePushOverdueV1,
  LicencePushedV1,
  LicenceRenewedV1,
  LicenceRevokedV1,
  PushClaimedV1,
  PushEscalatedV1,
  PushFedBackV1,
  PushOverdueV1,
  PushReturnedV1,
  PushRevocationRequestedV1,
} from '@hub/contracts';

export interface DemoEntitlement {
  department: string;
  eventTypes: readonly string[];
  /** Why the department needs them. */
  because: string;
}

/**
 * The demo zone's entitlements, after the flows of the rule-of-law plan (seed/chengde-hightech-rule-of-law-plan):
 * what the 审批局 decides reaches the departments that supervise it, and their feedback comes back (审管衔接,
 * 双推送、互反馈). `npm start` grants them through the admin API.
 */
export const DEMO_ENTITLEMENTS: readonly DemoEntitlement[] = [
  {
    department: 'SCJG',
    eventTypes: [
      EnterpriseRegisteredV1.type,
      EnterpriseDeregisteredV1.type,
      LicenceGrantedV1.type,
      LicenceChangedV1.type,
      LicenceRenewedV1.type,
      LicenceRevokedV1.type,
      LicenceCancelledV1.type,
      LicencePushedV1.type,
    ],
    because: '市场监管分局 supervises every enterprise the 审批局 registers, and the licences pushed to it',
  },
  {
    department: 'YJJ',
    eventTypes: [LicenceGrantedV1.type, LicencePushedV1.type, LicenceRevokedV1.type, EnterpriseDeregisteredV1.type],
    because: '应急局 supervises the safety-production licences pushed to it (e.g. 危险化学品经营许可)',
  },
  {
    department: 'STHJ',
    eventTypes: [LicenceGrantedV1.type, LicencePushedV1.type, EnterpriseDeregisteredV1.type],
    because: '生态环境分局 supervises the environmental permits pushed to it',
  },
  {
    department: 'GAJ',
    eventTypes: [EnterpriseRegisteredV1.type, EnterpriseDeregisteredV1.type],
    because: '公安分局 files the seals an enterprise receives when it is established (企业设立同步发放电子印章)',
  },
  {
    department: 'RSJ',
    eventTypes: [EnterpriseRegisteredV1.type, EnterpriseDeregisteredV1.type],
    because: '人社局 opens the social-insurance registration that business registration includes (多证合一)',
  },
  {
    department: 'SPJ',
    eventTypes: [PushClaimedV1.type, PushReturnedV1.type, PushFedBackV1.type, PushRevocationRequestedV1.type],
    because: "审批局 receives the supervising departments' claims, returns and feedback (双推送、互反馈)",
  },
  {
    department: 'YFZQB',
    eventTypes: [LicencePushOverdueV1.type, LicencePushEscalatedV1.type, PushOverdueV1.type, PushEscalatedV1.type],
    because: '依法治区办 oversees that pushes are claimed and handled within their time limits',
  },
];
