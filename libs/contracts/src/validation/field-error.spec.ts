import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsArray, IsString, MinLength, ValidateNested, validateSync } from 'class-validator';
import { flattenValidationErrors, formatFieldErrors, prefixFieldErrors, type FieldError } from './field-error';

class Commitment {
  @MinLength(1)
  @IsString()
  text!: string;
}

class Application {
  @IsString()
  matter!: string;

  @ValidateNested({ each: true })
  @Type(() => Commitment)
  @IsArray()
  commitments!: Commitment[];
}

describe('FieldError', () => {
  it('flattens nested class-validator errors into dotted paths with array indexes', () => {
    const instance = plainToInstance(Application, { matter: 7, commitments: [{ text: 'ok' }, { text: '' }] });
    const errors = flattenValidationErrors(validateSync(instance, { stopAtFirstError: true }), 'data');
    expect(errors).toEqual([
      { field: 'data.matter', rule: 'isString', message: 'matter must be a string' },
      {
        field: 'data.commitments[1].text',
        rule: 'minLength',
        message: 'text must be longer than or equal to 1 characters',
      },
    ]);
  });

  it('prefixes fields, e.g. with the position in a batch', () => {
    const errors: FieldError[] = [
      { field: 'time', rule: 'isRfc3339', message: 'm' },
      { field: '', rule: 'isObject', message: 'n' },
    ];
    expect(prefixFieldErrors('[2]', errors).map((e) => e.field)).toEqual(['[2].time', '[2]']);
    expect(prefixFieldErrors('data', [{ field: '[0]', rule: 'r', message: 'm' }])[0]?.field).toBe('data[0]');
  });

  it('formats a one-line reason naming each field and rule', () => {
    const line = formatFieldErrors([
      { field: 'data.uscc', rule: 'usccChecksum', message: 'uscc fails\nthe check' },
      { field: '', rule: 'isObject', message: 'a CloudEvent must be a JSON object' },
    ]);
    expect(line).toBe(
      'data.uscc (usccChecksum): uscc fails the check; (event) (isObject): a CloudEvent must be a JSON object',
    );
  });

  it('cuts the line to maxLength', () => {
    const line = formatFieldErrors([{ field: 'id', rule: 'isNotEmpty', message: 'x'.repeat(100) }], { maxLength: 20 });
    expect(line).toHaveLength(20);
    expect(line.endsWith('…')).toBe(true);
  });
});
