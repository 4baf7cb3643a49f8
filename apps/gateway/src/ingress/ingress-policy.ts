import { CloudEvent, FieldError } from '@hub/contracts';

/**
 * Who may put what on a department's ingress topic: only events of types that department owns, stamped with its
 * code in the `department` extension and sent from one of its systems' sources (`/departments/<code>/…`).
 */
export function ingressViolations(event: CloudEvent, department: string, owner: string): FieldError[] {
  const errors: FieldError[] = [];
  if (owner !== department) {
    errors.push({ field: 'type', rule: 'owner', message: `${event.type} is owned by ${owner}, not ${department}` });
  }
  if (event.department !== department) {
    errors.push({
      field: 'department',
      rule: 'matches-ingress',
      message: `department must be ${department} on this ingress topic, got ${String(event.department ?? 'nothing')}`,
    });
  }
  if (!event.source.startsWith(`/departments/${department}/`)) {
    errors.push({ field: 'source', rule: 'matches-ingress', message: `source must start with /departments/${department}/` });
  }
  return errors;
}
