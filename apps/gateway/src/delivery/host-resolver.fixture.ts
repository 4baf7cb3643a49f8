import { HostResolver, ResolvedAddress } from './host-resolver';

/** A resolver whose n-th answer (from 0) the test decides, keeping the names it was asked for. */
export class ScriptedResolver extends HostResolver {
  readonly asked: string[] = [];

  constructor(private readonly answer: (n: number) => Promise<ResolvedAddress[]>) {
    super();
  }

  override lookup(hostname: string): Promise<ResolvedAddress[]> {
    this.asked.push(hostname);
    return this.answer(this.asked.length - 1);
  }
}
