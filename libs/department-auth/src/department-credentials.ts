import { demoDepartmentCredential } from '@hub/config';
import { DEPARTMENTS } from '@hub/contracts';

export interface DepartmentCredential {
  readonly accessKeyId: string;
  readonly department: string;
  readonly secret: string;
}

/** The demo systems' credentials (one per department), used when none are configured in development and tests. */
export function demoCredentials(): DepartmentCredential[] {
  return DEPARTMENTS.map((d) => ({ ...demoDepartmentCredential(d.code), department: d.code }));
}

/** Reads `accessKeyId:DEPARTMENT:secret;…`; unset, the demo credentials, in development and tests only. */
export function parseCredentials(text: string | undefined, developmentMode: boolean): DepartmentCredential[] {
  if (text === undefined || text === '') {
    if (!developmentMode) throw new Error('LINKAGE_CREDENTIALS must be set in production');
    return demoCredentials();
  }
  return text.split(';').map((entry) => {
    const [accessKeyId, department, ...secret] = entry.split(':');
    return { accessKeyId, department, secret: secret.join(':') };
  });
}
