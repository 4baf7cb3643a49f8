// @hub/auth: the hub's HUB-HMAC-SHA256 request signing and webhook signing (spec/HTTP-SIGNING.md).
// Pure Node crypto, no framework: the gateway, the SDK and the CLI share it byte for byte.
export * from './hmac-signing';
export * from './webhook-signing';
// AES-256-GCM sealing of secrets at rest (the gateway's credentials, the inspection draws' secrets).
export * from './secret-box';
