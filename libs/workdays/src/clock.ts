import { Injectable } from '@nestjs/common';

/** The time an app goes by for deadlines; tests stop it at a chosen instant to move through deadlines. */
@Injectable()
export class Clock {
  private fixed?: Date;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Tests only: stop the clock at `at` (undefined: real time again). */
  setFixed(at: Date | undefined): void {
    this.fixed = at;
  }
}
