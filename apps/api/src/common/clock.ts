import { Injectable } from '@nestjs/common';

/** The time source for every rule that depends on time, so tests can move it. */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Test hook: moves this process's clock forward. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
