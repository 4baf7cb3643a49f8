import { ValidateBy, type ValidationOptions } from 'class-validator';

// 公民身份号码, GB 11643-1999: 17 digits and a check character, ISO 7064 MOD 11-2 (X stands for 10).
const PERSON_ID = /^\d{17}[\dX]$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECKS = '10X98765432';

export const PERSON_ID_RULE = 'isPersonId';

export function isPersonId(value: unknown): value is string {
  if (typeof value !== 'string' || !PERSON_ID.test(value)) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  return CHECKS[sum % 11] === value[17];
}

/** A 公民身份号码 whose check character is right. */
export function IsPersonId(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: PERSON_ID_RULE,
      validator: {
        validate: (value) => isPersonId(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a 公民身份号码 (GB 11643-1999): 17 digits and the ISO 7064 MOD 11-2 check character`,
      },
    },
    validationOptions,
  );
}
