import { DEPARTMENTS } from '@hub/contracts';

export interface DepartmentCredential {
  readonly accessKeyId: string;
  readonly department: string;
  readonly secret: string;
}

/** The demo systems' credentials (one per department), used when none are configured outside production. */
export function demoCredentials(): DepartmentCredential[] {
  return DEPARTMENTS.map((d) => ({
    accessKeyId: `demo-${d.code.toLowerCase()}`,
    department: d.code,
    secret: `demo-secret-${d.code}-0001`,
  }));
}

/** Reads `accessKeyId:DEPARTMENT:secret;…`. */
export function parseCredentials(text: string | undefined, production: boolean): DepartmentCredential[] {
  if (text === undefined || text === '') {
    if (production) throw new Error('LINKAGE_CREDENTIALS must be set in production');
    return demoCredentials();
  }
  return text.split(';').map((entry) => {
    const [accessKeyId, department, ...secret] = entry.split(':');
    return { accessKeyId, department, secret: secret.join(':') };
  });
}
