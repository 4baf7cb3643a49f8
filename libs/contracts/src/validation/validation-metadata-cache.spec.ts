import { IsInt, IsString, Length, validateSync } from 'class-validator';
import { rememberValidationMetadata } from './validation-metadata-cache';

describe('rememberValidationMetadata', () => {
  beforeAll(() => rememberValidationMetadata());

  class Base {
    @IsString()
    name!: unknown;
  }

  const check = (target: object) => validateSync(target).flatMap((e) => Object.keys(e.constraints ?? {}));

  it('checks the same rules once remembered as the first time', () => {
    const bad = Object.assign(new Base(), { name: 1 });
    expect(check(bad)).toEqual(['isString']);
    expect(check(bad)).toEqual(['isString']);
    expect(check(Object.assign(new Base(), { name: 'x' }))).toEqual([]);
  });

  it('sees the rules of a class declared after a lookup, inherited ones included', () => {
    expect(check(Object.assign(new Base(), { name: 2 }))).toEqual(['isString']);
    class Derived extends Base {
      @IsInt()
      count!: unknown;
    }
    expect(check(Object.assign(new Derived(), { name: 3, count: 'many' })).sort()).toEqual(['isInt', 'isString']);
    class Later {
      @Length(2, 3)
      code!: string;
    }
    expect(check(Object.assign(new Later(), { code: 'x' }))).toEqual(['isLength']);
  });

  it('is idempotent', () => {
    rememberValidationMetadata();
    expect(check(Object.assign(new Base(), { name: 4 }))).toEqual(['isString']);
  });
});
