import { Injectable } from '@nestjs/common';

/** The time the app goes by; tests replace it to move through deadlines without waiting. */
@Injectable()
export class Clock {
  private offsetMs = 0;
  private fixed?: Date;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date(Date.now() + this.offsetMs);
  }

  /** Tests only: stop the clock at `at`. */
  setFixed(at: Date | undefined): void {
    this.fixed = at;
  }
}
