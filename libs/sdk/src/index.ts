// @hub/sdk: a department system's typed, signing client of the hub's gateway.
export { HubClient, type ContentMode, type HubClientOptions, type RequestOptions } from './hub-client';
export { HubConnectionError, HubError } from './hub-error';
export { percentEncode, toBinaryRequest } from './binary-mode';
export { DEAD_LETTER_NOTICE_TYPE } from './wire-types';
export type {
  BatchItemResult,
  BatchResult,
  CloudEventInput,
  DeadLetterNotice,
  DepartmentStats,
  Delivery,
  Entitlement,
  EventDeadLetter,
  EventStatus,
  EventTypeInfo,
  FieldError,
  PersonAccount,
  PersonAction,
  ProblemDetails,
  PublishedMatter,
  Query,
  Receipt,
  ReplayResult,
  SentCloudEvent,
  Subscription,
  SubscriptionChange,
  SubscriptionInput,
} from './wire-types';
// Signing, for department systems that build their own requests.
export {
  canonicalRequest,
  randomNonce,
  requestSignature,
  signRequest,
  unixSeconds,
  verifyWebhook,
  WebhookHeaders,
} from '@hub/auth';
